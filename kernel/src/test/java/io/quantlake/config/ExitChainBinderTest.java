package io.quantlake.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.backtest.Backtest;
import io.quantlake.exit.ConditionalExitStrategy;
import io.quantlake.exit.TPSLExitStrategy;
import io.quantlake.exit.TimeBasedExitStrategy;
import io.quantlake.exit.TrailingStopExitStrategy;
import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.reference.ExitChainStrategy;
import io.quantlake.backtest.BacktestOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Binding and validation of {@code strategy.exits}, and how it combines with legacy and weight strategies. */
class ExitChainBinderTest {
    private static final String HEAD = "market: spot\ninterval: 1d\nuniverse: [A, B, C]\nstart: 2024-01-01\n"
            + "end: 2025-01-01\ncapital: 100000\ncosts: {taker_bps: 10, maker_bps: 2, slippage_bps: 5}\n";
    private static final String SMA = "strategy:\n  name: sma_cross_tpsl\n"
            + "  params: {fast: 3, slow: 8, take_profit: 0.08, stop_loss: 0.05, max_positions: 2}\n";

    static BacktestConfig config(String strategy) {
        return BacktestConfig.bind(ConfigLoader.parse(HEAD + strategy, "file conf/x.yaml"));
    }

    static ExitChain exits(String items) {
        return config(SMA + "  exits:\n" + items).strategy().exits();
    }

    static String error(String items) {
        return assertThrows(ConfigException.class, () -> exits(items)).getMessage();
    }

    @Test
    void bindsEveryRuleInPriorityOrderWithTakeProfitAndStopLossAsOneRule() {
        ExitChain c = exits("""
                    - {type: trailing_stop, trail: 0.05}
                    - {type: take_profit, levels: [{at: 0.03, close: 0.5}, {at: 0.06}]}
                    - {type: time_exit, bars: 10}
                    - {type: stop_loss, at: 0.04}
                    - {type: conditional_exit, feature: carry, above: 2}
                    - {type: trailing_stop, atr: {k: 3, lookback: 14}}
                """);
        assertEquals(5, c.rules().size());
        assertEquals(TrailingStopExitStrategy.percent(0.05), c.rules().get(0));
        assertEquals(new TPSLExitStrategy(
                List.of(new TPSLExitStrategy.Level(0.03, 0.5), new TPSLExitStrategy.Level(0.06, 1)),
                List.of(new TPSLExitStrategy.Level(0.04, 1)), TPSLExitStrategy.BothHit.STOP_FIRST,
                TPSLExitStrategy.PriceBasis.RELATIVE), c.rules().get(1));
        assertEquals(new TimeBasedExitStrategy(10), c.rules().get(2));
        assertInstanceOf(ConditionalExitStrategy.class, c.rules().get(3));
        assertEquals(TrailingStopExitStrategy.atr(3, "atr_wilder_14"), c.rules().get(4));
        assertEquals(List.of("atr_wilder_14"), List.copyOf(c.computed().keySet()));
        assertEquals("carry", c.panelFeatures().get(0).name());
        assertTrue(config(SMA).strategy().exits().isEmpty());
    }

