package io.quantlake.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.factor.FactorNames;
import io.quantlake.spark.SharedSpark;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Every statistic of {@link FactorResearch} against {@link DirectResearch} on {@link HandCandles}
 * (seven symbols, 30 bars, exact ties, a gap, late listings, an early delisting), to 1e-12; and the
 * no-leak property of the joined observations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FactorResearchTest {
    static final double TOL = 1e-12;
    static final int QUANTILES = 3;
    static final int MIN = 6;
    static final List<Integer> HORIZONS = List.of(1, 3);

    private final HandCandles hand = new HandCandles(7L, HandCandles.GRID);
    private final DirectResearch direct = new DirectResearch(hand, QUANTILES, MIN);
    private final List<String> names = new ArrayList<>(DirectResearch.FACTORS.keySet());
    private FactorResearchSpec spec;
    private FactorResearchResult result;

    @BeforeAll
    void runOnce() {
        spec = new FactorResearchSpec(names.stream().map(FactorNames::parse).toList(), List.of(), HORIZONS, QUANTILES, MIN);
        result = FactorResearch.run(CandleRows.dataset(hand.bars()), spec);
    }

    @Test
    void handCandlesHoldTiesInFactorsAndForwardReturns() {
        // AAA and BBB (= 2 × AAA) tie at every date; EEE and FFF are flat over bars 20–22
        assertEquals(direct.values("mom_5_1")[0][12], direct.values("mom_5_1")[1][12]);
        assertEquals(0.0, direct.forward(1)[4][20]);
        assertEquals(0.0, direct.forward(1)[5][20]);
        assertEquals(direct.values("rev_1")[4][22], direct.values("rev_1")[5][22]);
    }

    @Test
    void icRankIcAndSpreadMatchTheDirectComputationOnEveryDate() {
        int compared = 0;
        int skipped = 0;
        for (String f : names) {
            for (int h : HORIZONS) {
                Map<Long, IcPoint> byTs = new HashMap<>();
                for (IcPoint p : result.ic(f, h)) {
                    byTs.put(p.ts(), p);
                }
                for (int t = 0; t < HandCandles.GRID; t++) {
                    DirectResearch.Ic want = direct.ic(f, h, t);
                    IcPoint got = byTs.remove(HandCandles.time(t));
                    String at = f + " h=" + h + " bar " + t;
                    if (want == null) {
                        assertNull(got, at + ": fewer than " + MIN + " symbols, no IC");
                        skipped++;
                        continue;
                    }
                    assertEquals(want.n(), got.n(), at + " n");
                    assertClose(at + " ic", want.ic(), got.ic());
                    assertClose(at + " rank ic", want.rankIc(), got.rankIc());
                    assertClose(at + " spread", want.spread(), got.spread());
                    compared++;
                }
                assertTrue(byTs.isEmpty(), "IC points at dates outside the grid: " + byTs.keySet());
            }
        }
        assertTrue(compared > 80 && skipped > 20, "compared " + compared + " dates, skipped " + skipped);
    }

    @Test
    void quantileMeansMatchTheDirectComputation() {
        for (String f : names) {
            for (int h : HORIZONS) {
                List<QuantileReturn> got = result.quantileReturns(f, h);
                assertEquals(QUANTILES, got.size(), f + " h=" + h + " buckets");
                for (QuantileReturn q : got) {
                    assertClose(f + " h=" + h + " q" + q.quantile(), direct.quantileMean(f, h, q.quantile()), q.meanFwdReturn());
                }
            }
        }
    }

    @Test
    void turnoverAndRankAutocorrelationMatchTheDirectComputation() {
        for (String f : names) {
            List<Integer> dates = direct.validDates(f);
            List<StabilityPoint> got = result.stability(f);
            assertEquals(dates.size(), got.size(), f + " stability dates");
            for (int i = 0; i < dates.size(); i++) {
                StabilityPoint p = got.get(i);
                assertEquals(HandCandles.time(dates.get(i)), p.ts(), f + " date " + i);
                if (i == 0) {
                    assertTrue(Double.isNaN(p.turnover()) && Double.isNaN(p.rankAutocorr()), f + " first date has no previous");
                    continue;
                }
                String at = f + " bar " + dates.get(i) + " vs " + dates.get(i - 1);
                assertClose(at + " turnover", direct.turnover(f, dates.get(i - 1), dates.get(i)), p.turnover());
                assertClose(at + " rank autocorrelation", direct.rankAutocorr(f, dates.get(i - 1), dates.get(i)), p.rankAutocorr());
            }
        }
    }

    @Test
    void factorCorrelationMatrixMatchesTheDirectMeans() {
        FactorCorrelation c = result.correlation();
        assertEquals(names, c.factors());
        for (String a : names) {
            assertEquals(1.0, c.get(a, a));
            for (String b : names) {
                if (!a.equals(b)) {
                    double[] want = direct.meanCorrelation(a, b);
                    assertEquals((int) want[0], c.dates(a, b), a + "~" + b + " dates");
                    assertClose(a + "~" + b, want[1], c.get(a, b));
                }
            }
        }
    }

    @Test
    void summariesAreTheMomentsOfThePerDateSeries() {
        for (String f : names) {
            for (int h : HORIZONS) {
                List<Double> ics = new ArrayList<>();
                for (int t = 0; t < HandCandles.GRID; t++) {
                    DirectResearch.Ic ic = direct.ic(f, h, t);
                    if (ic != null) {
                        ics.add(ic.ic());
                    }
                }
                double mean = ics.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double ss = ics.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
                double sd = Math.sqrt(ss / (ics.size() - 1));
                IcSummary s = result.summary(f, h);
                assertEquals(ics.size(), s.ic().n());
                assertClose(f + " mean ic", mean, s.meanIc());
                assertClose(f + " sd ic", sd, s.ic().sd());
                assertClose(f + " ic ir", mean / sd, s.icIrPearson());
                assertClose(f + " t", mean / (sd / Math.sqrt(ics.size())), s.tStatPearson());
                double[] every = new double[(ics.size() + h - 1) / h];
                for (int k = 0; k < every.length; k++) {
                    every[k] = ics.get(k * h);
                }
                SeriesStats sub = SeriesStats.of(every);
                assertEquals(sub.n(), s.icNonOverlapping().n(), f + " h=" + h + ": every h-th date");
                assertClose(f + " h=" + h + " non-overlapping mean", sub.mean(), s.icNonOverlapping().mean());
                assertClose(f + " h=" + h + " non-overlapping sd", sub.sd(), s.icNonOverlapping().sd());
            }
            List<IcSummary> decay = result.decay(f);
            assertEquals(HORIZONS, decay.stream().map(IcSummary::horizon).toList(), "decay in horizon order");
        }
    }

    @Test
    void tablesCarryTheRunIdAndOneRowPerRecord() {
        Dataset<Row> ic = ResearchTables.factorIc(SharedSpark.spark(), "run-1", result);
        assertEquals(io.quantlake.lake.LakeTable.FACTOR_IC.schema(), ic.schema());
        List<Row> rows = ic.collectAsList();
        assertEquals(result.ic().size(), rows.size());
        IcPoint first = result.ic().get(0);
        assertEquals("run-1", rows.get(0).getString(0));
        assertEquals(first.ts(), rows.get(0).<Timestamp>getAs("ts").getTime());
        assertEquals(result.summaries().size(), ResearchTables.summary(SharedSpark.spark(), "run-1", result).collectAsList().size());
        assertEquals(names.size() * HORIZONS.size() * QUANTILES,
                ResearchTables.quantileReturns(SharedSpark.spark(), "run-1", result).collectAsList().size());
        List<Row> stability = ResearchTables.stability(SharedSpark.spark(), "run-1", result).collectAsList();
        assertTrue(stability.get(0).isNullAt(4), "NaN turnover at the first date is written as null");
        assertEquals(names.size() * names.size(), ResearchTables.correlation(SharedSpark.spark(), "run-1", result).count());
    }

    /** The per-date tables (millions of rows in a minute study) are not a driver-side copy of their rows (a LocalRelation). */
    @Test
    void perDateTablesAreBuiltByTasksNotFromADriverCopy() {
        for (Dataset<Row> table : List.of(ResearchTables.factorIc(SharedSpark.spark(), "run-1", result),
                ResearchTables.stability(SharedSpark.spark(), "run-1", result))) {
            for (LogicalPlan leaf : CollectionConverters.asJava(table.queryExecution().analyzed().collectLeaves())) {
                assertFalse(leaf instanceof LocalRelation, "a local relation of " + table.count() + " rows: " + leaf.nodeName());
            }
        }
    }

    @Test
    void forwardReturnsNeverLeakIntoTheFactorsDate() {
        int cut = 15;
        Map<String, Row> base = byKey(FactorResearch.observations(CandleRows.dataset(hand.bars()), spec));
        Map<String, Row> perturbed = byKey(FactorResearch.observations(
                CandleRows.dataset(new HandCandles(7L, cut).bars()), spec));
        int sameFactor = 0;
        int changedFwd = 0;
        for (Map.Entry<String, Row> e : base.entrySet()) {
            Row b = e.getValue();
            Row p = perturbed.get(e.getKey());
            long ts = b.<Timestamp>getAs("ts").getTime();
            if (ts > HandCandles.time(cut)) {
                continue;
            }
            assertEquals(b.<Double>getAs("value"), p.<Double>getAs("value"), "factor at " + e.getKey() + " must not see later closes");
            sameFactor++;
            if (ts == HandCandles.time(cut) && b.<Integer>getAs("horizon") == 1) {
                assertNotEquals(b.<Double>getAs("fwd"), p.<Double>getAs("fwd"), "fwd from the cut uses the perturbed close");
                changedFwd++;
            }
        }
        assertTrue(sameFactor > 300 && changedFwd >= 5, "checked " + sameFactor + " factor values, " + changedFwd + " forward returns");
    }

    @Test
    void spearmanAveragesTiesAndIsUndefinedOnAConstantCrossSection() {
        StructType schema = new StructType().add("g", DataTypes.StringType).add("x", DataTypes.DoubleType)
                .add("y", DataTypes.DoubleType);
        double[] x = {1, 1, 2, 3, 3};
        double[] y = {5, 4, 3, 2, 1};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(RowFactory.create("ties", x[i], y[i]));
            rows.add(RowFactory.create("constant", 7.0, y[i]));
            rows.add(RowFactory.create("small", x[i], y[i]));
        }
        Dataset<Row> frame = SharedSpark.spark().createDataFrame(rows.subList(0, rows.size() - 1), schema);
        Map<String, Row> got = new HashMap<>();
        for (Row r : ResearchFrames.spearman(frame, "x", "y", List.of("g"), 5).collectAsList()) {
            got.put(r.getString(0), r);
        }
        // average ranks x: 1.5 1.5 3 4.5 4.5 against y: 5 4 3 2 1
        assertClose("tied spearman", DirectResearch.pearson(new double[] {1.5, 1.5, 3, 4.5, 4.5}, new double[] {5, 4, 3, 2, 1}),
                got.get("ties").getDouble(2));
        assertTrue(got.get("constant").isNullAt(2), "a constant cross-section has no rank correlation");
        assertNull(got.get("small"), "4 rows are fewer than the minimum of 5");
    }

    private static Map<String, Row> byKey(Dataset<Row> observations) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : observations.collectAsList()) {
            out.put(r.<String>getAs("factor") + "/" + r.<Integer>getAs("horizon") + "/" + r.<String>getAs("symbol") + "@"
                    + r.<Timestamp>getAs("ts").getTime(), r);
        }
        return out;
    }

    static void assertClose(String what, double want, double got) {
        if (Double.isNaN(want) || Double.isNaN(got)) {
            assertEquals(Double.isNaN(want), Double.isNaN(got), what + ": want " + want + ", got " + got);
            return;
        }
        assertEquals(want, got, TOL, what);
    }
}
