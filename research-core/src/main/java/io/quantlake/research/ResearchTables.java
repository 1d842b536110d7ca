package io.quantlake.research;

import io.quantlake.lake.LakeTable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A {@link FactorResearchResult} as Datasets of the {@link LakeTable#RESEARCH_TABLES}' schemas, every row
 * carrying the run's id; an undefined statistic (NaN in the records) is written as NULL.
 */
public final class ResearchTables {
    private static final int SLICE = 50_000;
    private ResearchTables() {
    }

    /** Rows of {@link LakeTable#FACTOR_IC}. */
    public static Dataset<Row> factorIc(SparkSession spark, String runId, FactorResearchResult result) {
        String run = run(runId);
        return perDate(spark, result.ic(), p -> RowFactory.create(run, p.factor(), p.horizon(), new Timestamp(p.ts()),
                orNull(p.ic()), orNull(p.rankIc()), p.n(), orNull(p.spread())), LakeTable.FACTOR_IC.schema());
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
        String run = run(runId);
        return perDate(spark, result.stability(), p -> RowFactory.create(run, p.factor(), new Timestamp(p.ts()), p.n(),
                orNull(p.turnover()), p.nCommon(), orNull(p.rankAutocorr())), LakeTable.FACTOR_STABILITY.schema());
    }

    /**
     * Per-date records (millions in a minute study) as rows of {@code schema}: the list is shipped to the executors
     * once, as a broadcast, and each of the tasks that write the rows turns its own slice of {@value #SLICE}
     * records into rows. A task carries its slice's index only, never the records (a parallelized list would put
     * each slice's records into its task), and the driver holds no copy of the list as Rows.
     */
    private static <T> Dataset<Row> perDate(SparkSession spark, List<T> records, Function<T, Row> row, StructType schema) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<List<T>> shared = jsc.broadcast(records);
        int size = records.size();
        int slices = Math.max(1, (size + SLICE - 1) / SLICE);
        List<Integer> slice = IntStream.range(0, slices).boxed().toList();
        return spark.createDataFrame(jsc.parallelize(slice, slices).flatMap(k -> {
            List<T> all = shared.value();
            List<Row> out = new ArrayList<>();
            for (T t : all.subList(k * SLICE, Math.min(size, (k + 1) * SLICE))) {
                out.add(row.call(t));
            }
            return out.iterator();
        }), schema);
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