    @Test
    void errorsNameTheKeyPathTheFileAndTheAcceptedValues() {
        assertEquals("config key `strategy.exits[0].type` must be one of take_profit, stop_loss, trailing_stop, "
                + "time_exit, conditional_exit, got \"trailing\" (file conf/x.yaml)", error("    - {type: trailing}\n"));
        assertEquals("config key `strategy.exits` must be a non-empty list of exit rules such as {type: time_exit, "
                + "bars: 10}, got {\"type\":\"time_exit\"} (file conf/x.yaml)",
                assertThrows(ConfigException.class, () -> config(SMA + "  exits: {type: time_exit}\n"))
                        .getMessage());
        assertTrue(error("    - {type: take_profit, levels: [{at: 0.03, close: 0.5}, {at: 0.06, close: 0.5}]}\n")
                .startsWith("config key `strategy.exits[0].levels[1].close` must be absent on the last level"));
        assertTrue(error("    - {type: take_profit, levels: [{at: 0.05, close: 0.5}, {at: 0.04}]}\n")
                .startsWith("config key `strategy.exits[0].levels[1].at` must be greater than the previous level's 0.05"));
        assertTrue(error("    - {type: take_profit, levels: [{at: 0.03, close: 0.6}, {at: 0.04, close: 0.4}, {at: 0.05}]}\n")
                .startsWith("config key `strategy.exits[0].levels[1].close` must be such that the levels before the last"));
        assertTrue(error("    - {type: stop_loss, at: 1.5}\n")
                .startsWith("config key `strategy.exits[0].at` must be in (0, 1), got 1.5 (file conf/x.yaml)"));
        assertTrue(error("    - {type: take_profit, at: 0.1}\n    - {type: take_profit, at: 0.2}\n")
                .startsWith("config key `strategy.exits[1].type` must be at most one take_profit rule per chain"));
        assertTrue(error("    - {type: take_profit, at: 0.1, both_hit: tp_first}\n"
                + "    - {type: stop_loss, at: 0.1, both_hit: stop_first}\n")
                .startsWith("config key `strategy.exits[1].both_hit` must be the take_profit rule's tp_first"));
        assertEquals("config key `strategy.exits[0].trail` is required (file conf/x.yaml); or `atr` "
                + "(e.g. atr: {k: 3, lookback: 14})", error("    - {type: trailing_stop}\n"));
        assertTrue(error("    - {type: trailing_stop, trail: 0.1, atr: {k: 2, lookback: 3}}\n")
                .startsWith("config key `strategy.exits[0].atr` must be absent when `trail` is given"));
        assertTrue(error("    - {type: trailing_stop, atr: {k: 2}}\n")
                .startsWith("config key `strategy.exits[0].atr.lookback` is required (file conf/x.yaml); or `feature`"));
        assertTrue(error("    - {type: time_exit, bars: 0}\n")
                .startsWith("config key `strategy.exits[0].bars` must be an integer >= 1, got 0"));
        assertTrue(error("    - {type: time_exit, bars: 3, at: 1}\n")
                .startsWith("unknown config key `strategy.exits[0].at` (file conf/x.yaml); accepted keys: type, bars"));
        assertTrue(error("    - {type: conditional_exit, feature: carry}\n")
                .startsWith("config key `strategy.exits[0].above` is required (file conf/x.yaml); or `below`"));
        assertTrue(error("    - {type: conditional_exit, factor: {name: mom_5_0, weight: 1}, below: 0}\n")
                .startsWith("config key `strategy.exits[0].factor.weight` must be absent"));
        assertTrue(error("    - {type: conditional_exit, factor: {name: carry}, below: 0}\n")
                .startsWith("config key `strategy.exits[0].factor.name`: unknown factor 'carry'; accepted: mom_L_S"));
        assertTrue(error("    - {type: conditional_exit, factor: carry, below: 0}\n")
                .startsWith("config key `strategy.exits[0].factor`: unknown factor 'carry'; accepted: mom_L_S"));
        assertEquals("config key `strategy.exits[0].factor.name`: the factor form {name: momentum, ...} was removed (one "
                + "factor library: the research factors' names); write `name: mom_20_0` (momentum lookback 20 skip 0) "
                + "(file conf/x.yaml)", error("    - {type: conditional_exit, factor: {name: momentum, lookback: 20}, "
                + "below: 0}\n"));
    }

    @Test
    void aPanelFeatureTheRunLacksIsAnErrorListingTheFeatures() {
        ExitChain c = exits("    - {type: conditional_exit, feature: carry, below: 0}\n");
        Panel p = panel(20, 1);
        assertEquals("config key `strategy.exits[0].feature` must be a feature of the run's panel, which carries none "
                + "(a research factor computed by Spark is `factor: mom_20_0`), got carry "
                + "(file conf/x.yaml)", assertThrows(ConfigException.class, () -> c.withFeatures(p)).getMessage());
        Panel q = p.withFeature("funding", new double[p.bars() * p.symbolCount()]);
        assertTrue(assertThrows(ConfigException.class, () -> c.withFeatures(q)).getMessage()
                .contains("must be a feature of the run's panel, one of funding, got carry"));
        assertTrue(c.withFeatures(q.withFeature("carry", new double[p.bars() * p.symbolCount()])).features()
                .containsKey("carry"));
    }

    @Test
    void aWeightStrategyWithExitsIsAnErrorNamingTheKey() {
        String m = assertThrows(ConfigException.class, () -> config("strategy:\n  name: inverse_vol\n"
                + "  params: {lookback: 20, schedule: {every: 5}}\n  exits: [{type: time_exit, bars: 5}]\n")).getMessage();
        assertTrue(m.startsWith("config key `strategy.exits` must be absent for weight strategy inverse_vol (exits attach "
                        + "to the OPEN signals of signal and legacy strategies"), m);
    }

    @Test
    void aSweepSetKeepsTheBaseConfigsExits() {
        BacktestConfig base = config(SMA + "  exits: [{type: time_exit, bars: 5}]\n");
        Map<String, Object> params =
                Map.of("fast", 2, "slow", 9, "take_profit", 0.1, "stop_loss", 0.05, "max_positions", 2);
        BacktestConfig set = base.withStrategy(StrategyRegistry.all(), "sma_cross_tpsl", params, "set 1");
        assertEquals(List.of(new TimeBasedExitStrategy(5)), set.strategy().exits().rules());
        assertEquals(9, set.strategy().params().integer("slow", 1, 100));
        // The set's strategy is built with the chain attached (the legacy strategy runs as a signal strategy).
        assertInstanceOf(ExitChainStrategy.class,
                assertInstanceOf(ConfiguredStrategy.Signal.class, set.strategy().built()).strategy());
        BacktestConfig plain = config(SMA).withStrategy(StrategyRegistry.all(), "sma_cross_tpsl", params, "set 1");
        assertTrue(plain.strategy().exits().isEmpty());
        assertInstanceOf(ConfiguredStrategy.Legacy.class, plain.strategy().built());
    }

