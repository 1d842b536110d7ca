package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.backtest.Backtest;
import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The demo's side-by-side table, with the portfolio-layer lines of runs that have portfolio sections. */
class MetricsTableTest {
    private static final String HEAD = """
            market: usdm
            interval: 1d
            universe: [BTCUSDT, ETHUSDT, SOLUSDT]
            start: 2024-01-01
            end: 2024-04-01
            capital: 10000
            funding: {missing: zero}
            strategy: {name: inverse_vol, params: {lookback: 10, schedule: {every: 5}}}
            """;

    private static Panel panel() {
        Random rnd = new Random(3);
        String[] names = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
        PanelBuilder b = Panel.builder(Interval.D1, names);
        double[] p = {40000, 2000, 100};
        for (int t = 0; t < 91; t++) {
            for (int i = 0; i < 3; i++) {
                double c = p[i] * (1 + 0.03 * rnd.nextGaussian());
                b.bar(names[i], 1_704_067_200_000L + t * 86_400_000L, p[i], Math.max(p[i], c), Math.min(p[i], c), c, 1);
                p[i] = c;
            }
        }
        return b.build();
    }

    private static BacktestOutcome run(String extra) {
        return Backtest.run(panel(), BacktestConfig.bind(ConfigLoader.parse(HEAD + extra, "file t.yaml")), Map.of(),
                Map.of());
    }

    @Test
    void portfolioLinesOnlyForRunsWithPortfolioSections() {
        Map<String, BacktestOutcome> runs = new LinkedHashMap<>();
        runs.put("bare", run(""));
        assertEquals("", MetricsTable.portfolioLayer(runs));
        runs.put("capped", run("risk: {max_weight: 0.3, max_gross: 0.9}\nsizing: {method: erc, lookback: 10}\n"
                + "hedge: {band: 0.2, lookback: 10}\n"));
        String table = MetricsTable.of(runs);
        assertTrue(table.startsWith("metric"), table);
        String layer = MetricsTable.portfolioLayer(runs);
        assertTrue(layer.startsWith("portfolio layer"), layer);
        assertTrue(!layer.contains("bare"), layer);
        var report = runs.get("capped").portfolio().orElseThrow();
        assertTrue(layer.contains("capped") && layer.contains("sizing erc") && layer.contains("risk rows: ")
                && layer.contains("orders " + report.orders() + " (naive " + report.naiveOrders() + ", saved "
                + report.ordersSaved() + ")") && layer.contains("hedge rows " + report.hedgeRows()), layer);
    }
}
