package io.quantlake.sim;

import static io.quantlake.sim.Fixtures.DAY;
import static io.quantlake.sim.Fixtures.T0;
import static io.quantlake.sim.Fixtures.daily;
import static io.quantlake.sim.Fixtures.ohlc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.exit.ConditionalExitStrategy;
import io.quantlake.exit.ExitCondition;
import io.quantlake.exit.ExitStrategy;
import io.quantlake.exit.TPSLExitStrategy;
import io.quantlake.exit.TPSLExitStrategy.BothHit;
import io.quantlake.exit.TPSLExitStrategy.Level;
import io.quantlake.exit.TimeBasedExitStrategy;
import io.quantlake.exit.TrailingStopExitStrategy;
import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden cases of the exit chains (SIMULATION.md §7, R17, R18). A lot of 10 units opens at bar
 * 0's close 100 (close execution) unless stated otherwise; taker 10 bps, maker 2 bps, slippage 10 bps.
 */
class ExitGoldenTest {
    private static void near(double expected, double actual) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)));
    }

    private static Ledger run(ExecutionPrice exec, List<ExitStrategy> chain, double[]... bars) {
        Panel p = Fixtures.bars(daily("A"), "A", 0, bars).build();
        SimConfig c = SimConfig.builder(Market.SPOT, 10_000).executionPrice(exec).costs(10, 2, 10).build();
        Scripted s = new Scripted().at(0, Signal.open("A", Signal.Side.LONG, new Signal.Quantity(10), chain));
        return Simulator.run(p, c, StrategyInput.signals(s)).ledger();
    }

    private static Ledger runClose(List<ExitStrategy> chain, double[]... bars) {
        return run(ExecutionPrice.CLOSE, chain, bars);
    }

    private static final List<ExitStrategy> TPSL = List.of(TPSLExitStrategy.absolute(110, 90, BothHit.STOP_FIRST));

    @Test
    void takeProfitIsALimitFillAtTheLevelWithTheMakerFee() {
        // Open: 10 @ 100*1.001 = 100.1. Bar 1 inside [90, 110]; bar 2 high 112 >= 110: TP at 110, no slippage,
        // fee 2/1e4 * 10 * 110 = 0.22; realized 10 * (110 - 100.1) = 99.
        Ledger l = runClose(TPSL, ohlc(100, 100, 100, 100), ohlc(100, 105, 95, 100), ohlc(100, 112, 99, 108));
        assertEquals(2, l.size());
        assertEquals(T0 + 2 * DAY, l.time(1));
        assertEquals(TradeEventType.CLOSE, l.type(1));
        assertEquals(Reason.TAKE_PROFIT, l.reason(1));
        near(110, l.price(1));
        near(0.22, l.fee(1));
        near(99, l.realizedPnl(1));
    }

    @Test
    void plainStopIsAMarketSellAtTheStopWithSlippage() {
        // Bar 1 low 89 <= 90: sell at 90 * (1 - 0.001) = 89.91, fee 10/1e4 * 10 * 89.91.
        Ledger l = runClose(TPSL, ohlc(100, 100, 100, 100), ohlc(100, 101, 89, 95));
        assertEquals(Reason.STOP_LOSS, l.reason(1));
        near(89.91, l.price(1));
        near(0.001 * 10 * 89.91, l.fee(1));
    }

    @Test
    void gapThroughStopFillsAtTheOpen() {
        // open 85 <= sl 90: sell at 85 * 0.999 = 84.915.
        Ledger l = runClose(TPSL, ohlc(100, 100, 100, 100), ohlc(85, 88, 80, 86));
        assertEquals(Reason.STOP_LOSS, l.reason(1));
        near(84.915, l.price(1));
    }

    @Test
    void gapThroughTakeProfitFillsAtTheOpenAsALimit() {
        // R17: open 115 >= tp 110: take profit at 115, maker fee 0.0002 * 10 * 115 = 0.23, no slippage.
        Ledger l = runClose(TPSL, ohlc(100, 100, 100, 100), ohlc(115, 118, 112, 116));
        assertEquals(Reason.TAKE_PROFIT, l.reason(1));
        near(115, l.price(1));
        near(0.23, l.fee(1));
    }

    @Test
    void bothHitStopFirstAndTpFirst() {
        // low 88 <= 90 and high 112 >= 110 in one bar: stop_first sells at 89.91; tp_first at 110.
        double[][] bars = {ohlc(100, 100, 100, 100), ohlc(100, 112, 88, 100)};
        Ledger stop = runClose(TPSL, bars);
        assertEquals(Reason.STOP_LOSS, stop.reason(1));
        near(89.91, stop.price(1));
        Ledger tp = runClose(List.of(TPSLExitStrategy.absolute(110, 90, BothHit.TP_FIRST)), bars);
        assertEquals(Reason.TAKE_PROFIT, tp.reason(1));
        near(110, tp.price(1));
    }

    @Test
    void ladderPartiallyClosesThenClosesTheRest() {
        // TP ladder 105 (half of 10 = 5) then 110 (the rest): bar 1 high 106 -> PARTIAL_CLOSE -5 @ 105;
        // bar 2 high 111 -> CLOSE -5 @ 110.
        TPSLExitStrategy ladder = new TPSLExitStrategy(List.of(new Level(105, 0.5), new Level(110, 0.5)),
                List.of(new Level(90, 1)), BothHit.STOP_FIRST, TPSLExitStrategy.PriceBasis.ABSOLUTE);
        Ledger l = runClose(List.of(ladder), ohlc(100, 100, 100, 100), ohlc(100, 106, 99, 104), ohlc(104, 111, 103, 109));
        assertEquals(3, l.size());
        assertEquals(TradeEventType.PARTIAL_CLOSE, l.type(1));
        near(-5, l.qty(1));
        near(105, l.price(1));
        near(5, l.positionAfter(1));
        assertEquals(TradeEventType.CLOSE, l.type(2));
        near(-5, l.qty(2));
        near(110, l.price(2));
    }

    @Test
    void lotFilledAtNextOpenIsCheckedFromThatBar() {
        // R18: decided at bar 0, filled at bar 1's open 100*1.001 = 100.1; the same bar's low 89 hits the 90 stop.
        Ledger l = run(ExecutionPrice.NEXT_OPEN, TPSL, ohlc(100, 100, 100, 100), ohlc(100, 101, 89, 95));
        assertEquals(2, l.size());
        assertEquals(T0 + DAY, l.time(0));
        assertEquals(T0 + DAY, l.time(1));
        assertEquals(Reason.STOP_LOSS, l.reason(1));
        // ...while a close fill at bar 0 is not checked against bar 0's own range (low 80 < 90).
        Ledger c = runClose(TPSL, ohlc(100, 100, 80, 100), ohlc(100, 101, 95, 95));
        assertEquals(1, c.size());
    }

    @Test
    void relativeLevelsAreDistancesFromTheFillPrice() {
        // fill 100.1; tp = 100.1 * 1.1 = 110.11; bar 1 high 110.2 reaches it.
        Ledger l = runClose(List.of(TPSLExitStrategy.relative(0.1, 0.1, BothHit.STOP_FIRST)), ohlc(100, 100, 100, 100),
                ohlc(100, 110.2, 99, 104));
        near(100.1 * 1.1, l.price(1));
    }

    @Test
    void trailingStopChecksBeforeRaisingTheWaterMark() {
        // trail 10%: m = fill 100.1. Bar 1: stop = 90.09, low 105 > stop, then m = 120. (Raising first would put the
        // stop at 108 and exit in bar 1.) Bar 2: stop = 108, open 115 > 108, low 107 <= 108: sell at 108 * 0.999.
        Ledger l = runClose(List.of(TrailingStopExitStrategy.percent(0.1)), ohlc(100, 100, 100, 100),
                ohlc(100, 120, 105, 118), ohlc(115, 116, 107, 110));
        assertEquals(2, l.size());
        assertEquals(T0 + 2 * DAY, l.time(1));
        assertEquals(Reason.TRAILING_STOP, l.reason(1));
        near(108 * 0.999, l.price(1));
    }

    @Test
    void atrTrailingStopUsesTheAtrKnownBeforeTheBar() {
        // ATR feature 5 at bar 0, 2 at bar 1; k = 2. m = 100.1; bar 1 uses ATR 5: stop 90.1, low 92 ok; m = 104, ATR := 2.
        // Bar 2: stop = 104 - 4 = 100; low 99 <= 100: exit at 100 * 0.999.
        Panel p = daily("A").features("atr").bar("A", T0, 100, 100, 100, 100, 1, 5)
                .bar("A", T0 + DAY, 100, 104, 92, 103, 1, 2).bar("A", T0 + 2 * DAY, 103, 103, 99, 100, 1, 2).build();
        SimConfig c = SimConfig.builder(Market.SPOT, 10_000).executionPrice(ExecutionPrice.CLOSE).costs(10, 2, 10).build();
        Scripted s = new Scripted().at(0, Signal.open("A", Signal.Side.LONG, new Signal.Quantity(10),
                List.of(TrailingStopExitStrategy.atr(2, "atr"))));
        Ledger l = Simulator.run(p, c, StrategyInput.signals(s)).ledger();
        assertEquals(2, l.size());
        assertEquals(T0 + 2 * DAY, l.time(1));
        near(99.9, l.price(1));
    }

    @Test
    void timeExitClosesAtTheOpenOfBarBPlusN() {
        // next_open: filled at bar 1 (b = 1), N = 2: TIME_EXIT at bar 3's open 104 * 0.999.
        Ledger l = run(ExecutionPrice.NEXT_OPEN, List.of(new TimeBasedExitStrategy(2)), ohlc(100, 100, 100, 100),
                ohlc(100, 101, 99, 100), ohlc(101, 102, 100, 101), ohlc(104, 105, 103, 104), ohlc(104, 104, 104, 104));
        assertEquals(2, l.size());
        assertEquals(TradeEventType.TIME_EXIT, l.type(1));
        assertEquals(T0 + 3 * DAY, l.time(1));
        near(104 * 0.999, l.price(1));
        // close: filled at bar 0's close, exit at bar 2's close 101 * 0.999.
        Ledger c = runClose(List.of(new TimeBasedExitStrategy(2)), ohlc(100, 100, 100, 100), ohlc(100, 101, 99, 100),
                ohlc(101, 102, 100, 101), ohlc(104, 105, 103, 104));
        assertEquals(T0 + 2 * DAY, c.time(1));
        near(101 * 0.999, c.price(1));
    }

    @Test
    void conditionalExitFiresAtTheCloseAndFillsPerExecutionTiming() {
        // Feature z: 1, 0.5, -0.2 (crosses 0 at bar 2), ... With next_open the exit fills at bar 3's open 103 * 0.999.
        Panel p = daily("A").features("z").bar("A", T0, 100, 100, 100, 100, 1, 1)
                .bar("A", T0 + DAY, 100, 101, 99, 101, 1, 0.5).bar("A", T0 + 2 * DAY, 101, 102, 100, 102, 1, -0.2)
                .bar("A", T0 + 3 * DAY, 103, 104, 102, 103, 1, -0.5).build();
        List<ExitStrategy> chain = List.of(new ConditionalExitStrategy(ExitCondition.featureCrossesZero("z")));
        Scripted s = new Scripted().at(0, Signal.open("A", Signal.Side.LONG, new Signal.Quantity(10), chain));
        SimConfig c = SimConfig.builder(Market.SPOT, 10_000).costs(10, 2, 10).build();
        Ledger l = Simulator.run(p, c, StrategyInput.signals(s)).ledger();
        assertEquals(2, l.size());
        assertEquals(TradeEventType.CONDITIONAL_EXIT, l.type(1));
        assertEquals(T0 + 3 * DAY, l.time(1));
        near(103 * 0.999, l.price(1));
        Ledger atClose = Simulator.run(p, c.toBuilder().executionPrice(ExecutionPrice.CLOSE).build(),
                StrategyInput.signals(s)).ledger();
        assertEquals(T0 + 2 * DAY, atClose.time(1));
        near(102 * 0.999, atClose.price(1));
    }

    @Test
    void firstRuleOfTheChainWins() {
        // Low 89 touches both the trailing stop (m = 100.1, trail 0.05: 95.095) and the TP/SL stop 90; the chain
        // puts the trailing stop first, so it wins: sell at 95.095 * 0.999.
        Ledger l = runClose(List.of(TrailingStopExitStrategy.percent(0.05), TPSL.get(0)), ohlc(100, 100, 100, 100),
                ohlc(100, 101, 89, 95));
        assertEquals(Reason.TRAILING_STOP, l.reason(1));
        near(100.1 * 0.95 * 0.999, l.price(1));
    }
}
