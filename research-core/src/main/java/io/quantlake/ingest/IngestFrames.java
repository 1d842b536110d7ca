package io.quantlake.ingest;

import io.quantlake.market.FundingRecord;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What one ingest read, as Spark DataFrames (the driver holds counts and the few files quarantined whole, never
 * rows), before the lake writes it ({@code LakeWriter}) in one commit per table. Some frames are persisted:
 * {@link #release()} frees them once written.
 *
 * @param files         input files read (exchangeInfo files included)
 * @param rowsRead      data rows read, header lines excluded, those of files quarantined whole included
 * @param candles       valid candles, one per key: {@code market, interval, symbol, open_time} (epoch ms),
 *                      {@code open, high, low, close, volume, quote_volume, trades, taker_buy_base, taker_buy_quote}
 *                      (NULL where the source does not carry the value)
 * @param funding       valid funding records, one per key: {@code market, symbol, funding_time} (epoch ms),
 *                      {@code funding_rate, mark_price}
 * @param symbols       symbol metadata (exchangeInfo), read on the driver
 * @param quarantine    rejected rows ({@link SparkIngest#QUARANTINE_SCHEMA}): {@code source, line, raw, reason} (code),
 *                      {@code detail}, then order columns: rows rejected while reading (and files quarantined whole)
 *                      in input order, then conflicting duplicates by key
 * @param filesRejected the files quarantined whole (also in {@code quarantine}), in input order
 * @param cached        the persisted frames {@link #release()} unpersists
 * @param known         what the read counted already, so that the write need not read rows for it; null: nothing
 */
public record IngestFrames(int files, long rowsRead, Dataset<Row> candles, Dataset<Row> funding,
                           List<SymbolInfo> symbols, Dataset<Row> quarantine, List<QuarantineRow> filesRejected,
                           List<Dataset<Row>> cached, Known known) {
    /**
     * The time range of one input file's rows: its series and the smallest and largest time (epoch ms) of its rows.
     *
     * @param interval null for funding
     */
    public record Span(String market, String interval, String symbol, long minMs, long maxMs) {
        public Span {
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(symbol, "symbol");
            if (minMs > maxMs) {
                throw new IllegalArgumentException("span of " + market + " " + interval + " " + symbol
                        + ": min time " + minMs + " after max time " + maxMs);
            }
        }
    }

    /**
     * Counts an ingest read knows before writing.
     *
     * @param candles            rows of {@link #candles()} (one per key), -1 when unknown (keys grouped in Spark)
     * @param funding            rows of {@link #funding()}, -1 when unknown
     * @param quarantineByReason rows of {@link #quarantine()} by reason code, null when unknown
     * @param candleSpans        the spans of the files the candles come from (each candle lies in one)
     * @param fundingSpans       the spans of the files the funding records come from
     */
    public record Known(long candles, long funding, Map<String, Long> quarantineByReason, List<Span> candleSpans,
                        List<Span> fundingSpans) {
        public Known {
            quarantineByReason = quarantineByReason == null ? null : Map.copyOf(quarantineByReason);
            candleSpans = List.copyOf(candleSpans);
            fundingSpans = List.copyOf(fundingSpans);
        }
    }

    private static final Comparator<Row> QUARANTINE_ORDER = Comparator
            .<Row>comparingInt(r -> r.getInt(r.fieldIndex("q_phase")))
            .thenComparing(r -> r.<String>getAs("q_market"), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.<Long>getAs("q_interval_ms"), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.<String>getAs("q_symbol"), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.<Long>getAs("q_time"), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(r -> r.getInt(r.fieldIndex("q_file")))
            .thenComparingLong(r -> r.getLong(r.fieldIndex("line")));

    /** Columns of {@link #candles()}. */
    public static final StructType CANDLES_SCHEMA = new StructType()
            .add("market", DataTypes.StringType, false).add("interval", DataTypes.StringType, false)
            .add("symbol", DataTypes.StringType, false).add("open_time", DataTypes.LongType, false)
            .add("open", DataTypes.DoubleType, false).add("high", DataTypes.DoubleType, false)
            .add("low", DataTypes.DoubleType, false).add("close", DataTypes.DoubleType, false)
            .add("volume", DataTypes.DoubleType, true).add("quote_volume", DataTypes.DoubleType, true)
            .add("trades", DataTypes.LongType, true).add("taker_buy_base", DataTypes.DoubleType, true)
            .add("taker_buy_quote", DataTypes.DoubleType, true);
    /** Columns of {@link #funding()}. */
    public static final StructType FUNDING_SCHEMA = new StructType()
            .add("market", DataTypes.StringType, false).add("symbol", DataTypes.StringType, false)
            .add("funding_time", DataTypes.LongType, false).add("funding_rate", DataTypes.DoubleType, false)
            .add("mark_price", DataTypes.DoubleType, true);
    /** Columns of {@link #quarantine()}. */
    public static final StructType QUARANTINE_SCHEMA = SparkIngest.QUARANTINE_SCHEMA;

    public IngestFrames {
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(funding, "funding");
        Objects.requireNonNull(quarantine, "quarantine");
        symbols = List.copyOf(symbols);
        filesRejected = List.copyOf(filesRejected);
        cached = List.copyOf(cached);
    }

    /** Unpersists the cached frames (after the write). */
    public void release() {
        cached.forEach(Dataset::unpersist);
    }

    /**
     * Collects everything to the driver as an {@link IngestBatch} (candles and funding sorted by key, quarantine in
     * its order) and releases the frames: for small inputs and tests only. A frame the read counted empty
     * ({@link #known()}) runs no Spark job.
     */
    public IngestBatch collect() {
        try {
            List<CandleBar> bars = new ArrayList<>();
            for (Row r : known != null && known.candles() == 0 ? List.<Row>of() : candles.collectAsList()) {
                bars.add(new CandleBar(Market.parse(r.getAs("market")), Interval.parse(r.getAs("interval")),
                        r.getAs("symbol"), r.<Long>getAs("open_time"), r.getAs("open"), r.getAs("high"), r.getAs("low"),
                        r.getAs("close"), nan(r, "volume"), nan(r, "quote_volume"),
                        r.isNullAt(r.fieldIndex("trades")) ? -1 : r.<Long>getAs("trades"), nan(r, "taker_buy_base"),
                        nan(r, "taker_buy_quote")));
            }
            bars.sort(IngestCollector.CANDLE_ORDER);
            List<FundingRecord> records = new ArrayList<>();
            for (Row r : known != null && known.funding() == 0 ? List.<Row>of() : funding.collectAsList()) {
                records.add(new FundingRecord(Market.parse(r.getAs("market")), r.getAs("symbol"),
                        r.<Long>getAs("funding_time"), r.getAs("funding_rate"), nan(r, "mark_price")));
            }
            records.sort(IngestCollector.FUNDING_ORDER);
            boolean noneRejected = known != null && known.quarantineByReason() != null
                    && known.quarantineByReason().values().stream().allMatch(n -> n == 0);
            List<Row> q = new ArrayList<>(noneRejected ? List.of() : quarantine.collectAsList());
            q.sort(QUARANTINE_ORDER);
            List<QuarantineRow> rows = new ArrayList<>();
            for (Row r : q) {
                rows.add(new QuarantineRow(r.getAs("source"), r.<Long>getAs("line"), r.getAs("raw"),
                        reason(r.getAs("reason")), r.getAs("detail")));
            }
            return new IngestBatch(files, rowsRead, bars, records, symbols, rows);
        } finally {
            release();
        }
    }

    /** The reason of a code. */
    static QuarantineReason reason(String code) {
        for (QuarantineReason r : QuarantineReason.values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalStateException("unknown quarantine reason code " + code);
    }

    private static double nan(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }
}
