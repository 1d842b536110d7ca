package io.quantlake.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.tearsheet.BarChart;
import io.quantlake.tearsheet.HeatmapChart;
import io.quantlake.tearsheet.PageText;
import io.quantlake.tearsheet.ValueFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SweepTearSheet} and its grouping {@link SweepSets} on hand-built sweep_results rows (no Spark, no browser). */
class SweepTearSheetTest {
    private static final double NaN = Double.NaN;

    /** Metrics with the given Sharpe ratio and max drawdown (the rest arbitrary). */
    private static WindowMetrics m(double sharpe, double maxDrawdown) {
        return new WindowMetrics(50, 0.1, 0.2, 0.3, sharpe, 1.0, maxDrawdown, 2.0, 5.0, 10.0, 1.0, 0.9);
    }

    /** A set of one fold: full row with (sharpe, dd), out-of-sample row with Sharpe {@code oos}. */
    private static List<SweepRow> set(String hash, String params, double sharpe, double dd, double oos) {
        return List.of(new SweepRow(hash, params, -1, SweepResultsTable.FULL, 0, 100, m(sharpe, dd)),
                new SweepRow(hash, params, 0, SweepResultsTable.IN_SAMPLE, 0, 50, m(sharpe, dd)),
                new SweepRow(hash, params, 0, SweepResultsTable.OUT_OF_SAMPLE, 50, 100, m(oos, dd)));
    }

    private static String params(int lookback, double band, int every) {
        return "{\"band\":" + band + ",\"lookback\":" + lookback + ",\"name\":\"x\",\"schedule\":{\"every\":" + every + "}}";
    }

    /** lookback {5, 10, 20} (3 values) × band {0.0, 0.1} (2) × schedule every {5, 10} (2); name fixed. */
    private static SweepSets handBuilt() {
        List<SweepRow> rows = new ArrayList<>();
        rows.addAll(set("a000000000000001", params(10, 0.0, 5), 1.0, 0.2, 0.3));
        rows.addAll(set("a000000000000002", params(10, 0.0, 10), 1.5, 0.1, -0.2));
        rows.addAll(set("a000000000000003", params(20, 0.0, 5), NaN, 0.3, NaN));
        rows.addAll(set("a000000000000004", params(20, 0.0, 10), -0.5, 0.4, 0.1));
        rows.addAll(set("a000000000000005", params(5, 0.1, 5), 0.7, 0.25, 0.6));
        return SweepSets.of(rows);
    }

    @Test
    void theTwoMostVariedParamsSpanTheHeatmapAndACellHoldsTheBestOverTheOtherParams() {
        SweepSets sets = handBuilt();
        assertEquals(5, sets.sets().size());
        assertEquals(1, sets.folds());
        assertEquals(List.of("lookback", "band", "schedule"), sets.varied(), "3 values, then 2 (ties by key); name fixed");
        assertEquals(List.of("5", "10", "20"), sets.values().get("lookback"), "numbers sort numerically");
        assertEquals(List.of("x"), sets.values().get("name"));

        HeatmapChart full = sets.heatmap("sharpe", Objective.SHARPE, s -> s.full().sharpe(), ValueFormat.NUMBER);
        assertEquals(List.of("5", "10", "20"), full.columns());
        assertEquals(List.of("0.0", "0.1"), full.rows());
        // band 0: lookback 10 → max(1.0, 1.5); lookback 20 → NaN skipped, -0.5; band 0.1: only lookback 5
        assertArrayEquals(new double[] {NaN, 1.5, -0.5, 0.7, NaN, NaN}, full.values(), 1e-12);
        assertEquals(HeatmapChart.Scale.DIVERGING, full.scale());

        HeatmapChart oos = sets.heatmap("oos", Objective.SHARPE, s -> s.mean(s.outOfSample(), Objective.SHARPE),
                ValueFormat.NUMBER);
        assertArrayEquals(new double[] {NaN, 0.3, 0.1, 0.6, NaN, NaN}, oos.values(), 1e-12,
                "each heatmap takes its own best: (10, 0.0) is the every-5 set here");

        HeatmapChart dd = sets.heatmap("dd", Objective.MAX_DRAWDOWN, s -> s.full().maxDrawdown(), ValueFormat.PERCENT);
        assertArrayEquals(new double[] {NaN, 0.1, 0.3, 0.25, NaN, NaN}, dd.values(), 1e-12, "lower is better: the min");
        assertEquals(HeatmapChart.Scale.SEQUENTIAL, dd.scale());
    }

