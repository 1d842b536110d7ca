package io.quantlake.tearsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPageTest {
    private static final String EVIL = "</script><script>alert('x')</script> & <b>\"q\"</b>";

    @Test
    void escapeReplacesTheFiveSpecialCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;",
                Html.escape("<a href=\"x\">O'Neil & co</a>"));
        assertEquals("plain text 123", Html.escape("plain text 123"));
    }

    @Test
    void textEverywhereIsEscapedAndDataCannotCloseItsScript() throws Exception {
        String html = withoutBundle(page(EVIL).html());
        assertFalse(html.contains("<script>alert"), "no injected script element");
        assertFalse(html.contains("<b>\"q\"</b>"), "no injected markup");
        assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;"));
        // 3 fixed scripts (error hook, ECharts, page script) + one JSON script per chart (3)
        assertEquals(6, count(html, "<script"));
        assertEquals(6, count(html, "</script>"));
        // the series name survives the script-safe JSON unchanged
        JsonNode spec = new ObjectMapper().readTree(PageText.chartJson(html, "chart-1"));
        assertEquals(EVIL, spec.at("/option/series/0/name").asText());
        assertEquals("percent", spec.at("/format/value").asText());
    }

    @Test
    void pageIsSelfContainedWithEChartsInlinedOnce() {
        String full = page("t").html();
        assertEquals(1, count(full, echarts()), "ECharts bundle inlined once");
        String html = withoutBundle(full);
        assertFalse(html.contains(" src="), "no external script or image");
        assertFalse(html.contains("<link"), "no external stylesheet");
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\" data-charts=\"3\">"));
    }

    @Test
    void sameInputGivesSameBytes() {
        assertEquals(page("same").html(), page("same").html());
    }

    @Test
    void nonFiniteValuesAreNullsAndNumbersSinglePrecision() throws Exception {
        String html = withoutBundle(page("t").html());
        JsonNode data = new ObjectMapper().readTree(PageText.chartJson(html, "chart-1")).at("/option/series/0/data");
        assertEquals(3, data.size());
        assertEquals(86_400_000L, data.get(1).get(0).asLong());
        assertTrue(data.get(1).get(1).isNull(), "NaN becomes null (a gap)");
        assertEquals("[172800000,0.1]", data.get(2).toString(), "0.1 as the float 0.1, not 0.1000000000000000055");
        assertFalse(html.contains("NaN,") || html.contains(",NaN]"), "no NaN token in JSON");
    }

    @Test
    void longSeriesAreDownsampledToAtMostMaxPoints() throws Exception {
        int n = 20_000;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 60_000L;
            v[i] = Math.sin(i / 300.0);
        }
        ReportPage page = new ReportPage("long", List.of(Section.of("s",
                TimeSeriesChart.lines("c", ValueFormat.NUMBER, new TimeSeries("x", t, v)))));
        JsonNode data = new ObjectMapper().readTree(PageText.chartJson(page.html(), "chart-1")).at("/option/series/0/data");
        assertTrue(data.size() <= Downsampler.MAX_POINTS, "points written: " + data.size());
        assertEquals(0, data.get(0).get(0).asLong());
        assertEquals((n - 1) * 60_000L, data.get(data.size() - 1).get(0).asLong());
    }

    @Test
    void heatmapCellsSkipMissingValuesAndScaleIsSymmetric() throws Exception {
        String html = page("t").html();
        JsonNode option = new ObjectMapper().readTree(PageText.chartJson(html, "chart-3")).at("/option");
        assertEquals("[[0,0,0.01],[1,0,-0.03]]", option.at("/series/0/data").toString());
        assertEquals(-0.03, option.at("/visualMap/min").asDouble(), 0);
        assertEquals(0.03, option.at("/visualMap/max").asDouble(), 0);
    }

    @Test
    void stylesAndLabelsFollowTheSpec() throws Exception {
        long[] t = {0, 1};
        double[] few = new double[EChartsOptions.MAX_LABELLED_BARS];
        double[] many = new double[EChartsOptions.MAX_LABELLED_BARS + 1];
        String html = new ReportPage("p", List.of(Section.of("s",
                new TimeSeriesChart("steps", List.of(new TimeSeries("w", t, new double[] {1, 2})), ValueFormat.PERCENT,
                        TimeSeriesChart.Style.STEP),
                BarChart.of("few", java.util.Collections.nCopies(few.length, "c"), "b", few, ValueFormat.NUMBER),
                BarChart.of("many", java.util.Collections.nCopies(many.length, "c"), "b", many, ValueFormat.NUMBER))))
                .html();
        ObjectMapper json = new ObjectMapper();
        assertEquals("end", json.readTree(PageText.chartJson(html, "chart-1")).at("/option/series/0/step").asText());
        assertTrue(json.readTree(PageText.chartJson(html, "chart-2")).at("/option/series/0/label/show").asBoolean());
        assertTrue(json.readTree(PageText.chartJson(html, "chart-3")).at("/option/series/0/label").isMissingNode());
    }

    @Test
    void invalidBlocksNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Table(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))));
        assertEquals("table row 1 has 1 cells, header [a, b] has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new TimeSeries("eq", new long[] {2, 1}, new double[] {1, 1}));
        assertEquals("time series 'eq': times must increase strictly, got 2 then 1 at index 1", e.getMessage());
    }

    /** A page whose every text field is {@code text}: a note, both tables, a line, a bar chart and a heatmap. */
    private static ReportPage page(String text) {
        long[] t = {0, 86_400_000L, 172_800_000L};
        return new ReportPage(text, List.of(Section.of(text, new Note(text),
                new MetricsTable(List.of(new MetricsTable.Entry(text, text))),
                new Table(List.of(text), List.of(List.of(text))),
                TimeSeriesChart.lines(text, ValueFormat.PERCENT,
                        new TimeSeries(text, t, new double[] {1, Double.NaN, 0.1})),
                BarChart.of(text, List.of(text, "b"), text, new double[] {1, 2}, ValueFormat.INTEGER),
                new HeatmapChart(text, List.of("Jan", "Feb"), List.of("2024", "2025"),
                        new double[] {0.01, -0.03, Double.NaN, Double.NaN}, ValueFormat.PERCENT,
                        HeatmapChart.Scale.DIVERGING))));
    }

    /** The ECharts bundle as inlined. */
    private static String echarts() {
        try (var in = ReportPage.class.getClassLoader().getResourceAsStream(ReportPage.ECHARTS_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The page without the ECharts bundle's text (whose minified code has its own "src=" and "NaN"). */
    private static String withoutBundle(String html) {
        String bundle = echarts();
        assertTrue(html.contains(bundle), "page inlines the bundle");
        return html.replace(bundle, "");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
