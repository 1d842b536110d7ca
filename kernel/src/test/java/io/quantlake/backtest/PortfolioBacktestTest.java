package io.quantlake.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEvent;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.Fixtures;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.ConfiguredStrategy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Backtest wiring of the portfolio sections: bit-identical without them, the report with them. */
class PortfolioBacktestTest {
    private static final String HEAD = """
            market: usdm
            interval: 1d
            universe: [BTCUSDT, ETHUSDT, SOLUSDT]
            start: 2024-01-01
            end: 2024-04-01
            capital: 10000
            costs: {taker_bps: 10, slippage_bps: 5}
            funding: {missing: zero}
            strategy: {name: inverse_vol, params: {lookback: 10, schedule: {every: 5}}}
            """;

    private static Panel panel() {
        Random rnd = new Random(7);
        String[] names = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
        PanelBuilder b = Fixtures.daily(names);
        double[] p = {40000, 2000, 100};
        for (int t = 0; t < 91; t++) {
            double m = 0.03 * rnd.nextGaussian();
            for (int i = 0; i < 3; i++) {
                double o = p[i];
                double c = o * (1 + (1 + 0.5 * i) * m + 0.02 * rnd.nextGaussian());
                b.bar(names[i], Fixtures.T0 + t * Fixtures.DAY, o, Math.max(o, c) * 1.01, Math.min(o, c) * 0.99, c, 1);
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
    void withoutPortfolioSectionsTheResultIsTheBareKernelBitForBit() {
        BacktestConfig config = BacktestConfig.bind(ConfigLoader.parse(HEAD, "file t.yaml"));
        Panel p = panel();
        BacktestOutcome out = Backtest.run(p, config, Map.of(), Map.of());
        ConfiguredStrategy.Weight w = (ConfiguredStrategy.Weight) config.strategy().built();
        BacktestResult bare = Simulator.run(p, config.simConfig(Map.of(), Map.of()),
                StrategyInput.weights(w.strategy(), p));
        assertEquals(bare.ledger().events(), out.result().ledger().events());
        assertArrayEquals(bare.equity(), out.result().equity());
        assertTrue(out.portfolio().isEmpty());
    }

    @Test
    void riskSizingAndHedgeRunThroughTheManagerAndReport() {
        BacktestOutcome out = run("""
                risk: {max_leverage: 3, max_weight: 0.3, max_gross: 1.2}
                sizing: {method: vol_target, lookback: 10, target_vol: 0.5, max_leverage: 2}
                hedge: {band: 0.1, lookback: 10}
                """);
        var report = out.portfolio().orElseThrow();
        assertTrue(report.decisions() > 0);
        assertTrue(report.hedgeRows() > 0, report.toString());
        long riskRows = out.result().ledger().events().stream().filter(e -> e.reason().isRisk()).count();
        assertEquals(report.totalInterventions(), riskRows);
        assertTrue(report.riskInterventions().containsKey(Reason.RISK_GROSS_CAP.code()));
        // naive rebalancing meets the same caps, so the optimizer never turns over more at a decision
        assertTrue(report.turnoverSaved() >= -1e-9 * report.decisions(), report.toString());
    }

    @Test
    void legacyStrategiesTakeSizingAndRiskCapsButNotTheHedge() {
        String legacy = HEAD.replace("strategy: {name: inverse_vol, params: {lookback: 10, schedule: {every: 5}}}",
                "strategy: {name: sma_cross_tpsl, params: {fast: 2, slow: 5, take_profit: 0.1, stop_loss: 0.05, "
                        + "max_positions: 2}}");
        BacktestConfig h = BacktestConfig.bind(ConfigLoader.parse(legacy + "hedge: {band: 0.1}\n", "file t.yaml"));
        ConfigException e = assertThrows(ConfigException.class, () -> Backtest.run(panel(), h, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("hedge needs a weight strategy") && e.getMessage().contains("t.yaml"),
                e.getMessage());
        BacktestConfig capped = BacktestConfig.bind(ConfigLoader.parse(legacy + "risk: {max_weight: 0.3}\n",
                "file t.yaml"));
        BacktestOutcome out = Backtest.run(panel(), capped, Map.of(), Map.of());
        assertTrue(out.portfolio().isPresent(), "the portfolio report of a capped legacy run");
        for (TradeEvent o : opens(out.result())) {
            int t = Arrays.binarySearch(out.result().times(), o.time());
            assertTrue(o.qty() * o.price() / out.result().equity()[t - 1] <= 0.3 + 0.005, o.toString());
        }

        BacktestConfig plain = BacktestConfig.bind(ConfigLoader.parse(legacy, "file t.yaml"));
        BacktestConfig sized = BacktestConfig.bind(ConfigLoader.parse(legacy
                + "sizing: {method: fixed_fraction, fraction: 0.2}\n", "file t.yaml"));
        BacktestResult a = Backtest.run(panel(), plain, Map.of(), Map.of()).result();
        BacktestResult b = Backtest.run(panel(), sized, Map.of(), Map.of()).result();
        List<TradeEvent> opensA = opens(a);
        List<TradeEvent> opensB = opens(b);
        assertFalse(opensB.isEmpty());
        for (TradeEvent o : opensB) {
            int t = Arrays.binarySearch(b.times(), o.time());
            // next_open fill of a weight of the decision equity E_{t-1} (R19), fees and slippage aside
            assertEquals(0.2, o.qty() * o.price() / b.equity()[t - 1], 0.005, o.toString());
        }
        for (TradeEvent o : opensA) {
            int t = Arrays.binarySearch(a.times(), o.time());
            assertEquals(0.5, o.qty() * o.price() / a.equity()[t - 1], 0.3, "unsized: about 1/max_positions");
        }
    }

    @Test
    void signalStrategiesTakeSizing() {
        String pairs = HEAD.replace("strategy: {name: inverse_vol, params: {lookback: 10, schedule: {every: 5}}}",
                "strategy: {name: pair_trading, params: {pairs: [ETHUSDT/BTCUSDT], max_pvalue: 1, formation_bars: 30, "
                        + "lookback: 20, z_lookback: 10, entry_z: 1, exit_z: 0.2, stop_z: 5, leg_weight: 0.3}}");
        BacktestConfig plain = BacktestConfig.bind(ConfigLoader.parse(pairs, "file t.yaml"));
        BacktestConfig sized = BacktestConfig.bind(ConfigLoader.parse(pairs
                + "sizing: {method: vol_target, lookback: 10, target_vol: 0.2, max_leverage: 1}\n", "file t.yaml"));
        List<TradeEvent> a = opens(Backtest.run(panel(), plain, Map.of(), Map.of()).result());
        List<TradeEvent> b = opens(Backtest.run(panel(), sized, Map.of(), Map.of()).result());
        assertFalse(a.isEmpty(), "the pair must trade for this test to mean anything");
        assertFalse(b.isEmpty());
        // both legs scaled by one factor: the first entry's leg ratio is the strategy's
        double ratioA = a.get(0).qty() * a.get(0).price() / (a.get(1).qty() * a.get(1).price());
        double ratioB = b.get(0).qty() * b.get(0).price() / (b.get(1).qty() * b.get(1).price());
        assertEquals(a.get(0).time(), b.get(0).time());
        assertEquals(ratioA, ratioB, 1e-6 * Math.abs(ratioA));
        assertTrue(Math.abs(a.get(0).qty() - b.get(0).qty()) > 1e-9 * Math.abs(a.get(0).qty()), "sized differently");
    }

    private static List<TradeEvent> opens(BacktestResult r) {
        return r.ledger().events().stream().filter(e -> e.type() == TradeEventType.OPEN).toList();
    }
}
