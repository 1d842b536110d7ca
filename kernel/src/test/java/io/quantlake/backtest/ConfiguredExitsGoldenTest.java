package io.quantlake.backtest;

import static io.quantlake.sim.Fixtures.DAY;
import static io.quantlake.sim.Fixtures.T0;
import static io.quantlake.sim.Fixtures.daily;
import static io.quantlake.sim.Fixtures.ohlc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.config.StrategyBinder;
import io.quantlake.config.StrategyRegistry;
import io.quantlake.exit.ExitStrategy;
import io.quantlake.exit.TimeBasedExitStrategy;
import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.sim.Fixtures;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.strategy.ConfiguredStrategy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Golden ledgers of each exit rule reached from YAML ({@code strategy.exits}, SIMULATION.md §6–§7) through
 * {@link Backtest#run}. The strategy {@code open_at} (registered for the test) opens 10 units LONG of symbol A
 * at the close of bar {@code bar} (a plain signal OPEN without exits of its own), so every exit row comes from
 * the config's chain. Costs: taker 10 bps, maker 2 bps, slippage 10 bps; a market fill at price x sells at
 * x·0.999, a take-profit is a limit at its level with the maker fee.
 */
class ConfiguredExitsGoldenTest {
    /**
     * Opens 10 units LONG of the first symbol at decision bar {@code params.bar}, with a time exit after
     * {@code params.own_time_exit} bars as the strategy's own chain when given.
     */
    static final StrategyRegistry REGISTRY = StrategyRegistry.all().with("open_at", p -> {
        p.allowOnly("bar", "own_time_exit");
        int bar = p.integer("bar", 0, Integer.MAX_VALUE);
        List<ExitStrategy> own = p.has("own_time_exit")
                ? List.of(new TimeBasedExitStrategy(p.integer("own_time_exit", 1, 100))) : List.of();
        SignalStrategy s = new SignalStrategy() {
            @Override
            public List<Signal> generateSignals(MarketSnapshot snapshot, PortfolioState state) {
                return snapshot.bar() != bar ? List.of()
                        : List.of(Signal.open(snapshot.symbol(0), Signal.Side.LONG, new Signal.Quantity(10), own));
            }
        };
        return new StrategyBinder.Bound(new ConfiguredStrategy.Signal("open_at", s, Set.of(Market.SPOT)),
                RebalanceRule.NONE);
    });

    static BacktestConfig config(String execution, int bar, String exits) {
        return config(execution, String.valueOf(bar), exits);
    }

    static BacktestConfig config(String execution, String params, String exits) {
        String yaml = "market: spot\ninterval: 1d\nuniverse: [A]\nstart: 2024-01-01\nend: 2024-02-01\ncapital: 10000\n"
                + "execution: {price: " + execution + "}\ncosts: {taker_bps: 10, maker_bps: 2, slippage_bps: 10}\n"
                + "strategy:\n  name: open_at\n  params: {bar: " + params + "}\n  exits:\n" + exits;
        return BacktestConfig.bind(ConfigLoader.parse(yaml, "file exits.yaml"), REGISTRY);
    }

    static Panel panel(double[]... bars) {
        return Fixtures.bars(daily("A"), "A", 0, bars).build();
    }

    static Ledger run(BacktestConfig config, Panel panel) {
        return Backtest.run(panel, config, Map.of(), Map.of()).result().ledger();
    }

    private static void near(double expected, double actual) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)));
    }

    /** Row {@code k}: type, reason, bar, signed quantity, price, realized PnL. */
    private static void row(Ledger l, int k, TradeEventType type, Reason reason, int bar, double qty, double price,
                            double pnl) {
        assertEquals(type, l.type(k), "type of row " + k);
        assertEquals(reason, l.reason(k), "reason of row " + k);
        assertEquals(T0 + bar * DAY, l.time(k), "time of row " + k);
        assertEquals(PositionSide.LONG, l.side(k));
        near(qty, l.qty(k));
        near(price, l.price(k));
        near(pnl, l.realizedPnl(k));
    }

    @Test
    void takeProfitLadderClosesHalfThenTheRest() {
        // Fill at bar 0's close: 100 * 1.001 = 100.1. Levels at the fill price + 3 % = 103.103 and + 6 % = 106.106.
        // Bar 1 high 104 >= 103.103: PARTIAL_CLOSE 5 @ 103.103 (limit), pnl 5 * 3.003 = 15.015, maker fee.
        // Bar 2 high 107 >= 106.106: CLOSE the other 5 @ 106.106, pnl 5 * 6.006 = 30.03.
        Ledger l = run(config("close", 0, "    - {type: take_profit, levels: [{at: 0.03, close: 0.5}, {at: 0.06}]}\n"),
                panel(ohlc(100, 100, 100, 100), ohlc(100, 104, 99, 102), ohlc(102, 107, 101, 106),
                        ohlc(106, 106, 106, 106)));
        assertEquals(3, l.size());
        row(l, 0, TradeEventType.OPEN, Reason.SIGNAL, 0, 10, 100.1, 0);
        row(l, 1, TradeEventType.PARTIAL_CLOSE, Reason.TAKE_PROFIT, 1, -5, 103.103, 15.015);
        near(0.0002 * 5 * 103.103, l.fee(1));
        row(l, 2, TradeEventType.CLOSE, Reason.TAKE_PROFIT, 2, -5, 106.106, 30.03);
    }

    @Test
    void stopLossGapFillsAtTheOpen() {
        // Stop at 100.1 * 0.95 = 95.095; bar 1 opens at 90 below it: sell at the open 90 * 0.999 = 89.91,
        // pnl 10 * (89.91 - 100.1) = -101.9.
        Ledger l = run(config("close", 0, "    - {type: stop_loss, at: 0.05}\n"),
                panel(ohlc(100, 100, 100, 100), ohlc(90, 92, 88, 91), ohlc(91, 91, 91, 91)));
        assertEquals(2, l.size());
        row(l, 1, TradeEventType.CLOSE, Reason.STOP_LOSS, 1, -10, 89.91, -101.9);
    }

    @Test
    void trailingPercentStopFollowsTheHigh() {
        // Mark 100.1; bar 1: stop 90.09 not touched (low 99), mark -> high 120. Bar 2: stop 120 * 0.9 = 108,
        // open 117 above, low 107 <= 108: sell at 108 * 0.999 = 107.892, pnl 10 * 7.792 = 77.92.
        Ledger l = run(config("close", 0, "    - {type: trailing_stop, trail: 0.1}\n"),
                panel(ohlc(100, 100, 100, 100), ohlc(100, 120, 99, 118), ohlc(117, 119, 107, 110),
                        ohlc(110, 110, 110, 110)));
        assertEquals(2, l.size());
        row(l, 1, TradeEventType.CLOSE, Reason.TRAILING_STOP, 2, -10, 107.892, 77.92);
    }

    @Test
    void trailingAtrStopUsesWilderAtrComputedFromTheCandles() {
        // ATR lookback 2. TR: bar 0 = 102 - 98 = 4 (first bar), bar 1 = max(4, |103-100|, |99-100|) = 4 -> ATR_1 = 4;
        // bar 2 = max(10, |110-100|, |100-100|) = 10 -> ATR_2 = (4 * 1 + 10) / 2 = 7.
        // Open at bar 1's close: 100.1, ATR 4, stop 100.1 - 2 * 4 = 92.1. Bar 2: low 100, no exit; mark 110,
        // ATR 7. Bar 3: stop 110 - 2 * 7 = 96, low 95: sell at 96 * 0.999 = 95.904, pnl 10 * -4.196 = -41.96.
        Ledger l = run(config("close", 1, "    - {type: trailing_stop, atr: {k: 2, lookback: 2}}\n"),
                panel(ohlc(100, 102, 98, 100), ohlc(100, 103, 99, 100), ohlc(101, 110, 100, 108),
                        ohlc(107, 108, 95, 97), ohlc(97, 97, 97, 97)));
        assertEquals(2, l.size());
        row(l, 0, TradeEventType.OPEN, Reason.SIGNAL, 1, 10, 100.1, 0);
        row(l, 1, TradeEventType.CLOSE, Reason.TRAILING_STOP, 3, -10, 95.904, -41.96);
    }

    @Test
    void timeExitAtNextOpen() {
        // Decided at bar 0, filled at bar 1's open: 100 * 1.001 = 100.1 (b = 1). bars: 2 -> the open of bar 3:
        // 104 * 0.999 = 103.896, pnl 10 * 3.796 = 37.96.
        Ledger l = run(config("next_open", 0, "    - {type: time_exit, bars: 2}\n"),
                panel(ohlc(100, 100, 100, 100), ohlc(100, 101, 99, 100), ohlc(100, 102, 98, 101),
                        ohlc(104, 105, 103, 104), ohlc(104, 104, 104, 104)));
        assertEquals(2, l.size());
        row(l, 0, TradeEventType.OPEN, Reason.SIGNAL, 1, 10, 100.1, 0);
        row(l, 1, TradeEventType.TIME_EXIT, Reason.TIME_EXIT, 3, -10, 103.896, 37.96);
    }

    @Test
    void timeExitAtClose() {
        // Filled at bar 0's close (b = 0): 100.1. bars: 2 -> the close of bar 2: 101 * 0.999 = 100.899, pnl 7.99.
        Ledger l = run(config("close", 0, "    - {type: time_exit, bars: 2}\n"),
                panel(ohlc(100, 100, 100, 100), ohlc(100, 101, 99, 100), ohlc(100, 102, 98, 101),
                        ohlc(104, 105, 103, 104)));
        assertEquals(2, l.size());
        row(l, 1, TradeEventType.TIME_EXIT, Reason.TIME_EXIT, 2, -10, 100.899, 7.99);
    }

    @Test
    void conditionalExitOnAPanelFeatureAtTheClose() {
        // Feature carry: 5, 1, 3, 1. Filled at bar 0's close (the lot is not checked at its own fill close, so
        // carry 5 there does nothing); bar 1: 1 is not above 2; bar 2: 3 > 2 -> exit at bar 2's close
        // 101 * 0.999 = 100.899, CONDITIONAL_EXIT, pnl 7.99.
        Panel p = panel(ohlc(100, 100, 100, 100), ohlc(100, 101, 99, 100), ohlc(100, 102, 98, 101),
                ohlc(104, 105, 103, 104)).withFeature("carry", new double[] {5, 1, 3, 1});
        Ledger l = run(config("close", 0, "    - {type: conditional_exit, feature: carry, above: 2}\n"), p);
        assertEquals(2, l.size());
        row(l, 1, TradeEventType.CONDITIONAL_EXIT, Reason.CONDITIONAL_EXIT, 2, -10, 100.899, 7.99);
    }

    @Test
    void conditionalExitOnAFactorFillsAtTheNextOpen() {
        // 1-bar momentum mom_1_0 = close_t / close_{t-1} - 1 (the values Spark attaches, set here by hand): bar 1 0,
        // bar 2 +0.02, bar 3 98/102 - 1 < 0 -> decided at bar 3's close, filled at bar 4's open 97 * 0.999 = 96.903.
        // Entry at bar 1's open 100.1; pnl -31.97.
        Panel p = panel(ohlc(100, 100, 100, 100), ohlc(100, 101, 99, 100), ohlc(100, 103, 99, 102),
                ohlc(102, 103, 97, 98), ohlc(97, 99, 96, 98));
        String exit = "    - {type: conditional_exit, factor: mom_1_0, below: 0}\n";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run(config("next_open", 0, exit), p)).getMessage()
                .startsWith("the panel has no values of factor 'mom_1_0'"));
        Ledger l = run(config("next_open", 0, exit),
                p.withFeature("mom_1_0", new double[] {Double.NaN, 0, 0.02, 98 / 102.0 - 1, 0}));
        assertEquals(2, l.size());
        row(l, 1, TradeEventType.CONDITIONAL_EXIT, Reason.CONDITIONAL_EXIT, 4, -10, 96.903, -31.97);
    }

    @Test
    void chainOrderDecidesWhichRuleWinsABar() {
        // Trailing 5 % before time_exit 1: at bar 1 (close fill at bar 0, 100.1) the trailing stop 95.095 is hit
        // (low 94) and wins over the time exit due at bar 1's close: sell at 95.095 * 0.999 = 95.000905.
        Ledger l = run(config("close", 0, "    - {type: trailing_stop, trail: 0.05}\n    - {type: time_exit, bars: 1}\n"),
                panel(ohlc(100, 100, 100, 100), ohlc(99, 100, 94, 99), ohlc(99, 99, 99, 99)));
        assertEquals(2, l.size());
        row(l, 1, TradeEventType.CLOSE, Reason.TRAILING_STOP, 1, -10, 95.095 * 0.999, 10 * (95.095 * 0.999 - 100.1));
        // The reverse order: the time exit at bar 1's close 99 * 0.999 = 98.901.
        l = run(config("close", 0, "    - {type: time_exit, bars: 1}\n    - {type: trailing_stop, trail: 0.05}\n"),
                panel(ohlc(100, 100, 100, 100), ohlc(99, 100, 94, 99), ohlc(99, 99, 99, 99)));
        row(l, 1, TradeEventType.TIME_EXIT, Reason.TIME_EXIT, 1, -10, 98.901, 10 * (98.901 - 100.1));
    }

    @Test
    void takeProfitAndStopLossFormOneRuleSoAGapAboveTheTargetTakesProfit() {
        // TP 100.1 * 1.05 = 105.105, SL 100.1 * 0.95 = 95.095, listed stop first. Bar 1 opens at 106 above the TP
        // and its low 94 touches the SL: §7 takes profit at the open (a limit fill at 106, no slippage).
        Ledger l = run(config("close", 0, "    - {type: stop_loss, at: 0.05}\n    - {type: take_profit, at: 0.05}\n"),
                panel(ohlc(100, 100, 100, 100), ohlc(106, 107, 94, 100), ohlc(100, 100, 100, 100)));
        assertEquals(2, l.size());
        row(l, 1, TradeEventType.CLOSE, Reason.TAKE_PROFIT, 1, -10, 106, 10 * (106 - 100.1));
        // A bar touching both inside (open between): stop_first by default, tp_first when asked.
        double[][] bars = {ohlc(100, 100, 100, 100), ohlc(100, 107, 94, 100), ohlc(100, 100, 100, 100)};
        l = run(config("close", 0, "    - {type: take_profit, at: 0.05}\n    - {type: stop_loss, at: 0.05}\n"), panel(bars));
        assertEquals(Reason.STOP_LOSS, l.reason(1));
        l = run(config("close", 0, "    - {type: take_profit, at: 0.05, both_hit: tp_first}\n"
                + "    - {type: stop_loss, at: 0.05}\n"), panel(bars));
        assertEquals(Reason.TAKE_PROFIT, l.reason(1));
        near(105.105, l.price(1));
    }

    @Test
    void theConfigChainFollowsTheStrategysOwnExits() {
        // The strategy's own time exit (1 bar) comes before the config's trailing stop, which would fire at bar 1
        // (low 94 <= 95.095): the own rule wins, TIME_EXIT at bar 1's close 99 * 0.999 = 98.901.
        double[][] bars = {ohlc(100, 100, 100, 100), ohlc(99, 100, 94, 99), ohlc(99, 99, 99, 99)};
        Ledger l = run(config("close", "0, own_time_exit: 1", "    - {type: trailing_stop, trail: 0.05}\n"), panel(bars));
        row(l, 1, TradeEventType.TIME_EXIT, Reason.TIME_EXIT, 1, -10, 98.901, 10 * (98.901 - 100.1));
        // Without its own exit the config's trailing stop fires at 95.095 * 0.999.
        l = run(config("close", 0, "    - {type: trailing_stop, trail: 0.05}\n"), panel(bars));
        row(l, 1, TradeEventType.CLOSE, Reason.TRAILING_STOP, 1, -10, 95.095 * 0.999, 10 * (95.095 * 0.999 - 100.1));
    }
}
