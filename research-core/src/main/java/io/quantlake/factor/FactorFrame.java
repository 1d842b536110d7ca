package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.TimestampType;

/**
 * The prepared frame every {@link Factor} reads: candles with the per-bar inputs computed once,
 * and the named windows factors use.
 *
 * <p>Columns of {@link #prepare}: {@code market, interval, symbol, ts} (the bar's open time,
 * {@code TimestampType}), {@code open, high, low} (when the candles have them, as the lake's do), {@code close,
 * volume}, {@link #QV} (effective quote volume, USDT),
 * {@link #RET} (simple close-to-close return on the symbol's own previous bar, a fraction; null on
 * its first bar), {@link #BAR_NO} (1-based index of the bar among the symbol's own bars, so
 * {@code bar_no >= warmup} means the symbol has the bars a factor needs), and one market-return
 * column per requested {@link MarketProxy} ({@link MarketProxy#columnName()}).
 *
 * <p>Timing: every column of a row uses only bars with {@code open_time <= ts} (bar {@code ts}
 * complete), per SIMULATION.md §2 and §12.9 (returns use each symbol's own bars, across gaps).
 */
public final class FactorFrame {
    public static final String MARKET = "market";
    public static final String INTERVAL = "interval";
    public static final String SYMBOL = "symbol";
    public static final String TS = "ts";
    public static final String OPEN = "open";
    public static final String HIGH = "high";
    public static final String LOW = "low";
    public static final String CLOSE = "close";
    public static final String VOLUME = "volume";
    /** Effective quote volume in USDT: {@code quote_volume}, or {@code close · volume} where that is null or NaN. */
    public static final String QV = "qv";
    /** Simple return {@code close_t / close_{t-1} − 1} over the symbol's own previous bar. */
    public static final String RET = "ret";
    /** 1-based position of the bar among the symbol's own bars. */
    public static final String BAR_NO = "bar_no";

    /** One symbol's bars in time order (per market and interval); frames are added by {@link #trailing}. */
    public static final WindowSpec BY_SYMBOL = Window.partitionBy(MARKET, INTERVAL, SYMBOL).orderBy(TS);
    /**
     * All symbols present at one bar time (per market and interval); the whole partition is the frame,
     * visited in symbol order so that sums are bit-identical whatever the partitioning (SIMULATION.md §11).
     */
    public static final WindowSpec BY_TIME = Window.partitionBy(MARKET, INTERVAL, TS).orderBy(SYMBOL)
            .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());

    private FactorFrame() {
    }

    /**
     * The symbol's last {@code n} own bars ending at the current one:
     * {@code rowsBetween(-(n - 1), currentRow)} (STYLE.md 15).
     */
    public static WindowSpec trailing(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window length must be >= 1 bar, got " + n);
        }
        return BY_SYMBOL.rowsBetween(-(n - 1), Window.currentRow());
    }

    /**
     * {@code agg} over {@link #trailing}({@code n}) when the window holds {@code n} non-null values of
     * {@code input}, else null: a rolling statistic is never computed on a partial window.
     */
    static Column full(Column input, int n, Column agg) {
        WindowSpec w = trailing(n);
        return when(org.apache.spark.sql.functions.count(input).over(w).equalTo(n), agg.over(w));
    }

    /** {@code num / den}, null where {@code den} is 0 or null (Spark 4's ANSI mode would throw). */
    static Column ratio(Column num, Column den) {
        return when(den.notEqual(0.0), num.divide(den));
    }

    /**
     * Prepares candles (the columns of the Delta table {@code candles}) for factor computation.
     *
     * @param candles rows with at least market, interval, symbol, open_time (timestamp), close, volume; and
     *                quote_volume, which may be absent (plain OHLCV: then {@code close · volume} throughout);
     *                open, high and low are carried (as doubles) when present
     * @param proxies market proxies whose return columns factors need (duplicates ignored)
     */
    public static Dataset<Row> prepare(Dataset<Row> candles, Collection<MarketProxy> proxies) {
        Objects.requireNonNull(candles, "candles");
        for (String c : List.of(MARKET, INTERVAL, SYMBOL, "open_time", CLOSE, VOLUME)) {
            if (!List.of(candles.columns()).contains(c)) {
                throw new IllegalArgumentException("candles lack column '" + c + "'; columns: " + List.of(candles.columns()));
            }
        }
        if (!(candles.schema().apply("open_time").dataType() instanceof TimestampType)) {
            throw new IllegalArgumentException("candles.open_time must be a timestamp (DESIGN.md conventions), got "
                    + candles.schema().apply("open_time").dataType().simpleString());
        }
        boolean hasQuoteVolume = List.of(candles.columns()).contains("quote_volume");
        Column quoteVolume = hasQuoteVolume ? col("quote_volume").cast("double") : lit(null).cast("double");
        Column close = col(CLOSE).cast("double");
        Column qv = when(quoteVolume.isNull().or(isnan(quoteVolume)), close.multiply(col(VOLUME).cast("double")))
                .otherwise(quoteVolume);
        List<Column> baseCols = new ArrayList<>(List.of(col(MARKET), col(INTERVAL), col(SYMBOL), col("open_time").as(TS)));
        for (String price : List.of(OPEN, HIGH, LOW)) {
            if (List.of(candles.columns()).contains(price)) {
                baseCols.add(col(price).cast("double").as(price));
            }
        }
        baseCols.addAll(List.of(close.as(CLOSE), col(VOLUME).cast("double").as(VOLUME), qv.as(QV)));
        Dataset<Row> base = candles.select(baseCols.toArray(Column[]::new));
        Dataset<Row> withRet = base
                .withColumn(RET, close.divide(lag(col(CLOSE), 1).over(BY_SYMBOL)).minus(lit(1.0)))
                .withColumn(BAR_NO, row_number().over(BY_SYMBOL));
        List<Column> cols = new ArrayList<>();
        for (String c : withRet.columns()) {
            cols.add(col(c));
        }
        for (MarketProxy p : new LinkedHashSet<>(proxies)) {
            cols.add(p.returnColumn().as(p.columnName()));
        }
        return withRet.select(cols.toArray(Column[]::new));
    }
}
