package io.quantlake.tearsheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.market.Interval;
import io.quantlake.metrics.Metrics;
import io.quantlake.strategy.TargetWeights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTearSheetTest {
    /** The tear sheet of {@code run} written into {@code dir}, as text. */
    private static String html(Path dir, SyntheticRun run, Optional<Benchmark> benchmark, String title)
            throws IOException {
        return Files.readString(BacktestTearSheet.write(dir, run.result(), run.metrics(), benchmark, title));
    }

    @Test
    void writesReportHtmlWithEverySection(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        SyntheticRun run = SyntheticRun.of(120);
        Path report = BacktestTearSheet.write(dir, run.result(), run.metrics(), Optional.empty(), "mr <2024>");
        assertEquals(dir.resolve("report.html"), report);
        assertEquals(List.of("report.html"), List.of(dir.toFile().list()), "drawn from the arrays, no file read");
        String html = Files.readString(report);
        assertTrue(html.contains("<title>mr &lt;2024&gt;</title>"));
        for (String section : new String[] {"Summary", "Equity and drawdown", "Returns", "Exposure and leverage",
            "Turnover", "Trades", "Ledger events"}) {
            assertTrue(html.contains("<h2>" + section + "</h2>"), section);
        }
        assertTrue(html.contains("<tr><td>profit_factor</td><td class=\"num\">n/a</td></tr>"), "null metric");
        assertTrue(html.contains("Rolling Sharpe (30 bars of 1d, annualized)"), "the run's interval, 1d");
        // equity, drawdown, heatmap, rolling Sharpe, exposure, targets, turnover, round trips, ledger types
        assertTrue(html.contains("data-charts=\"9\""));
    }

    @Test
    void sameRunGivesSameBytesWhereverItIsWritten(@TempDir Path tmp) throws IOException {
        Benchmark btc = new Benchmark("BTC", new long[] {SyntheticRun.START}, new double[] {40_000});
        SyntheticRun run = SyntheticRun.of(200);
        byte[] first = html(tmp.resolve("a"), run, Optional.of(btc), "t").getBytes(StandardCharsets.UTF_8);
        byte[] again = html(tmp.resolve("a"), run, Optional.of(btc), "t").getBytes(StandardCharsets.UTF_8);
        byte[] copy = html(tmp.resolve("elsewhere").resolve("b"), SyntheticRun.of(200), Optional.of(btc), "t")
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(first, again);
        assertArrayEquals(first, copy);
    }

    @Test
    void benchmarkIsScaledToTheStartingEquity(@TempDir Path tmp) throws IOException {
        long day = SyntheticRun.DAY;
        long start = SyntheticRun.START;
        Benchmark btc = new Benchmark("BTC", new long[] {start - day, start + 10 * day}, new double[] {100, 150});
        String html = html(tmp, SyntheticRun.of(30), Optional.of(btc), "t");
        JsonNode series = new ObjectMapper().readTree(PageText.chartJson(html, "chart-1")).at("/option/series");
        assertEquals("BTC", series.get(1).get("name").asText());
        double e0 = series.get(0).at("/data/0/1").asDouble();
        assertEquals(e0, series.get(1).at("/data/0/1").asDouble(), 0, "B_0 = E_0 (close 100 as of the first bar)");
        assertEquals((float) (e0 * 1.5), series.get(1).at("/data/10/1").floatValue(), 0.02f, "150 / 100 from bar 10");
    }

    @Test
    void longHourlyRunStaysLight(@TempDir Path tmp) throws IOException {
        int bars = 24 * 400;   // 9,600 hourly bars: every per-bar series is downsampled to <= 5,000 points
        String html = html(tmp, SyntheticRun.of(bars, Interval.H1), Optional.empty(), "1h");
        assertTrue(html.contains("Rolling Sharpe (720 bars of 1h, annualized)"), "1h, a 30-day window");
        JsonNode equity = new ObjectMapper().readTree(PageText.chartJson(html, "chart-1")).at("/option/series/0/data");
        assertTrue(equity.size() <= Downsampler.MAX_POINTS && equity.size() > 1_000, "points " + equity.size());
        // the bundle is ~1.0 MB; 5 per-bar series of <= 5,000 points at ~25 bytes each add ~0.6 MB at most
        assertTrue(html.length() < 1_800_000, "page of " + html.length() + " chars");
    }

    @Test
    void benchmarkFromAPanelSkipsMissingBars() {
        long day = SyntheticRun.DAY;
        io.quantlake.panel.Panel panel = io.quantlake.panel.Panel.builder(io.quantlake.market.Interval.D1, "ETHUSDT",
                "BTCUSDT")
                .bar("ETHUSDT", 0, 1, 1, 1, 1, 1).bar("ETHUSDT", day, 1, 1, 1, 1, 1)
                .bar("BTCUSDT", day, 10, 12, 9, 11, 1).build();
        Benchmark b = Benchmark.buyAndHold(panel, "BTCUSDT");
        assertEquals("BTCUSDT buy & hold", b.name());
        assertArrayEquals(new long[] {day}, b.times());
        assertArrayEquals(new double[] {11}, b.closes());
    }

    @Test
    void targetWeightsAreAHeatmapOfSymbolsByDecisionBar(@TempDir Path tmp) throws IOException {
        // decisions on 2023-11-15 and each month's first day
        String html = html(tmp, SyntheticRun.of(120), Optional.empty(), "t");
        JsonNode option = new ObjectMapper().readTree(PageText.chartJson(html, "chart-6")).at("/option");
        assertEquals("[\"2023-11-15\",\"2023-12-01\",\"2024-01-01\",\"2024-02-01\",\"2024-03-01\"]",
                option.at("/xAxis/data").toString());
        assertEquals("[\"BTCUSDT\",\"ETHUSDT\",\"SOLUSDT\"]", option.at("/yAxis/data").toString(), "universe order");
        // bar 0: weight 0.5 + 0.3 sin(0) = 0.5; BTCUSDT 0.6 of it, ETHUSDT 0.4; SOLUSDT NaN (no cell)
        assertEquals("[0,0,0.3]", option.at("/series/0/data/0").toString());
        assertEquals("[0,1,0.2]", option.at("/series/0/data/5").toString());
    }

    @Test
    void manyDecisionBarsShowEveryKth(@TempDir Path tmp) throws IOException {
        int n = SyntheticRun.SYMBOLS.length;
        boolean[] decision = new boolean[1000];
        double[] weights = new double[1000 * n];
        Arrays.fill(decision, true);   // a decision at every bar: 1000 > 400 columns, so k = 3
        Arrays.fill(weights, Double.NaN);
        for (int t = 0; t < 1000; t++) {
            weights[t * n] = t;   // BTCUSDT
        }
        SyntheticRun run = SyntheticRun.of(1000).withTargets(new TargetWeights(1000, n, decision, weights));
        String html = html(tmp, run, Optional.empty(), "t");
        assertTrue(html.contains("Target weights at decision bars (targets.csv, 1 in 3 of 1000 shown;"));
        JsonNode option = new ObjectMapper().readTree(PageText.chartJson(html, "chart-6")).at("/option");
        assertEquals(334, option.at("/xAxis/data").size());
        assertEquals("[333,0,999.0]", option.at("/series/0/data/333").toString());   // bar 999 = 3 * 333
    }

    @Test
    void oneBarAndAnEmptyLedgerStillGiveAReport(@TempDir Path tmp) throws IOException {
        String html = html(tmp, SyntheticRun.of(1).withoutTrades(), Optional.empty(), "one bar");
        assertTrue(html.contains("1 bars of 1d from 2023-11-15T00:00:00Z to 2023-11-15T00:00:00Z"));
        assertTrue(html.contains("<tr><td>round trips</td><td class=\"num\">0</td></tr>"));
        // equity, drawdown, heatmap, rolling Sharpe, exposure, turnover: no targets, trades or ledger chart
        assertTrue(html.contains("data-charts=\"6\""));
    }

    @Test
    void metricsAreFormattedByMeaning() {
        assertEquals("12.35%", BacktestTearSheet.formatMetric("cagr", 0.12345));
        assertEquals("1,234.50", BacktestTearSheet.formatMetric("fees", 1234.5));
        assertEquals("42", BacktestTearSheet.formatMetric("trades", 42));
        assertEquals("1.2346", BacktestTearSheet.formatMetric("sharpe", 1.23456));
        assertEquals("n/a", BacktestTearSheet.formatMetric("profit_factor", Double.NaN));
    }

    @Test
    void summaryShowsWhatMetricsJsonHoldsForTheSameRun(@TempDir Path tmp) throws IOException {
        SyntheticRun run = SyntheticRun.of(90);
        Metrics written = BacktestFiles.write(run.result(), tmp);
        String html = html(tmp, new SyntheticRun(run.result(), written), Optional.empty(), "t");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve(BacktestFiles.METRICS).toFile());
        assertEquals(15, json.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double v = e.getValue().isNull() ? Double.NaN : e.getValue().asDouble();
            assertTrue(html.contains("<tr><td>" + e.getKey() + "</td><td class=\"num\">"
                    + BacktestTearSheet.formatMetric(e.getKey(), v) + "</td></tr>"), e.getKey());
        }
        assertTrue(html.contains("90 bars of 1d from 2023-11-15T00:00:00Z to 2024-02-12T00:00:00Z (bar open times,"
                + " UTC); " + (Files.readAllLines(tmp.resolve(BacktestFiles.LEDGER)).size() - 1) + " ledger rows."));
    }
}
