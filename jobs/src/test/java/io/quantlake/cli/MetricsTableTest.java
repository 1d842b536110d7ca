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
        assertTrue(table.startsWith("strategy"), table);
        String layer = MetricsTable.portfolioLayer(runs);
        assertTrue(layer.startsWith("portfolio layer"), layer);
        assertTrue(!layer.contains("bare"), layer);
        var report = runs.get("capped").portfolio().orElseThrow();
        assertTrue(layer.contains("capped") && layer.contains("sizing erc") && layer.contains("risk rows: ")
                && layer.contains("orders " + report.orders() + " (naive " + report.naiveOrders() + ", saved "
                + report.ordersSaved() + ")") && layer.contains("hedge rows " + report.hedgeRows()), layer);
    }

    @Test
    void theDemosEighteenRunsFitA120ColumnTerminal() {
        BacktestOutcome capped = run("risk: {max_weight: 0.3, max_gross: 0.9}\nsizing: {method: erc, lookback: 10}\n"
                + "hedge: {band: 0.2, lookback: 10}\n");
        String[] demo = {"factor_long_only", "factor_long_short", "factor_long_short_erc_capped", "inverse_vol",
            "market_neutral", "market_neutral_beta", "market_neutral_inverse_vol_net_capped",
            "market_neutral_risk_hedge", "monthly_rebalance", "monthly_rebalance_vol_target", "pair_trading",
            "pair_trading_vol_target", "risk_parity_erc", "risk_parity_inverse_vol", "sma_cross_tpsl",
            "sma_cross_tpsl_exits", "sma_cross_tpsl_fixed_fraction", "sma_cross_tpsl_kelly_capped"};
        Map<String, BacktestOutcome> runs = new LinkedHashMap<>();
        for (String name : demo) {
            runs.put(name, capped);
        }
        String table = MetricsTable.of(runs);
        for (String line : table.split("\n")) {
            assertTrue(line.length() <= MetricsTable.WIDTH, line.length() + " columns: " + line);
        }
        // every run has a row in each block, and every metric has a header
        long blocks = table.lines().filter(l -> l.startsWith("strategy ")).count();
        assertTrue(blocks >= 2, table);
        for (String name : demo) {
            assertEquals(blocks, table.lines().filter(l -> l.startsWith(name + " ")).count(), name + "\n" + table);
        }
        for (String metric : new String[] {"total_return", "sharpe", "max_drawdown", "trades", "fees", "funding"}) {
            assertTrue(table.contains(" " + metric), metric);
        }
        String total = String.format(java.util.Locale.ROOT, "%.2f%%", 100 * capped.metrics().totalReturn());
        assertTrue(table.contains(total), total + "\n" + table);
    }
}
