package io.quantlake.lake;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta tables of a lake (DESIGN.md, "Delta tables"), each stored path-based at
 * {@code <lake root>/<name>}, with its key and schema.
 *
 * <p>Types: times are {@code TimestampType} (UTC session), prices and quantities
 * {@code DoubleType}, market, interval and symbol {@code StringType}. A value a source does not
 * carry is SQL NULL (never NaN), so that SQL aggregates over the lake stay meaningful.
 */
public enum LakeTable {
    /** Candles; {@code ingest_run} is bookkeeping (the run that last wrote the row), not compared on MERGE. */
    CANDLES("candles", keys("market", "interval", "symbol", "open_time"),
            schema(f("market", StringType, false), f("interval", StringType, false), f("symbol", StringType, false),
                    f("open_time", TimestampType, false), f("open", DoubleType, false), f("high", DoubleType, false),
                    f("low", DoubleType, false), f("close", DoubleType, false), f("volume", DoubleType, true),
                    f("quote_volume", DoubleType, true), f("trades", LongType, true),
                    f("taker_buy_base", DoubleType, true), f("taker_buy_quote", DoubleType, true),
                    f("ingest_run", StringType, true)),
            partitions("market", "interval", "month")),
    /** Funding events: rate a fraction per funding interval, mark price in quote currency (NULL when unknown). */
    FUNDING_RATES("funding_rates", keys("market", "symbol", "funding_time"),
            schema(f("market", StringType, false), f("symbol", StringType, false),
                    f("funding_time", TimestampType, false), f("funding_rate", DoubleType, false),
                    f("mark_price", DoubleType, true)),
            partitions("market", "month")),
    /** Exchange metadata of symbols (times NULL when unknown). */
    SYMBOLS("symbols", keys("market", "symbol"),
            schema(f("market", StringType, false), f("symbol", StringType, false), f("base", StringType, true),
                    f("quote", StringType, true), f("status", StringType, true),
                    f("onboard_time", TimestampType, true), f("delist_time", TimestampType, true),
                    f("tick_size", DoubleType, true), f("step_size", DoubleType, true),
                    f("min_notional", DoubleType, true))),
    /** Rejected input rows; {@code reason} is a {@link io.quantlake.ingest.QuarantineReason} code. */
    QUARANTINE("quarantine", keys("ingest_run", "source", "line"),
            schema(f("ingest_run", StringType, false), f("source", StringType, false), f("line", LongType, false),
                    f("raw", StringType, true), f("reason", StringType, false))),
    /** One row per run (ingest, backtest, ...): config text, Delta versions read, metrics JSON. */
    RUNS("runs", keys("run_id"),
            schema(f("run_id", StringType, false), f("kind", StringType, false), f("config", StringType, true),
                    f("data_versions", DataTypes.createMapType(StringType, LongType, false), true),
                    f("metrics", StringType, true), f("status", StringType, false),
                    f("started", TimestampType, true), f("finished", TimestampType, true))),
    /** A backtest's equity curve (CLI.md equity.csv): time = bar open, values as of its close. */
    EQUITY("equity", keys("run_id", "time"),
            schema(f("run_id", StringType, false), f("time", TimestampType, false), f("equity", DoubleType, false),
                    f("cash", DoubleType, false), f("gross", DoubleType, false), f("net", DoubleType, false),
                    f("leverage", DoubleType, false))),
    /**
     * A backtest's ledger (CLI.md ledger.csv); {@code seq} is the row's 0-based position in the
     * ledger, because one bar may hold several rows for one symbol (a sign flip is CLOSE then OPEN).
     */
    LEDGER("ledger", keys("run_id", "seq"),
            schema(f("run_id", StringType, false), f("seq", IntegerType, false), f("time", TimestampType, false),
                    f("symbol", StringType, false), f("side", StringType, false), f("type", StringType, false),
                    f("reason", StringType, true), f("qty", DoubleType, false), f("price", DoubleType, false),
                    f("fee", DoubleType, false), f("cash_flow", DoubleType, false),
                    f("realized_pnl", DoubleType, false), f("position_after", DoubleType, false))),
    /**
     * Factor values in the long layout of {@link io.quantlake.factor.FactorEngine#longTable}: {@code value} at
     * bar {@code ts} (open time; uses closes up to and including it), {@code rank} its percentile rank in
     * [0, 1] and {@code zscore} its z-score across the symbols valued at (market, interval, factor, ts).
     */
    FACTORS("factors", keys("market", "interval", "factor", "symbol", "ts"),
            schema(f("market", StringType, false), f("interval", StringType, false), f("factor", StringType, false),
                    f("symbol", StringType, false), f("ts", TimestampType, false), f("value", DoubleType, false),
                    f("rank", DoubleType, true), f("zscore", DoubleType, true))),
    /**
     * Factor research, per-date ICs ({@link io.quantlake.research.IcPoint}): {@code horizon} in bars,
     * {@code ts} the date, {@code ic} Pearson, {@code rank_ic} Spearman, {@code n} symbols, {@code spread}
     * top minus bottom quantile mean forward return (fraction).
     */
    FACTOR_IC("factor_ic", keys("run_id", "factor", "horizon", "ts"),
            schema(f("run_id", StringType, false), f("factor", StringType, false), f("horizon", IntegerType, false),
                    f("ts", TimestampType, false), f("ic", DoubleType, true), f("rank_ic", DoubleType, true),
                    f("n", IntegerType, false), f("spread", DoubleType, true))),
    /**
     * Factor research, one row per {@link io.quantlake.research.IcSummary}: {@code dates} with an IC;
     * {@code mean_ic, sd_ic, ic_ir, t_stat} of the Pearson IC (sd ddof 1, IR = mean/sd, t = mean/(sd/sqrt(dates))),
     * the same for the rank IC ({@code mean_rank_ic, sd_rank_ic, rank_ic_ir, rank_t_stat}) and the top-minus-bottom
     * spread; t-statistics over every {@code horizon}-th date
     * ({@code nonoverlap_*}); {@code mean_turnover, mean_rank_autocorr} (per factor, repeated at every
     * horizon). Rows by ascending horizon are the IC decay.
     */
    FACTOR_IC_SUMMARY("factor_ic_summary", keys("run_id", "factor", "horizon"),
            schema(f("run_id", StringType, false), f("factor", StringType, false), f("horizon", IntegerType, false),
                    f("dates", IntegerType, false), f("mean_ic", DoubleType, true), f("sd_ic", DoubleType, true),
                    f("ic_ir", DoubleType, true), f("t_stat", DoubleType, true), f("mean_rank_ic", DoubleType, true),
                    f("sd_rank_ic", DoubleType, true), f("rank_ic_ir", DoubleType, true),
                    f("rank_t_stat", DoubleType, true), f("spread_dates", IntegerType, false),
                    f("mean_spread", DoubleType, true), f("sd_spread", DoubleType, true),
                    f("spread_t_stat", DoubleType, true), f("nonoverlap_dates", IntegerType, false),
                    f("nonoverlap_t_stat", DoubleType, true), f("nonoverlap_rank_t_stat", DoubleType, true),
                    f("mean_turnover", DoubleType, true), f("mean_rank_autocorr", DoubleType, true))),
    /** Factor research, quantile mean forward returns: {@code quantile} 1 = lowest score, return a fraction. */
    FACTOR_QUANTILE_RETURNS("factor_quantile_returns", keys("run_id", "factor", "horizon", "quantile"),
            schema(f("run_id", StringType, false), f("factor", StringType, false), f("horizon", IntegerType, false),
                    f("quantile", IntegerType, false), f("mean_fwd_return", DoubleType, true),
                    f("dates", IntegerType, false))),
    /**
     * Factor research, per-date stability ({@link io.quantlake.research.StabilityPoint}): top-quantile
     * {@code turnover} (fraction new since the previous date) and {@code rank_autocorr} over {@code n_common}.
     */
    FACTOR_STABILITY("factor_stability", keys("run_id", "factor", "ts"),
            schema(f("run_id", StringType, false), f("factor", StringType, false), f("ts", TimestampType, false),
                    f("n", IntegerType, false), f("turnover", DoubleType, true), f("n_common", IntegerType, false),
                    f("rank_autocorr", DoubleType, true))),
    /**
     * Factor research, the correlation matrix: every ordered pair, the diagonal included (1.0), with the mean
     * per-date Spearman correlation and the number of dates averaged.
     */
    FACTOR_CORRELATION("factor_correlation", keys("run_id", "factor_a", "factor_b"),
            schema(f("run_id", StringType, false), f("factor_a", StringType, false), f("factor_b", StringType, false),
                    f("mean_rank_corr", DoubleType, true), f("dates", IntegerType, false)));

