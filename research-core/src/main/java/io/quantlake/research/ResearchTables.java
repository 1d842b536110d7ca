package io.quantlake.research;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A {@link FactorResearchResult} as Datasets shaped for the Delta tables of factor research, every
 * row keyed by the run ({@code run_id}, the key of the {@code runs} table). Times are
 * {@code TimestampType} (UTC bar open times); an undefined statistic (NaN in the records) is written
 * as null. Each table's MERGE key is listed with its schema.
 */
public final class ResearchTables {
    /** Table name of {@link #factorIc}. */
    public static final String FACTOR_IC = "factor_ic";
    /** Table name of {@link #summary}. */
    public static final String FACTOR_IC_SUMMARY = "factor_ic_summary";
    /** Table name of {@link #quantileReturns}. */
    public static final String FACTOR_QUANTILE_RETURNS = "factor_quantile_returns";
    /** Table name of {@link #stability}. */
    public static final String FACTOR_STABILITY = "factor_stability";
    /** Table name of {@link #correlation}. */
    public static final String FACTOR_CORRELATION = "factor_correlation";

    /**
     * {@code factor_ic}, key (run_id, factor, horizon, ts): {@code run_id string, factor string,
     * horizon int} (bars), {@code ts timestamp} (the date), {@code ic double} (Pearson),
     * {@code rank_ic double} (Spearman), {@code n int} (symbols), {@code spread double} (top minus
     * bottom quantile mean forward return, a fraction) — one row per {@link IcPoint}.
     */
    public static final StructType FACTOR_IC_SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType, false).add("factor", DataTypes.StringType, false)
            .add("horizon", DataTypes.IntegerType, false).add("ts", DataTypes.TimestampType, false)
            .add("ic", DataTypes.DoubleType).add("rank_ic", DataTypes.DoubleType)
            .add("n", DataTypes.IntegerType, false).add("spread", DataTypes.DoubleType);

    /**
     * {@code factor_ic_summary}, key (run_id, factor, horizon): {@code run_id, factor, horizon},
     * {@code dates int} (dates with an IC), {@code mean_ic, sd_ic, ic_ir, t_stat} (of the Pearson IC;
     * sd with ddof 1, IR = mean/sd, t = mean/(sd/√dates)), {@code mean_rank_ic, sd_rank_ic,
     * rank_ic_ir, rank_t_stat} (same for the rank IC), {@code spread_dates int, mean_spread, sd_spread,
     * spread_t_stat} (top-minus-bottom spread), {@code mean_turnover, mean_rank_autocorr} (factor-level,
     * repeated at every horizon) — one row per {@link IcSummary}. Row order by horizon gives the IC decay.
     */
    public static final StructType SUMMARY_SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType, false).add("factor", DataTypes.StringType, false)
            .add("horizon", DataTypes.IntegerType, false).add("dates", DataTypes.IntegerType, false)
            .add("mean_ic", DataTypes.DoubleType).add("sd_ic", DataTypes.DoubleType)
            .add("ic_ir", DataTypes.DoubleType).add("t_stat", DataTypes.DoubleType)
            .add("mean_rank_ic", DataTypes.DoubleType).add("sd_rank_ic", DataTypes.DoubleType)
            .add("rank_ic_ir", DataTypes.DoubleType).add("rank_t_stat", DataTypes.DoubleType)
            .add("spread_dates", DataTypes.IntegerType, false).add("mean_spread", DataTypes.DoubleType)
            .add("sd_spread", DataTypes.DoubleType).add("spread_t_stat", DataTypes.DoubleType)
            .add("mean_turnover", DataTypes.DoubleType).add("mean_rank_autocorr", DataTypes.DoubleType);

    /**
     * {@code factor_quantile_returns}, key (run_id, factor, horizon, quantile): {@code run_id, factor,
     * horizon}, {@code quantile int} (1 = lowest score), {@code mean_fwd_return double} (fraction),
     * {@code dates int} — one row per {@link QuantileReturn}.
     */
    public static final StructType QUANTILE_SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType, false).add("factor", DataTypes.StringType, false)
            .add("horizon", DataTypes.IntegerType, false).add("quantile", DataTypes.IntegerType, false)
            .add("mean_fwd_return", DataTypes.DoubleType).add("dates", DataTypes.IntegerType, false);

    /**
     * {@code factor_stability}, key (run_id, factor, ts): {@code run_id, factor, ts timestamp, n int},
     * {@code turnover double} (top quantile, fraction new since the previous date),
     * {@code n_common int}, {@code rank_autocorr double} — one row per {@link StabilityPoint}.
     */
    public static final StructType STABILITY_SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType, false).add("factor", DataTypes.StringType, false)
            .add("ts", DataTypes.TimestampType, false).add("n", DataTypes.IntegerType, false)
            .add("turnover", DataTypes.DoubleType).add("n_common", DataTypes.IntegerType, false)
            .add("rank_autocorr", DataTypes.DoubleType);

    /**
     * {@code factor_correlation}, key (run_id, factor_a, factor_b): {@code run_id, factor_a, factor_b},
     * {@code mean_rank_corr double} (mean per-date Spearman), {@code dates int} — every ordered pair of
     * {@link FactorCorrelation}, the diagonal included (1.0), so the matrix pivots directly.
     */
    public static final StructType CORRELATION_SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType, false).add("factor_a", DataTypes.StringType, false)
            .add("factor_b", DataTypes.StringType, false).add("mean_rank_corr", DataTypes.DoubleType)
            .add("dates", DataTypes.IntegerType, false);

    private ResearchTables() {
    }

    /** Rows of {@link #FACTOR_IC_SCHEMA}. */
    public static Dataset<Row> factorIc(SparkSession spark, String runId, FactorResearchResult result) {
        List<Row> rows = new ArrayList<>();
        for (IcPoint p : result.ic()) {
            rows.add(RowFactory.create(run(runId), p.factor(), p.horizon(), new Timestamp(p.ts()), orNull(p.ic()),
                    orNull(p.rankIc()), p.n(), orNull(p.spread())));
        }
        return spark.createDataFrame(rows, FACTOR_IC_SCHEMA);
    }

    /** Rows of {@link #SUMMARY_SCHEMA}. */
    public static Dataset<Row> summary(SparkSession spark, String runId, FactorResearchResult result) {
        List<Row> rows = new ArrayList<>();
        for (IcSummary s : result.summaries()) {
            SeriesStats ic = s.ic();
            SeriesStats rk = s.rankIc();
            SeriesStats sp = s.spread();
            rows.add(RowFactory.create(run(runId), s.factor(), s.horizon(), ic.n(),
                    orNull(ic.mean()), orNull(ic.sd()), orNull(ic.ir()), orNull(ic.tStat()),
                    orNull(rk.mean()), orNull(rk.sd()), orNull(rk.ir()), orNull(rk.tStat()),
                    sp.n(), orNull(sp.mean()), orNull(sp.sd()), orNull(sp.tStat()),
                    orNull(s.meanTurnover()), orNull(s.meanRankAutocorr())));
        }
        return spark.createDataFrame(rows, SUMMARY_SCHEMA);
    }

    /** Rows of {@link #QUANTILE_SCHEMA}. */
    public static Dataset<Row> quantileReturns(SparkSession spark, String runId, FactorResearchResult result) {
        List<Row> rows = new ArrayList<>();
        for (QuantileReturn q : result.quantileReturns()) {
            rows.add(RowFactory.create(run(runId), q.factor(), q.horizon(), q.quantile(), orNull(q.meanFwdReturn()), q.dates()));
        }
        return spark.createDataFrame(rows, QUANTILE_SCHEMA);
    }

    /** Rows of {@link #STABILITY_SCHEMA}. */
    public static Dataset<Row> stability(SparkSession spark, String runId, FactorResearchResult result) {
        List<Row> rows = new ArrayList<>();
        for (StabilityPoint p : result.stability()) {
            rows.add(RowFactory.create(run(runId), p.factor(), new Timestamp(p.ts()), p.n(), orNull(p.turnover()),
                    p.nCommon(), orNull(p.rankAutocorr())));
        }
        return spark.createDataFrame(rows, STABILITY_SCHEMA);
    }

    /** Rows of {@link #CORRELATION_SCHEMA}. */
    public static Dataset<Row> correlation(SparkSession spark, String runId, FactorResearchResult result) {
        FactorCorrelation c = result.correlation();
        List<String> names = c.factors();
        List<Row> rows = new ArrayList<>();
        for (String a : names) {
            for (String b : names) {
                rows.add(RowFactory.create(run(runId), a, b, orNull(c.get(a, b)), c.dates(a, b)));
            }
        }
        return spark.createDataFrame(rows, CORRELATION_SCHEMA);
    }

    private static String run(String runId) {
        Objects.requireNonNull(runId, "runId");
        if (runId.isBlank()) {
            throw new IllegalArgumentException("run_id must not be blank");
        }
        return runId;
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
