package io.quantlake.research;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta tables of factor research, each keyed by run ({@code run_id}, the key of the
 * {@code runs} table), with its MERGE key and schema — the same shape as
 * {@link io.quantlake.lake.LakeTable}, so the lake can write them. Times are {@code TimestampType}
 * (UTC bar open times); an undefined statistic is NULL, never NaN. Rows come from
 * {@link ResearchTables}.
 */
public enum ResearchTable {
    /**
     * Per-date ICs, one row per {@link IcPoint}: {@code run_id, factor, horizon int} (bars),
     * {@code ts} (the date), {@code ic} (Pearson), {@code rank_ic} (Spearman), {@code n int}
     * (symbols), {@code spread} (top minus bottom quantile mean forward return, a fraction).
     */
    FACTOR_IC("factor_ic", List.of("run_id", "factor", "horizon", "ts"), new StructType()
            .add("run_id", DataTypes.StringType, false).add("factor", DataTypes.StringType, false)
            .add("horizon", DataTypes.IntegerType, false).add("ts", DataTypes.TimestampType, false)
            .add("ic", DataTypes.DoubleType).add("rank_ic", DataTypes.DoubleType)
            .add("n", DataTypes.IntegerType, false).add("spread", DataTypes.DoubleType)),
    /**
     * One row per {@link IcSummary}: {@code run_id, factor, horizon}, {@code dates int} (dates with an
     * IC), {@code mean_ic, sd_ic, ic_ir, t_stat} (Pearson IC: sd with ddof 1, IR = mean/sd,
     * t = mean/(sd/√dates)), {@code mean_rank_ic, sd_rank_ic, rank_ic_ir, rank_t_stat} (same for the
     * rank IC), {@code spread_dates int, mean_spread, sd_spread, spread_t_stat} (top-minus-bottom
     * spread), {@code nonoverlap_dates int, nonoverlap_t_stat, nonoverlap_rank_t_stat} (t-statistics over every
     * {@code horizon}-th date, whose forward windows do not overlap), {@code mean_turnover,
     * mean_rank_autocorr} (factor-level, repeated at every horizon).
     * Rows by ascending horizon are the IC decay.
     */
    FACTOR_IC_SUMMARY("factor_ic_summary", List.of("run_id", "factor", "horizon"), new StructType()
            .add("run_id", DataTypes.StringType, false).add("factor", DataTypes.StringType, false)
            .add("horizon", DataTypes.IntegerType, false).add("dates", DataTypes.IntegerType, false)
            .add("mean_ic", DataTypes.DoubleType).add("sd_ic", DataTypes.DoubleType)
            .add("ic_ir", DataTypes.DoubleType).add("t_stat", DataTypes.DoubleType)
            .add("mean_rank_ic", DataTypes.DoubleType).add("sd_rank_ic", DataTypes.DoubleType)
            .add("rank_ic_ir", DataTypes.DoubleType).add("rank_t_stat", DataTypes.DoubleType)
            .add("spread_dates", DataTypes.IntegerType, false).add("mean_spread", DataTypes.DoubleType)
            .add("sd_spread", DataTypes.DoubleType).add("spread_t_stat", DataTypes.DoubleType)
            .add("nonoverlap_dates", DataTypes.IntegerType, false).add("nonoverlap_t_stat", DataTypes.DoubleType)
            .add("nonoverlap_rank_t_stat", DataTypes.DoubleType)
            .add("mean_turnover", DataTypes.DoubleType).add("mean_rank_autocorr", DataTypes.DoubleType)),
    /**
     * One row per {@link QuantileReturn}: {@code run_id, factor, horizon}, {@code quantile int}
     * (1 = lowest score), {@code mean_fwd_return} (fraction), {@code dates int}.
     */
    FACTOR_QUANTILE_RETURNS("factor_quantile_returns", List.of("run_id", "factor", "horizon", "quantile"), new StructType()
            .add("run_id", DataTypes.StringType, false).add("factor", DataTypes.StringType, false)
            .add("horizon", DataTypes.IntegerType, false).add("quantile", DataTypes.IntegerType, false)
            .add("mean_fwd_return", DataTypes.DoubleType).add("dates", DataTypes.IntegerType, false)),
    /**
     * One row per {@link StabilityPoint}: {@code run_id, factor, ts, n int}, {@code turnover} (top
     * quantile, fraction new since the previous date), {@code n_common int}, {@code rank_autocorr}.
     */
    FACTOR_STABILITY("factor_stability", List.of("run_id", "factor", "ts"), new StructType()
            .add("run_id", DataTypes.StringType, false).add("factor", DataTypes.StringType, false)
            .add("ts", DataTypes.TimestampType, false).add("n", DataTypes.IntegerType, false)
            .add("turnover", DataTypes.DoubleType).add("n_common", DataTypes.IntegerType, false)
            .add("rank_autocorr", DataTypes.DoubleType)),
    /**
     * Every ordered pair of {@link FactorCorrelation}, the diagonal included (1.0), so the matrix
     * pivots directly: {@code run_id, factor_a, factor_b, mean_rank_corr} (mean per-date Spearman),
     * {@code dates int}.
     */
    FACTOR_CORRELATION("factor_correlation", List.of("run_id", "factor_a", "factor_b"), new StructType()
            .add("run_id", DataTypes.StringType, false).add("factor_a", DataTypes.StringType, false)
            .add("factor_b", DataTypes.StringType, false).add("mean_rank_corr", DataTypes.DoubleType)
            .add("dates", DataTypes.IntegerType, false));

    private final String tableName;
    private final List<String> keys;
    private final StructType schema;

    ResearchTable(String tableName, List<String> keys, StructType schema) {
        this.tableName = tableName;
        this.keys = keys;
        this.schema = schema;
    }

    /** The table's name: its directory under the lake root and its SQL view name. */
    public String tableName() {
        return tableName;
    }

    /** Key columns, in order: a MERGE matches on them. */
    public List<String> keys() {
        return keys;
    }

    public StructType schema() {
        return schema;
    }
}
