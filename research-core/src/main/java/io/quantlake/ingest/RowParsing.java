package io.quantlake.ingest;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Parsing and validation of the data lines of {@link FileLines} as Column expressions (no UDF): the fields are
 * the line split on commas; each format's fields are parsed in column order and then validated, and the first
 * failure gives the row's {@code reason} and {@code detail} (NULL for a good row), with the same codes and texts
 * as {@link FieldParser}, {@link BinanceFormat}, {@link CandleValidator} and {@link FundingValidator}:
 * <ul>
 *   <li>decimals: {@code -?digits[.digits][e[+-]digits]}, finite; integers: {@code -?digits} fitting a long;</li>
 *   <li>epoch times: ms, or µs from {@code 1e14} (converted; a µs value that is no whole ms is unparsable),
 *       {@code |t| >= 1e17} is neither; the unit of each epoch field read is recorded as a position
 *       ({@code ms_at}, {@code us_at}: line × 2, + 1 for {@code close_time}) so that a source mixing units can be
 *       found by aggregation ({@link FileVerdicts});</li>
 *   <li>plain CSVs also take ISO-8601 UTC times ({@code 2024-01-01T00:00:00Z}, an offset, no zone = UTC, a space
 *       for {@code T}, a date alone).</li>
 * </ul>
 * Each field's value and each check's failure flag is a column of its own, computed once per row
 * ({@link RowChecks}); the reason and detail are a when-chain over the flags.
 * Output columns: those of {@link FileLines#SCHEMA} ({@code detail} renamed {@code event_detail}), the typed
 * values (candles: {@code open_time} epoch ms, {@code open, high, low, close, volume, quote_volume, trades,
 * taker_buy_base, taker_buy_quote}; funding: {@code funding_time} epoch ms, {@code funding_rate, mark_price}; NULL
 * where the format does not carry a value), {@code parsed} (every field parsed, whatever the validation),
 * {@code reason}, {@code detail}, {@code ms_at}, {@code us_at}.
 */
final class RowParsing {
    private static final String DECIMAL = "^-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$";
    private static final String INTEGER = "^-?[0-9]+$";
    private static final String ISO = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?"
            + "(Z|[+-][0-9]{2}:[0-9]{2})?)?$";
    private static final long MICROS_FROM = EpochUnit.MICROS_FROM;
    private static final long TOO_LARGE_FROM = EpochUnit.TOO_LARGE_FROM;

    private RowParsing() {
    }

    /** A column of the parse's output that no optimizer rule can see through (see {@link #where}). */
    private static final String BARRIER = "parse_task_";

    /**
     * The rows of {@code parsed} (an output of {@link #parse}) that meet {@code condition}, the parse evaluated once
     * per row: the condition also reads a non-deterministic column of the parse projection, so the optimizer keeps
     * the filter above the projection instead of pushing it below with the projection's expressions inlined (which
     * matched every field's pattern again for {@code reason}; {@code RowParsingPlanTest}).
     */
    static Dataset<Row> where(Dataset<Row> parsed, Column condition) {
        return parsed.filter(condition.and(col(BARRIER).geq(0)));
    }

    /** Parses and checks the lines of files of {@code format}. */
    static Dataset<Row> parse(Dataset<Row> lines, FileJob.Format format) {
        RowChecks checks = new RowChecks(lines.withColumnRenamed("detail", "event_detail")
                .withColumn("fields", split(col("raw"), ",", -1)));
        List<Column> values = switch (format) {
            case ARCHIVE_KLINES -> kline(checks);
            case CSV_CANDLES -> csvCandle(checks);
            case ARCHIVE_FUNDING -> archiveFunding(checks);
            case CSV_FUNDING -> csvFunding(checks);
        };
        Column parsed = checks.ok(checks.size());
        if (format.funding()) {
            fundingRules(checks);
        } else {
            candleRules(checks);
        }
        List<Column> out = new ArrayList<>();
        for (String c : List.of("file_id", "source", "line", "entry", "raw", "layout", "event", "event_detail", "market",
                "interval", "interval_ms", "symbol")) {
            out.add(col(c));
        }
        out.addAll(values);
        Column data = col("event").isNull();
        out.add(data.and(parsed).as("parsed"));
        out.add(when(data, checks.reason()).as("reason"));
        out.add(when(data, checks.detail()).as("detail"));
        out.add(when(data, checks.firstMillis()).as("ms_at"));
        out.add(when(data, checks.firstMicros()).as("us_at"));
        out.add(spark_partition_id().as(BARRIER));
        return checks.frame().select(out.toArray(new Column[0]));
    }

    private static List<Column> kline(RowChecks c) {
        columns(c, 12, BinanceFormat.KLINE_HEADER);
        Column openTime = epoch(c, 0, "open_time", false, 0);
        Column[] ohlcv = ohlcv(c);
        epochRaw(c, 6, "close_time", 1);
        Column quoteVolume = decimal(c, 7, "quote_volume", "quote_volume");
        Column trades = integer(c, 8, "count", "trades");
        Column takerBase = decimal(c, 9, "taker_buy_volume", "taker_buy_base");
        Column takerQuote = decimal(c, 10, "taker_buy_quote_volume", "taker_buy_quote");
        return candle(openTime, ohlcv, quoteVolume, trades, takerBase, takerQuote);
    }

    /** Fields 1 to 5: open, high, low, close, volume. */
    private static Column[] ohlcv(RowChecks c) {
        String[] names = {"open", "high", "low", "close", "volume"};
        Column[] out = new Column[names.length];
        for (int k = 0; k < names.length; k++) {
            out[k] = decimal(c, k + 1, names[k], names[k]);
        }
        return out;
    }

    private static List<Column> csvCandle(RowChecks c) {
        columns(c, 6, CsvCandleReader.HEADER);
        Column openTime = epoch(c, 0, "open_time", true, 0);
        Column[] ohlcv = ohlcv(c);
        Column none = lit(null).cast(DataTypes.DoubleType);
        c.value("quote_volume", none);
        c.value("trades", lit(null).cast(DataTypes.LongType));
        c.value("taker_buy_base", none);
        c.value("taker_buy_quote", none);
        return candle(openTime, ohlcv, col("quote_volume"), col("trades"), col("taker_buy_base"), col("taker_buy_quote"));
    }

    private static List<Column> candle(Column openTime, Column[] ohlcv, Column quoteVolume, Column trades,
                                       Column takerBase, Column takerQuote) {
        return List.of(openTime.as("open_time"), ohlcv[0].as("open"), ohlcv[1].as("high"), ohlcv[2].as("low"),
                ohlcv[3].as("close"), ohlcv[4].as("volume"), quoteVolume.as("quote_volume"), trades.as("trades"),
                takerBase.as("taker_buy_base"), takerQuote.as("taker_buy_quote"));
    }

    private static List<Column> archiveFunding(RowChecks c) {
        columns(c, 3, BinanceFormat.FUNDING_HEADER);
        Column time = epoch(c, 0, "calc_time", false, 0, "funding_time");
        Column hours = integer(c, 1, "funding_interval_hours", "v_hours_");
        c.check(hours.leq(0), QuarantineReason.UNPARSABLE_FIELD,
                concat(lit("funding_interval_hours "), hours.cast("string"), lit(" must be > 0")));
        Column rate = decimal(c, 2, "last_funding_rate", "funding_rate");
        Column mark = c.value("mark_price", lit(null).cast(DataTypes.DoubleType));
        return List.of(time.as("funding_time"), rate.as("funding_rate"), mark.as("mark_price"));
    }

    private static List<Column> csvFunding(RowChecks c) {
        Column threeColumns = col("layout").equalTo(1);
        Column expected = when(threeColumns, 3).otherwise(2);
        c.check(size(col("fields")).notEqual(expected), QuarantineReason.WRONG_COLUMN_COUNT,
                concat(expected.cast("string"), lit(" columns expected ("),
                        when(threeColumns, lit(FundingCsvReader.HEADERS.get(1))).otherwise(lit(FundingCsvReader.HEADERS.get(0))),
                        lit("), got "), size(col("fields")).cast("string")));
        Column time = epoch(c, 0, "funding_time", true, 0);
        Column rate = decimal(c, 1, "funding_rate", "funding_rate");
        Column markText = field(2);
        Column markValue = c.value("v_mark_", decimalValue(markText));
        c.check(threeColumns.and(markText.notEqual("")).and(not(finite(markValue))), QuarantineReason.UNPARSABLE_FIELD,
                notA("mark_price", markText, "a decimal number"));
        Column mark = c.value("mark_price", when(threeColumns.and(markText.notEqual("")), markValue));
        return List.of(time.as("funding_time"), rate.as("funding_rate"), mark.as("mark_price"));
    }

    /** {@link CandleValidator}'s rules, in its order. */
    private static void candleRules(RowChecks c) {
        for (String p : List.of("open", "high", "low", "close")) {
            c.check(not(col(p).gt(0)), QuarantineReason.NON_POSITIVE_PRICE,
                    concat(lit(p + " "), num(col(p)), lit(" must be > 0")));
        }
        Column o = col("open");
        Column cl = col("close");
        c.check(col("high").lt(greatest(o, cl)), QuarantineReason.HIGH_BELOW_OPEN_CLOSE,
                concat(lit("high "), num(col("high")), lit(" < max(open "), num(o), lit(", close "), num(cl), lit(")")));
        c.check(col("low").gt(least(o, cl)), QuarantineReason.LOW_ABOVE_OPEN_CLOSE,
                concat(lit("low "), num(col("low")), lit(" > min(open "), num(o), lit(", close "), num(cl), lit(")")));
        String[][] volumes = {{"volume", "volume"}, {"quote_volume", "quote_volume"},
                {"taker_buy_base", "taker_buy_volume"}, {"taker_buy_quote", "taker_buy_quote_volume"}};
        for (String[] v : volumes) {
            c.check(col(v[0]).lt(0), QuarantineReason.NEGATIVE_VOLUME,
                    concat(lit(v[1] + " "), num(col(v[0])), lit(" must be >= 0")));
        }
        c.check(col("trades").lt(-1), QuarantineReason.NEGATIVE_VOLUME,
                concat(lit("count "), col("trades").cast("string"), lit(" must be >= 0")));
        Column t = col("open_time");
        Column anchor = when(col("interval").equalTo("1w"), 4 * 86_400_000L).otherwise(0L);
        c.check(pmod(t.minus(anchor), col("interval_ms")).notEqual(0), QuarantineReason.MISALIGNED_OPEN_TIME,
                concat(lit("open_time "), t.cast("string"), lit(" ("), iso(t), lit(") is not a bar open of interval "),
                        col("interval")));
    }

    /** {@link FundingValidator}'s rules (the rate is finite once parsed). */
    private static void fundingRules(RowChecks c) {
        Column mark = col("mark_price");
        c.check(mark.isNotNull().and(not(mark.gt(0))), QuarantineReason.NON_POSITIVE_PRICE,
                concat(lit("mark_price "), num(mark), lit(" must be > 0")));
    }

    // ---- fields

    private static Column field(int i) {
        return try_element_at(col("fields"), lit(i + 1));
    }

    private static void columns(RowChecks c, int n, String header) {
        c.check(size(col("fields")).notEqual(n), QuarantineReason.WRONG_COLUMN_COUNT,
                concat(lit(n + " columns expected (" + header + "), got "), size(col("fields")).cast("string")));
    }

    private static Column decimalValue(Column text) {
        return when(text.rlike(DECIMAL), text.try_cast(DataTypes.DoubleType));
    }

    private static Column finite(Column x) {
        return x.isNotNull().and(abs(x).leq(Double.MAX_VALUE));
    }

    /** Field {@code i} (named {@code name} in texts) as a decimal, the column {@code column}. */
    private static Column decimal(RowChecks c, int i, String name, String column) {
        Column value = c.value(column, decimalValue(field(i)));
        c.check(not(finite(value)), QuarantineReason.UNPARSABLE_FIELD, notA(name, field(i), "a decimal number"));
        return value;
    }

    private static Column integerValue(Column text) {
        return when(text.rlike(INTEGER), text.try_cast(DataTypes.LongType));
    }

    /** Field {@code i} (named {@code name} in texts) as an integer, the column {@code column}. */
    private static Column integer(RowChecks c, int i, String name, String column) {
        Column value = c.value(column, integerValue(field(i)));
        c.check(value.isNull(), QuarantineReason.UNPARSABLE_FIELD, notA(name, field(i), "an integer"));
        return value;
    }

    private static Column notA(String name, Column text, String expected) {
        return concat(lit(name + " '"), text, lit("' is not " + expected));
    }

    /** An epoch field returned raw (its unit checked and recorded), as {@link FieldParser#epochRaw}. */
    private static Column epochRaw(RowChecks c, int i, String name, int position) {
        Column raw = integer(c, i, name, "v_" + name + "_");
        Column neither = raw.geq(TOO_LARGE_FROM).or(raw.leq(-TOO_LARGE_FROM));
        c.check(neither, QuarantineReason.UNPARSABLE_FIELD,
                concat(lit(name + " "), raw.cast("string"), lit(" is neither epoch milliseconds nor microseconds")));
        c.unitAt(lit(true), micros(raw), col("line").multiply(2).plus(position));
        return raw;
    }

    private static Column micros(Column raw) {
        return raw.geq(MICROS_FROM).or(raw.leq(-MICROS_FROM));
    }

    private static Column epoch(RowChecks c, int i, String name, boolean iso, int position) {
        return epoch(c, i, name, iso, position, name);
    }

    /**
     * An epoch field (ms or µs) converted to ms, the column {@code column}, as {@link FieldParser#epochMillis}; with
     * {@code iso}, a value that is not an integer is read as an ISO-8601 UTC time, as
     * {@link FieldParser#epochOrIsoMillis}.
     */
    private static Column epoch(RowChecks c, int i, String name, boolean iso, int position, String column) {
        Column text = field(i);
        Column isInteger = c.value("v_" + name + "_int_", text.rlike(INTEGER));
        Column raw = c.value("v_" + name + "_raw_", when(isInteger, text.try_cast(DataTypes.LongType)));
        if (iso) {
            Column time = c.value("v_" + name + "_iso_", when(not(isInteger).and(text.rlike(ISO)),
                    unix_millis(regexp_replace(text, "^(.{10}) ", "$1T").try_cast(DataTypes.TimestampType))));
            c.check(not(isInteger).and(time.isNull()), QuarantineReason.UNPARSABLE_FIELD,
                    notA(name, text, "epoch milliseconds or an ISO-8601 UTC time"));
        }
        c.check(isInteger.and(raw.isNull()).or(iso ? lit(false) : not(isInteger)), QuarantineReason.UNPARSABLE_FIELD,
                notA(name, text, "an integer"));
        Column neither = raw.geq(TOO_LARGE_FROM).or(raw.leq(-TOO_LARGE_FROM));
        c.check(neither, QuarantineReason.UNPARSABLE_FIELD,
                concat(lit(name + " "), raw.cast("string"), lit(" is neither epoch milliseconds nor microseconds")));
        c.unitAt(isInteger, micros(raw), col("line").multiply(2).plus(position));
        c.check(micros(raw).and(pmod(raw, lit(1000L)).notEqual(0)), QuarantineReason.UNPARSABLE_FIELD,
                concat(lit(name + " "), raw.cast("string"), lit(" is epoch µs but not a whole millisecond")));
        Column millis = when(micros(raw), raw.cast(DataTypes.createDecimalType(20, 0)).divide(1000).cast(DataTypes.LongType))
                .otherwise(raw);
        return c.value(column, iso ? when(isInteger, millis).otherwise(col("v_" + name + "_iso_")) : millis);
    }

    // ---- texts

    /**
     * A double as {@link Violation#num} writes it (plain, no exponent, no trailing zeros): through a decimal of
     * scale 18, falling back to Spark's text beyond its range.
     */
    static Column num(Column x) {
        Column plain = regexp_replace(regexp_replace(x.try_cast(DataTypes.createDecimalType(38, 18)).cast("string"),
                "(\\.[0-9]*[1-9])0+$", "$1"), "\\.0+$", "");
        return org.apache.spark.sql.functions.coalesce(plain, x.cast("string"));
    }

    /** Epoch ms as {@code Instant.toString} writes it: {@code 2024-01-01T06:30:00Z}, {@code ….500Z}. */
    static Column iso(Column ms) {
        Column millis = pmod(ms, lit(1000L));
        return concat(date_format(timestamp_millis(ms), "yyyy-MM-dd'T'HH:mm:ss"),
                when(millis.equalTo(0), lit("")).otherwise(concat(lit("."), lpad(millis.cast("string"), 3, "0"))),
                lit("Z"));
    }
}
