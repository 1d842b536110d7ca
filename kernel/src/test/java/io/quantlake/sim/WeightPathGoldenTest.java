package io.quantlake.sim;

import static io.quantlake.sim.Fixtures.DAY;
import static io.quantlake.sim.Fixtures.T0;
import static io.quantlake.sim.Fixtures.daily;
import static io.quantlake.sim.Fixtures.flat;
import static io.quantlake.sim.Fixtures.ohlc;
import static io.quantlake.sim.Fixtures.row;
import static io.quantlake.sim.Fixtures.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import org.junit.jupiter.api.Test;

/** Golden cases of the weight path (SIMULATION.md §2–§5, R8–R14), computed by hand. */
class WeightPathGoldenTest {
    private static final double TOL = 1e-9;

    private static void near(double expected, double actual) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)));
    }

    private static Panel oneSymbol() {
        return Fixtures.bars(daily("A"), "A", 0, ohlc(10, 10, 10, 10), ohlc(11, 12, 11, 12), ohlc(12, 13, 12, 13)).build();
    }

    @Test
    void nextOpenFillsAtTheNextBarsOpen() {
        // §2 next_open: decided at bar 0's close, filled at bar 1's open 11: q = 1 * 1000 / 11.
        BacktestResult r = Simulator.run(oneSymbol(), SimConfig.builder(io.quantlake.market.Market.SPOT, 1000).build(),
                StrategyInput.weights(weights(row(1), null, null)));
        Ledger l = r.ledger();
        assertEquals(1, l.size());
        assertEquals(T0 + DAY, l.time(0));
        assertEquals(TradeEventType.OPEN, l.type(0));
        assertEquals(Reason.REBALANCE, l.reason(0));
        near(1000.0 / 11, l.qty(0));
        near(11, l.price(0));
        near(1000, r.equity()[0]);
        near(1000.0 / 11 * 12, r.equity()[1]); // 1090.909...
        near(1000.0 / 11 * 13, r.equity()[2]);
    }

    @Test
    void closeFillsAtTheDecisionBarsClose() {
        // §2 close: filled at bar 0's close 10: q = 100; E1 = 100 * 12, E2 = 100 * 13.
        BacktestResult r = Simulator.run(oneSymbol(), Fixtures.spotClose().build(),
                StrategyInput.weights(weights(row(1), null, null)));
        assertEquals(T0, r.ledger().time(0));
        near(100, r.ledger().qty(0));
        near(1000, r.equity()[0]);
        near(1200, r.equity()[1]);
        near(1300, r.equity()[2]);
        near(0, r.cash()[2]);
        near(1, r.leverage()[2]);
    }

    @Test
    void feeAndSlippageArithmetic() {
        // §4: buy fills at 10 * (1 + 5/1e4) = 10.005; q* = 1 * 1000 / 10 = 100 (targets from E' before costs, §5);
        // fee = 10/1e4 * 100 * 10.005 = 1.0005; cash = 1000 - 1000.5 - 1.0005 = -1.5005; E0 = -1.5005 + 100*10 = 998.4995.
        BacktestResult r = Simulator.run(oneSymbol(), Fixtures.usdmClose().costs(10, 2, 5).build(),
                StrategyInput.weights(weights(row(1), null, null)));
        Ledger l = r.ledger();
        near(100, l.qty(0));
        near(10.005, l.price(0));
        near(1.0005, l.fee(0));
        near(-1001.5005, l.cashFlow(0));
        near(998.4995, r.equity()[0]);
    }

    @Test
    void sellsFillBeforeBuysAndSpotBuysAreScaledToCash() {
        // R12 bar 0: q*A = 100, cost 100*10*1.001 = 1001 > 1000 -> f = 1000/1001, qA = 100000/1001; cash ~ 0.
        // Bar 1 (A=12): E' = qA*12; sell A first: cash = qA*12*(1-0.001); buy B: q*B = E'/20 = 0.6 qA,
        // cost = 0.6 qA * 20 * 1.001 = qA*12*1.001 > cash -> qB = 0.6 qA * 0.999/1.001.
        Panel p = flat(flat(daily("A", "B"), "A", 0, 10, 12, 12), "B", 0, 20, 20, 20).build();
        BacktestResult r = Simulator.run(p, Fixtures.spotClose().costs(10, 0, 0).build(),
                StrategyInput.weights(weights(row(1, 0), row(0, 1), null)));
        Ledger l = r.ledger();
        assertEquals(3, l.size());
        double qa = 100000.0 / 1001;
        near(qa, l.qty(0));
        assertEquals("A", l.symbol(1));
        assertEquals(TradeEventType.CLOSE, l.type(1));
        near(-qa, l.qty(1));
        assertEquals("B", l.symbol(2));
        assertEquals(TradeEventType.OPEN, l.type(2));
        near(0.6 * qa * 0.999 / 1.001, l.qty(2));
        for (int t = 0; t < 3; t++) {
            assertTrue(r.cash()[t] >= -1e-9 * r.equity()[t], "cash " + r.cash()[t]);
        }
    }

    /** Band 0.05, trade to target, no threshold. */
    private static final RebalanceRule BAND = RebalanceRule.NONE.withBand(0.05);

    private static Panel bandPanel() {
        return flat(daily("A"), "A", 0, 10, 12, 13).build();
    }

    @Test
    void insideTheBandNothingTradesOutsideItTradesToTarget() {
        // Bar 0: q = 50, cash 500. Bar 1 (12): E' = 1100, cw = 600/1100 = 0.5454; |0.5 - 0.5454| < 0.05: no trade.
        // Bar 2 (13): E' = 1150, cw = 650/1150 = 0.5652 >= band: q* = 0.5 * 1150 / 13 = 44.2307...
        BacktestResult r = Simulator.run(bandPanel(), Fixtures.spotClose().rebalance(BAND).build(),
                StrategyInput.weights(weights(row(0.5), row(0.5), row(0.5))));
        Ledger l = r.ledger();
        assertEquals(2, l.size());
        assertEquals(T0 + 2 * DAY, l.time(1));
        assertEquals(TradeEventType.REBALANCE, l.type(1));
        near(0.5 * 1150 / 13 - 50, l.qty(1));
    }

    @Test
    void bandEdgeTradesToTheNearestEdge() {
        // §12.10, bar 0: cw 0 below w 0.5 -> w - band = 0.45: q = 0.45 * 1000 / 10 = 45.
        // Bar 1: E' = 550 + 45*12 = 1090, cw = 0.4954; bar 2: E' = 1135, cw = 0.5154: both inside the band.
        BacktestResult r = Simulator.run(bandPanel(), Fixtures.spotClose().rebalance(BAND.withTo(RebalanceMode.BAND_EDGE)).build(),
                StrategyInput.weights(weights(row(0.5), row(0.5), row(0.5))));
        Ledger l = r.ledger();
        assertEquals(1, l.size());
        near(45, l.qty(0));
    }

    @Test
    void bandEdgeAfterABigMove() {
        // Bar 0: cw 0 < w 0.5 -> edge 0.45: q = 45, cash 550. Bar 1 (A=20): E' = 550 + 900 = 1450,
        // cw = 900/1450 = 0.6207 >= 0.5 + 0.05 -> trade to 0.55: q* = 0.55 * 1450 / 20 = 39.875.
        Panel p = flat(daily("A"), "A", 0, 10, 20).build();
        BacktestResult r = Simulator.run(p, Fixtures.spotClose().rebalance(BAND.withTo(RebalanceMode.BAND_EDGE)).build(),
                StrategyInput.weights(weights(row(0.5), row(0.5))));
        Ledger l = r.ledger();
        assertEquals(2, l.size());
        near(45, l.qty(0));
        near(39.875 - 45, l.qty(1));
    }

    @Test
    void thresholdScheduleTradesEverySymbolWhenAnyLeavesTheBand() {
        // Bar 0: qA = 50, qB = 30, cash 200. Bar 1 (A=11): E' = 1050, cwA = 0.5238, cwB = 0.2857: none off by 0.05.
        // Bar 2 (A=13): E' = 1150, cwA = 0.5652 (off 0.065), cwB = 0.2609 (off 0.039, inside its band) -> threshold:
        // both trade to target: qA = 0.5*1150/13, qB = 0.3*1150/10 = 34.5.
        Panel p = flat(flat(daily("A", "B"), "A", 0, 10, 11, 13), "B", 0, 10, 10, 10).build();
        BacktestResult r = Simulator.run(p, Fixtures.spotClose().rebalance(new RebalanceRule(0.05, RebalanceMode.TARGET, true)).build(),
                StrategyInput.weights(weights(row(0.5, 0.3), row(0.5, 0.3), row(0.5, 0.3))));
        Ledger l = r.ledger();
        assertEquals(4, l.size());
        assertEquals("A", l.symbol(2));
        near(0.5 * 1150 / 13 - 50, l.qty(2));
        assertEquals("B", l.symbol(3));
        near(34.5 - 30, l.qty(3));
        // Without the threshold flag B stays inside its band.
        BacktestResult perSymbol = Simulator.run(p, Fixtures.spotClose().rebalance(BAND).build(),
                StrategyInput.weights(weights(row(0.5, 0.3), row(0.5, 0.3), row(0.5, 0.3))));
        assertEquals(3, perSymbol.ledger().size());
    }

    @Test
    void leverageCapScalesTargetsByOneFactor() {
        // R11: traded gross = (0.8 + 0.6) * 1000 = 1400 > 1 * 1000 -> f = 1000/1400;
        // qA = 0.8 f 1000 / 10 = 57.142857..., qB = -0.6 f 1000 / 20 = -21.428571...
        Panel p = flat(flat(daily("A", "B"), "A", 0, 10, 10), "B", 0, 20, 20).build();
        BacktestResult r = Simulator.run(p, Fixtures.usdmClose().build(),
                StrategyInput.weights(weights(row(0.8, -0.6), null)));
        Ledger l = r.ledger();
        assertEquals("B", l.symbol(0)); // sells first
        near(-0.6 * 1000 / 1400 * 1000 / 20, l.qty(0));
        near(0.8 * 1000 / 1400 * 1000 / 10, l.qty(1));
        near(1000, r.gross()[0]);
        near(1, r.leverage()[0]);
    }

    @Test
    void signFlipIsCloseThenOpenEachPayingItsFee() {
        // R10/R14: q = 50 then target -0.5: dq = -100 = CLOSE -50 + OPEN -50 at 10, fee 0.001*50*10 = 0.5 each.
        Panel p = flat(daily("A"), "A", 0, 10, 10).build();
        BacktestResult r = Simulator.run(p, Fixtures.usdmClose().costs(10, 0, 0).build(),
                StrategyInput.weights(weights(row(0.5), row(-0.5))));
        Ledger l = r.ledger();
        assertEquals(3, l.size());
        assertEquals(TradeEventType.CLOSE, l.type(1));
        assertEquals(PositionSide.LONG, l.side(1));
        near(-50, l.qty(1));
        assertEquals(0.0, l.positionAfter(1));
        assertEquals(TradeEventType.OPEN, l.type(2));
        assertEquals(PositionSide.SHORT, l.side(2));
        // E' at bar 1 = 1000 - 0.5 (bar 0 fee): q* = -0.5 * 999.5 / 10 = -49.975
        near(-49.975, l.qty(2));
        near(0.5, l.fee(1));
        near(0.001 * 49.975 * 10, l.fee(2));
    }

    @Test
    void lateListedSymbolIsForcedToZeroUntilItsFirstBar() {
        // §1: B has no bar before day 2, so its weight at bar 0 is 0 (targets.csv shows 0) and nothing trades in B.
        Panel p = flat(flat(daily("A", "B"), "A", 0, 10, 10, 10), "B", 2, 5).build();
        BacktestResult r = Simulator.run(p, Fixtures.spotClose().build(),
                StrategyInput.weights(weights(row(0.5, 0.5), null, null)));
        assertEquals(1, r.ledger().size());
        assertEquals("A", r.ledger().symbol(0));
        assertEquals(0.0, r.targets().weights()[1]);
        assertEquals(0.5, r.targets().weights()[0]);
    }

    @Test
    void delistedSymbolIsClosedAtItsLastCloseWithCosts() {
        // R5: A's last bar is day 1 < last grid bar: closed at 12 * (1 - 0.001) = 11.988, fee 0.001*50*11.988.
        // Bar 0: q* = 0.5*1000/10 = 50 at 10*1.001 = 10.01.
        Panel p = flat(flat(daily("A", "B"), "A", 0, 10, 12), "B", 0, 20, 20, 20).build();
        BacktestResult r = Simulator.run(p, Fixtures.spotClose().costs(10, 0, 10).build(),
                StrategyInput.weights(weights(row(0.5, 0), row(0.5, 0), row(0.5, 0))));
        Ledger l = r.ledger();
        assertEquals(2, l.size());
        assertEquals(T0 + DAY, l.time(1));
        assertEquals(TradeEventType.CLOSE, l.type(1));
        assertEquals(Reason.DELISTED, l.reason(1));
        near(11.988, l.price(1));
        near(0.001 * 50 * 11.988, l.fee(1));
        near(50 * (11.988 - 10.01), l.realizedPnl(1));
        assertEquals(0.0, r.targets().weights()[2 * 2]); // bar 2: A no longer exists (R6)
    }

    @Test
    void carriedOrderFillsAtTheSymbolsNextBar() {
        // R8: decided at bar 0, A has no bar at day 1: the order fills at day 2's open 14 against E' of day 2.
        Panel q = flat(Fixtures.bars(Fixtures.bars(daily("A", "B"), "A", 0, ohlc(10, 10, 10, 10)), "A", 2,
                ohlc(14, 14, 14, 14), ohlc(15, 15, 15, 15)), "B", 0, 1, 1, 1, 1).build();
        BacktestResult r = Simulator.run(q, SimConfig.builder(io.quantlake.market.Market.SPOT, 1000).build(),
                StrategyInput.weights(weights(row(1, 0), null, null, null)));
        assertEquals(1, r.ledger().size());
        assertEquals(T0 + 2 * DAY, r.ledger().time(0));
        near(1000.0 / 14, r.ledger().qty(0));
        assertEquals(4, q.bars());
    }

    @Test
    void dustOrdersBelowOneBillionthOfEquityAreSkipped() {
        // §13: bar 1 target 0.5 + 1e-12 -> dq = 1e-12 * 1000 / 10 = 1e-10 units, notional 1e-9 < 1e-9 * E' = 1e-6: no row.
        Panel p = flat(daily("A"), "A", 0, 10, 10).build();
        BacktestResult r = Simulator.run(p, Fixtures.spotClose().build(),
                StrategyInput.weights(weights(row(0.5), row(0.5 + 1e-12))));
        assertEquals(1, r.ledger().size());
        // A real change still trades: 0.5 -> 0.6 buys 10 units.
        BacktestResult real = Simulator.run(p, Fixtures.spotClose().build(),
                StrategyInput.weights(weights(row(0.5), row(0.6))));
        near(10, real.ledger().qty(1));
    }

    @Test
    void stepSizeRoundsTowardZeroAndMinNotionalSkips() {
        // §4: q* = 0.3337 * 1000 / 10 = 33.37 -> step 0.1 -> 33.3 (toward zero). Bar 1: target 0.35 -> dq = 1.7 -> 1.7
        // units = 17 USDT < min notional 20: skipped.
        Panel p = flat(daily("A"), "A", 0, 10, 10).build();
        SimConfig c = Fixtures.spotClose().filters(java.util.Map.of("A", new SymbolFilter(0.1, 20))).build();
        BacktestResult r = Simulator.run(p, c, StrategyInput.weights(weights(row(0.3337), row(0.35))));
        assertEquals(1, r.ledger().size());
        near(33.3, r.ledger().qty(0));
    }
}