    /** The tables of one factor research run, keyed by run_id, in write order. */
    public static final List<LakeTable> RESEARCH_TABLES =
            List.of(FACTOR_IC, FACTOR_IC_SUMMARY, FACTOR_QUANTILE_RETURNS, FACTOR_STABILITY, FACTOR_CORRELATION);

    private static final List<String> BOOKKEEPING = List.of("ingest_run");

    /** The derived partition column of {@link #CANDLES} and {@link #FUNDING_RATES}: the UTC month of the row's time. */
    public static final String MONTH = "month";

    private final String tableName;
    private final List<String> keys;
    private final StructType schema;
    private final List<String> partitionColumns;

    LakeTable(String tableName, List<String> keys, StructType schema) {
        this(tableName, keys, schema, List.of());
    }

    LakeTable(String tableName, List<String> keys, StructType schema, List<String> partitionColumns) {
        this.tableName = tableName;
        this.keys = keys;
        this.schema = schema;
        this.partitionColumns = partitionColumns;
    }

    /** The table's name: its directory under the lake root and its SQL view name. */
    public String tableName() {
        return tableName;
    }

    /** Key columns, in order: MERGE matches on them. */
    public List<String> keys() {
        return keys;
    }

    /**
     * The columns a writer supplies (every column but the derived {@link #MONTH}); {@link #tableSchema()} is
     * the stored schema.
     */
    public StructType schema() {
        return schema;
    }