    @Test
    void aLegacyChainFollowsTheBuiltInTakeProfitAndStopLoss() {
        Panel p = panel(300, 7);
        BacktestOutcome plain = Backtest.run(p, config(SMA), Map.of(), Map.of());
        // A rule that never fires: the signal path the exits need gives the legacy event loop's bytes.
        BacktestOutcome never = Backtest.run(p, config(SMA + "  exits: [{type: time_exit, bars: 100000}]\n"),
                Map.of(), Map.of());
        assertEquals(plain.result().ledger().events(), never.result().ledger().events());
        assertArrayEquals(plain.result().equity(), never.result().equity());
        // The same through the portfolio layer (sizing), which runs legacy strategies as signal strategies too.
        String sized = "sizing: {method: fixed_fraction, fraction: 0.3}\n" + SMA;
        assertEquals(Backtest.run(p, config(sized), Map.of(), Map.of()).result().ledger().events(),
                Backtest.run(p, config(sized + "  exits: [{type: time_exit, bars: 100000}]\n"), Map.of(), Map.of())
                        .result().ledger().events());
        // A 4-bar time exit: every TIME_EXIT is 4 bars after its lot's OPEN, and the 8 %/5 % TP/SL still fire first.
        Ledger l = Backtest.run(p, config(SMA + "  exits: [{type: time_exit, bars: 4}]\n"), Map.of(), Map.of())
                .result().ledger();
        int timeExits = 0;
        int tpsl = 0;
        long[] opened = new long[3];
        for (int k = 0; k < l.size(); k++) {
            if (l.type(k) == TradeEventType.OPEN) {
                opened[l.symbolIndex(k)] = l.time(k);
            } else if (l.type(k) == TradeEventType.TIME_EXIT) {
                timeExits++;
                assertEquals(Reason.TIME_EXIT, l.reason(k));
                assertEquals(opened[l.symbolIndex(k)] + 4 * Interval.D1.millis(), l.time(k), "row " + k);
            } else {
                assertTrue(l.reason(k) == Reason.TAKE_PROFIT || l.reason(k) == Reason.STOP_LOSS, "row " + k);
                assertTrue(l.time(k) - opened[l.symbolIndex(k)] <= 4 * Interval.D1.millis(), "row " + k);
                tpsl++;
            }
        }
        assertTrue(timeExits > 3 && tpsl > 3, timeExits + " time exits, " + tpsl + " TP/SL exits");
        assertFalse(l.events().equals(plain.result().ledger().events()));
    }

    @Test
    void theDemoConfigShowsALadderATrailingStopAndATimeExit() throws Exception {
        String root = System.getProperty("quantlake.root", "");
        Assumptions.assumeTrue(!root.isEmpty(), "system property quantlake.root not set (run through Maven)");
        BacktestConfig c = BacktestConfig.load(Path.of(root, "datasets", "configs", "sma_cross_tpsl_exits.yaml"));
        Ledger l = Backtest.run(panel(700, 3, c.universe().toArray(new String[0])), c, Map.of(), Map.of())
                .result().ledger();
        Set<String> rows = new TreeSet<>();
        for (int k = 0; k < l.size(); k++) {
            rows.add(l.type(k) + " " + l.reason(k).code());
        }
        assertTrue(rows.containsAll(List.of("PARTIAL_CLOSE take_profit", "CLOSE take_profit", "CLOSE trailing_stop",
                "TIME_EXIT time_exit", "CLOSE stop_loss")), rows.toString());
    }

    /** Seeded random walks with intrabar ranges for A, B, C from 2024-01-01. */
    static Panel panel(int bars, long seed) {
        return panel(bars, seed, "A", "B", "C");
    }

    /** Seeded random walks with intrabar ranges for {@code symbols} from 2024-01-01. */
    static Panel panel(int bars, long seed, String... symbols) {
        Random rnd = new Random(seed);
        PanelBuilder b = Panel.builder(Interval.D1, symbols);
        double[] level = new double[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            level[i] = 20 + 30 * i;
        }
        for (int t = 0; t < bars; t++) {
            for (int i = 0; i < symbols.length; i++) {
                double open = level[i];
                level[i] *= Math.exp(0.03 * rnd.nextGaussian());
                double close = level[i];
                b.bar(symbols[i], 1_704_067_200_000L + t * Interval.D1.millis(), open,
                        Math.max(open, close) * (1 + 0.02 * rnd.nextDouble()),
                        Math.min(open, close) * (1 - 0.02 * rnd.nextDouble()), close, 1000);
            }
        }
        return b.build();
    }
}
