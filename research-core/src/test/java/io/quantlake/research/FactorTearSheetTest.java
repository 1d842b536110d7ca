package io.quantlake.research;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.tearsheet.PageText;
import io.quantlake.tearsheet.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FactorTearSheet} on a hand-built {@link SyntheticFactorResult} (no Spark, no browser). */
class FactorTearSheetTest {
    private static final double NaN = Double.NaN;

    @Test
    void summaryTableHoldsOneRowPerFactorAndHorizonWithTheHeadlineNumbers() {
        Table t = FactorTearSheet.summaryTable(SyntheticFactorResult.of(40));
        assertEquals(FactorTearSheet.SUMMARY_HEADER, t.header());
        assertEquals(4, t.rows().size(), "2 factors x 2 horizons");
        // mom_30_1 at 1 bar: IC alternates 0.1, 0.3 → mean 0.2, sd √0.0205128… (ddof 1, 40 dates)
        // rank IC 0.2 + 0.1·(k mod 2); spread 1 % on every date
        List<String> row = t.rows().get(0);
        assertEquals(List.of("factor", "horizon", "dates", "mean IC (Pearson)", "IC IR (Pearson)", "t (Pearson)",
                "mean rank IC", "rank IC IR", "rank t"), t.header().subList(0, 9));
        assertEquals(List.of("mom_30_1", "1", "40", "0.2000"), row.subList(0, 4));
        double sd = Math.sqrt(40 * 0.01 / 39);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", 0.2 / sd), row.get(4), "IC IR = mean / sd");
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", 0.2 / (sd / Math.sqrt(40))), row.get(5), "t = mean / (sd/√n)");
        // rank IC alternates 0.2, 0.3: mean 0.25, sd √(40 · 0.05² / 39) — its own IR and t, not the Pearson ones
        double rankSd = Math.sqrt(40 * 0.0025 / 39);
        assertEquals("0.2500", row.get(6));
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", 0.25 / rankSd), row.get(7), "rank IC IR");
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", 0.25 / (rankSd / Math.sqrt(40))), row.get(8), "rank t");
        assertEquals("1.00%", row.get(10));
        assertEquals(List.of("rev_1", "5"), t.rows().get(3).subList(0, 2));
    }

    @Test
    void pageHasTheSummaryTheCorrelationHeatmapAndEveryChartOfEachFactor(@TempDir Path tmp) throws IOException {
        FactorResearchResult r = SyntheticFactorResult.of(120);
        Path file = FactorTearSheet.write(tmp.resolve("out"), r, "Factors <demo>", "run r-1 on 2 symbols & co");
        assertEquals(tmp.resolve("out").resolve("factor_report.html"), file);
        String html = Files.readString(file);
        // per factor: IC at 2 horizons, decay, quantiles, stability = 5; plus the correlation heatmap
        assertTrue(html.contains("data-charts=\"11\""), "11 charts");
        for (String h2 : List.of("Summary", "Factor correlation", "Factor mom_30_1", "Factor rev_1")) {
            assertTrue(html.contains("<h2>" + h2 + "</h2>"), h2);
        }
        assertTrue(html.contains("<title>Factors &lt;demo&gt;</title>") && html.contains("run r-1 on 2 symbols &amp; co"));
        assertFalse(html.contains("src=\"http") || html.contains("<link"), "no external resource");

        ObjectMapper json = new ObjectMapper();
        JsonNode heatmap = json.readTree(PageText.chartJson(html, "chart-1"));
        assertEquals("heatmap", heatmap.get("kind").asText());
        JsonNode ic = json.readTree(PageText.chartJson(html, "chart-2")).at("/option/series");
        assertEquals(List.of("IC", "rank IC", "IC, 30-date mean", "rank IC, 30-date mean"),
                List.of(ic.get(0).get("name").asText(), ic.get(1).get("name").asText(), ic.get(2).get("name").asText(),
                        ic.get(3).get("name").asText()));
        assertTrue(ic.get(2).at("/data/28/1").isNull(), "no trailing mean before 30 dates");
        assertEquals(0.2f, ic.get(2).at("/data/29/1").floatValue(), 1e-6f, "mean of 15 × 0.1 and 15 × 0.3");
        JsonNode quantiles = json.readTree(PageText.chartJson(html, "chart-5")).at("/option");
        assertEquals(2, quantiles.get("series").size(), "one bar series per horizon");
        assertEquals("Q1 (lowest)", quantiles.at("/xAxis/data/0").asText());
        assertEquals("Q3 (highest)", quantiles.at("/xAxis/data/2").asText());
    }

    @Test
    void rollingMeanSkipsNonFiniteValuesAndNeedsHalfTheWindow() {
        double[] v = {1, 2, NaN, 4, NaN, NaN, 7};
        // window 3: k=2 → (1+2)/2; k=3 → (2+4)/2; k=4 → 4/1 but 1 finite < 1.5 → NaN; k=6 → 7 alone → NaN
        assertArrayEquals(new double[] {NaN, NaN, 1.5, 3.0, NaN, NaN, NaN}, FactorTearSheet.rollingMean(v, 3), 1e-12);
        assertArrayEquals(new double[] {1, 2, NaN, 4}, FactorTearSheet.rollingMean(new double[] {1, 2, NaN, 4}, 1), 1e-12);
    }

    @Test
    void tableTextAlignsColumns() {
        Table t = new Table(List.of("factor", "IC"), List.of(List.of("mom_30_1", "0.1"), List.of("r", "-0.0123")));
        assertEquals("factor         IC\nmom_30_1      0.1\nr         -0.0123\n", t.text());
    }
}