    @Test
    void oneVariedParamGivesOneRowAndNoneGivesNoHeatmap() {
        List<SweepRow> rows = new ArrayList<>();
        rows.addAll(set("b000000000000001", "{\"lookback\":10,\"mode\":\"long\"}", 1.0, 0.1, 0.5));
        rows.addAll(set("b000000000000002", "{\"lookback\":20,\"mode\":\"long\"}", 2.0, 0.1, 0.5));
        HeatmapChart h = SweepSets.of(rows).heatmap("s", Objective.SHARPE, s -> s.full().sharpe(), ValueFormat.NUMBER);
        assertEquals(List.of("all sets"), h.rows());
        assertArrayEquals(new double[] {1.0, 2.0}, h.values(), 1e-12);
        assertNull(SweepSets.of(rows.subList(0, 3)).heatmap("s", Objective.SHARPE, s -> s.full().sharpe(),
                ValueFormat.NUMBER));
    }

    @Test
    void aSetMissingAFoldRowIsNamed() {
        List<SweepRow> rows = new ArrayList<>(set("c000000000000001", "{\"a\":1}", 1, 0.1, 1));
        rows.addAll(set("c000000000000002", "{\"a\":2}", 1, 0.1, 1).subList(0, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepSets.of(rows));
        assertTrue(e.getMessage().contains("c000000000000002") && e.getMessage().contains("out_of_sample"),
                e.getMessage());
    }

    @Test
    void logitHistogramPutsZeroInTheLastBinOfTheOverfitSide() {
        BarChart h = SweepTearSheet.logitHistogram(new double[] {-1, -0.05, 0, 0.05, 1, 0.5});
        double[] expected = new double[20];
        expected[0] = 1;    // -1 (the closed lower edge)
        expected[9] = 2;    // (-0.1, 0]: -0.05 and 0
        expected[10] = 1;   // (0, 0.1]
        expected[14] = 1;   // (0.4, 0.5]
        expected[19] = 1;   // (0.9, 1]
        assertArrayEquals(expected, h.series().get(0).values(), 1e-12);
        assertEquals("(-0.10, 0.00]", h.categories().get(9));
        assertEquals("(0.00, 0.10]", h.categories().get(10));
    }

    @Test
    void pageHoldsTheHeatmapsScatterFoldBarsOverfittingAndTopSets(@TempDir Path tmp) throws IOException {
        SyntheticSweep s = SyntheticSweep.of("sweep-r1");
        Path file = SweepTearSheet.write(tmp.resolve("out"), s.outcome(), s.rows(), "Sweep <inverse_vol>");
        assertEquals(tmp.resolve("out").resolve(SweepTearSheet.REPORT_FILE), file);
        String html = Files.readString(file);
        assertTrue(html.contains("data-charts=\"5\""), "2 heatmaps, scatter, fold bars, λ histogram");
        for (String h2 : List.of("Summary", "Objective over parameters", "In sample vs out of sample",
                "Best set per fold", "Overfitting", "Top parameter sets")) {
            assertTrue(html.contains("<h2>" + h2 + "</h2>"), h2);
        }
        assertTrue(html.contains("<title>Sweep &lt;inverse_vol&gt;</title>"));
        assertFalse(html.contains("src=\"http") || html.contains("<link"), "no external resource");

        ObjectMapper json = new ObjectMapper();
        JsonNode heat = json.readTree(PageText.chartJson(html, "chart-1")).get("option");
        assertEquals(List.of("5", "10", "20", "40"), texts(heat.at("/xAxis/data")), "lookback has 4 values: columns");
        assertEquals(List.of("0.0", "0.05", "0.1"), texts(heat.at("/yAxis/data")), "band: rows");
        assertEquals(12, heat.at("/series/0/data").size(), "every cell has a set");
        JsonNode hist = json.readTree(PageText.chartJson(html, "chart-5")).at("/option/series/0/data");
        double combos = 0;
        double overfit = 0;
        for (int k = 0; k < hist.size(); k++) {
            combos += hist.get(k).asDouble();
            overfit += k < SweepTearSheet.HALF_BINS ? hist.get(k).asDouble() : 0;
        }
        var pbo = s.outcome().summary().pbo().orElseThrow();
        assertEquals(70, combos, "C(8, 4) combinations");
        assertEquals(pbo.pbo(), overfit / combos, 1e-12, "the bins left of 0 make up the PBO");
        String best = s.outcome().summary().best().set().hash();
        assertTrue(html.contains("<tr><td class=\"num\">1</td><td>" + best + "</td>"), "the best set ranks first");
    }

    @Test
    void emptyRowsAreAnError() {
        SyntheticSweep s = SyntheticSweep.of("sweep-r2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepTearSheet.page(s.outcome(), List.of(), "t"));
        assertTrue(e.getMessage().contains("sweep-r2"), e.getMessage());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
