package io.quantlake.research;

import io.quantlake.lake.LakeTable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A {@link FactorResearchResult} as Datasets of the {@link LakeTable#RESEARCH_TABLES}' schemas, every row
 * carrying the run's id; an undefined statistic (NaN in the records) is written as NULL.
 */
public final class ResearchTables {
    private ResearchTables() {
    }

    /** Rows of {@link LakeTable#FACTOR_IC}. */
    public static Dataset<Row> factorIc(SparkSession spark, String runId, FactorResearchResult result) {
        List<Row> rows = new ArrayList<>();
        for (IcPoint p : result.ic()) {
            rows.add(RowFactory.create(run(runId), p.factor(), p.horizon(), new Timestamp(p.ts()), orNull(p.ic()),
                    orNull(p.rankIc()), p.n(), orNull(p.spread())));
        }
        return spark.createDataFrame(rows, LakeTable.FACTOR_IC.schema());
    }

    /** Rows of {@link LakeTable#FACTOR_IC_SUMMARY}. */
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
                    s.icNonOverlapping().n(), orNull(s.icNonOverlapping().tStat()), orNull(s.rankIcNonOverlapping().tStat()),
                    orNull(s.meanTurnover()), orNull(s.meanRankAutocorr())));
        }
        return spark.createDataFrame(rows, LakeTable.FACTOR_IC_SUMMARY.schema());
    }

    /** Rows of {@link LakeTable#FACTOR_QUANTILE_RETURNS}. */
    public static Dataset<Row> quantileReturns(SparkSession spark, String runId, FactorResearchResult result) {
        List<Row> rows = new ArrayList<>();
        for (QuantileReturn q : result.quantileReturns()) {
            rows.add(RowFactory.create(run(runId), q.factor(), q.horizon(), q.quantile(), orNull(q.meanFwdReturn()), q.dates()));
        }
        return spark.createDataFrame(rows, LakeTable.FACTOR_QUANTILE_RETURNS.schema());
    }

    /** Rows of {@link LakeTable#FACTOR_STABILITY}. */
    public static Dataset<Row> stability(SparkSession spark, String runId, FactorResearchResult result) {
        List<Row> rows = new ArrayList<>();
        for (StabilityPoint p : result.stability()) {
            rows.add(RowFactory.create(run(runId), p.factor(), new Timestamp(p.ts()), p.n(), orNull(p.turnover()),
                    p.nCommon(), orNull(p.rankAutocorr())));
        }
        return spark.createDataFrame(rows, LakeTable.FACTOR_STABILITY.schema());
    }

    /** Rows of {@link LakeTable#FACTOR_CORRELATION}. */
    public static Dataset<Row> correlation(SparkSession spark, String runId, FactorResearchResult result) {
        FactorCorrelation c = result.correlation();
        List<String> names = c.factors();
        List<Row> rows = new ArrayList<>();
        for (String a : names) {
            for (String b : names) {
                rows.add(RowFactory.create(run(runId), a, b, orNull(c.get(a, b)), c.dates(a, b)));
            }
        }
        return spark.createDataFrame(rows, LakeTable.FACTOR_CORRELATION.schema());
    }

    /** Every table's rows, in {@link LakeTable#RESEARCH_TABLES} order. */
    public static Map<LakeTable, Dataset<Row>> all(SparkSession spark, String runId, FactorResearchResult result) {
        Map<LakeTable, Dataset<Row>> out = new EnumMap<>(LakeTable.class);
        out.put(LakeTable.FACTOR_IC, factorIc(spark, runId, result));
        out.put(LakeTable.FACTOR_IC_SUMMARY, summary(spark, runId, result));
        out.put(LakeTable.FACTOR_QUANTILE_RETURNS, quantileReturns(spark, runId, result));
        out.put(LakeTable.FACTOR_STABILITY, stability(spark, runId, result));
        out.put(LakeTable.FACTOR_CORRELATION, correlation(spark, runId, result));
        return out;
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