    /**
     * Delta partition columns, in order (empty: not partitioned). Candles are partitioned by market, interval and
     * {@link #MONTH}, funding by market and month, so that a window read lists only its months' files.
     */
    public List<String> partitionColumns() {
        return partitionColumns;
    }

    /** Whether the table has the derived {@link #MONTH} column. */
    public boolean hasMonth() {
        return partitionColumns.contains(MONTH);
    }

    /**
     * The time column the {@link #MONTH} derives from ({@code open_time} of candles, {@code funding_time} of
     * funding); the error names the table when it has no month.
     */
    public String monthSource() {
        if (!hasMonth()) {
            throw new IllegalStateException("table " + tableName + " has no derived month column");
        }
        return keys.get(keys.size() - 1);
    }

    /** The stored schema: {@link #schema()} plus the derived {@link #MONTH} (a non-null string 'yyyy-MM') where partitioned by it. */
    public StructType tableSchema() {
        return hasMonth() ? schema.add(f(MONTH, StringType, false)) : schema;
    }

    /** Non-key columns whose change makes a MERGE update a row (bookkeeping such as {@code ingest_run} excluded). */
    public List<String> comparedColumns() {
        List<String> out = new ArrayList<>();
        for (String name : schema.fieldNames()) {
            if (!keys.contains(name) && !BOOKKEEPING.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** The table named {@code name}; the error lists the known names. */
    public static LakeTable byName(String name) {
        for (LakeTable t : values()) {
            if (t.tableName.equals(name)) {
                return t;
            }
        }
        List<String> names = new ArrayList<>();
        for (LakeTable t : values()) {
            names.add(t.tableName);
        }
        throw new IllegalArgumentException("unknown lake table '" + name + "'; known: " + String.join(", ", names));
    }

    @Override
    public String toString() {
        return tableName;
    }

    private static List<String> partitions(String... names) {
        return List.of(names);
    }

    private static List<String> keys(String... names) {
        return List.of(names);
    }

    private static StructType schema(StructField... fields) {
        return new StructType(Arrays.copyOf(fields, fields.length));
    }

    private static StructField f(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
