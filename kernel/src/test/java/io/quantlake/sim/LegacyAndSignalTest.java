package io.quantlake.sim;

import static io.quantlake.sim.Fixtures.DAY;
import static io.quantlake.sim.Fixtures.T0;
import static io.quantlake.sim.Fixtures.daily;
import static io.quantlake.sim.Fixtures.flat;
import static io.quantlake.sim.Fixtures.ohlc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.exit.TPSLExitStrategy;
import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.LedgerReplay;
import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.LegacyDecision;
import io.quantlake.strategy.LegacyStrategy;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The legacy path (CLI.md sma_cross_tpsl, R19–R21), hedge mode, and legacy/signal backward compatibility. */
class LegacyAndSignalTest {
    private static void near(double expected, double actual) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)));
    }

    /** The original bot's SMA cross, written against the old interface only. */
    static final class SmaCross implements LegacyStrategy {
        private final int fast;
        private final int slow;
        private final double tp;
        private final double sl;

        SmaCross(int fast, int slow, double tp, double sl) {
            this.fast = fast;
            this.slow = slow;
            this.tp = tp;
            this.sl = sl;
        }

        static double sma(CandleWindow w, int end, int len) {
            double s = 0;
            for (int k = end - len + 1; k <= end; k++) {
                s += w.close(k);
            }
            return s / len;
        }

        @Override
        public LegacyDecision decide(CandleWindow w, Interval interval) {
            int t = w.size() - 1;
            if (t < Math.max(fast, slow)) {
                return null;
            }
            double f = sma(w, t, fast) - sma(w, t, slow);
            double f1 = sma(w, t - 1, fast) - sma(w, t - 1, slow);
            boolean up = f > 1e-12 * sma(w, t, slow) && f1 <= 1e-12 * sma(w, t - 1, slow);
            return up ? LegacyDecision.buy(w.lastClose() * (1 + tp), w.lastClose() * (1 - sl)) : null;
        }

        @Override
        public int warmupBars() {
            return Math.max(fast, slow) + 1;
        }
    }

    /** The same strategy and portfolio rules written natively as a SignalStrategy. */
    static final class SmaCrossSignals implements SignalStrategy {
        private final SmaCross cross;
        private final int maxPositions;

        SmaCrossSignals(SmaCross cross, int maxPositions) {
            this.cross = cross;
            this.maxPositions = maxPositions;
        }

        @Override
        public List<Signal> generateSignals(MarketSnapshot s, PortfolioState state) {
            List<Signal> out = new ArrayList<>();
            int free = maxPositions - state.heldCount() - state.pendingCount();
            for (int k = 0; k < s.symbolCount(); k++) {
                if (!s.valid(k) || s.window(k).size() < cross.warmupBars()) {
                    continue;
                }
                LegacyDecision d = cross.decide(s.window(k), s.interval());
                if (d != null && !state.held(k) && !state.pending(k) && free > 0) {
                    out.add(Signal.open(s.symbol(k), Signal.Side.LONG, new Signal.Weight(1.0 / maxPositions),
                            List.of(TPSLExitStrategy.absolute(d.takeProfit(), d.stopLoss(),
                                    TPSLExitStrategy.BothHit.STOP_FIRST))));
                    free--;
                }
            }
            return out;
        }

        @Override
        public int warmupBars() {
            return cross.warmupBars();
        }
    }

    @Test
    void smaCrossBuysInUniverseOrderWithinCapacityCutToCash() {
        // fast 1, slow 2. Closes A 10, 9, 11; B 20, 18, 22; C 5, 4.5, 5.5: all cross up at bar 2 (SMA1 > SMA2 at 2,
        // SMA1 <= SMA2 at 1). max_positions 2: A and B accepted, C refused (capacity). E_2 = 1000; taker 10 bps.
        // Bar 3 opens: A q = min(1000/2/11, 1000/(11*1.001)) = 45.4545...; cash = 1000 - 45.4545*11*1.001 = 499.5;
        // B q = min(500/22, 499.5/(22*1.001)) = 499.5/22.022 (cut to cash, R19).
        // Then exits in bar 3: A's tp = 11*1.1 = 12.1 <= high 12.5 -> TAKE_PROFIT at 12.1 (maker fee 0).
        PanelBuilder b = daily("A", "B", "C");
        Fixtures.bars(b, "A", 0, ohlc(10, 10, 10, 10), ohlc(9, 9, 9, 9), ohlc(11, 11, 11, 11), ohlc(11, 12.5, 10.5, 12));
        Fixtures.bars(b, "B", 0, ohlc(20, 20, 20, 20), ohlc(18, 18, 18, 18), ohlc(22, 22, 22, 22), ohlc(22, 22.5, 21.5, 22));
        flat(b, "C", 0, 5, 4.5, 5.5, 5.5);
        SimConfig c = SimConfig.builder(Market.SPOT, 1000).costs(10, 0, 0).build();
        Ledger l = Simulator.run(b.build(), c, StrategyInput.legacy(new SmaCross(1, 2, 0.1, 0.1), 2)).ledger();
        assertEquals(3, l.size());
        assertEquals("A", l.symbol(0));
        assertEquals(Reason.SIGNAL, l.reason(0));
        assertEquals(T0 + 3 * DAY, l.time(0));
        near(500.0 / 11, l.qty(0));
        assertEquals("B", l.symbol(1));
        near(499.5 / 22.022, l.qty(1));
        assertEquals("A", l.symbol(2));
        assertEquals(Reason.TAKE_PROFIT, l.reason(2));
        near(12.1, l.price(2));
        assertEquals(0, Simulator.run(b.build(), c, StrategyInput.legacy(new SmaCross(1, 2, 0.1, 0.1), 2))
                .targets().decision()[2] ? 1 : 0); // R25: sma_cross_tpsl writes only the targets header
    }

    private static Panel randomPanel(long seed, int symbols, int bars) {
        Random rnd = new Random(seed);
        String[] names = new String[symbols];
        for (int i = 0; i < symbols; i++) {
            names[i] = "S" + i;
        }
        PanelBuilder b = daily(names);
        for (int i = 0; i < symbols; i++) {
            double p = 100;
            int first = rnd.nextInt(5);
            for (int t = first; t < bars; t++) {
                double o = p * (1 + 0.01 * rnd.nextGaussian());
                double c = o * (1 + 0.03 * rnd.nextGaussian());
                double h = Math.max(o, c) * (1 + 0.01 * Math.abs(rnd.nextGaussian()));
                double lo = Math.min(o, c) * (1 - 0.01 * Math.abs(rnd.nextGaussian()));
                if (t % 17 != 3) { // a few missing bars
                    b.bar(names[i], T0 + t * DAY, o, h, lo, c, 1);
                }
                p = c;
            }
        }
        return b.build();
    }

    @Test
    void legacyStrategyGivesIdenticalTradesThroughTheLegacyAndTheSignalPaths() {
        SmaCross legacy = new SmaCross(3, 8, 0.05, 0.04);
        for (ExecutionPrice exec : ExecutionPrice.values()) {
            Panel p = randomPanel(42, 4, 250);
            SimConfig c = SimConfig.builder(Market.SPOT, 10_000).executionPrice(exec).costs(10, 2, 5).build();
            List<?> viaLegacy = Simulator.run(p, c, StrategyInput.legacy(legacy, 2)).ledger().events();
            SmaCrossSignals signals = new SmaCrossSignals(legacy, 2);
            List<?> viaSignals = Simulator.run(p, c, StrategyInput.signals(signals)).ledger().events();
            // A SignalStrategy standing where a LegacyStrategy is used: its default decide delegates to generateSignals.
            List<?> viaDefaultDecide = Simulator.run(p, c, StrategyInput.legacy(new SmaCrossSignals(legacy, 1), 2)).ledger().events();
            assertTrue(viaLegacy.size() > 10, "the scenario must trade: " + viaLegacy.size());
            assertEquals(viaLegacy, viaSignals);
            assertEquals(viaLegacy, viaDefaultDecide);
        }
    }

    @Test
    void hedgeModeHoldsALongAndAShortLotWithTheirOwnExits() {
        // usdm. Bar 0: OPEN LONG 10 @ 100 (tp 120, sl 80). Bar 1: OPEN HEDGE 4 -> short lot -4 @ 100 (sl 105, tp 90).
        // Bar 1 equity: cash 10000 - 1000 + 400 = 9400, net q = 6: E = 9400 + 6 * 100 = 10000.
        // Bar 2 high 106 >= 105: the short lot's stop buys 4 @ 105 (CLOSE stop_loss); the long lot stays.
        Panel p = Fixtures.bars(daily("A"), "A", 0, ohlc(100, 100, 100, 100), ohlc(100, 101, 99, 100),
                ohlc(100, 106, 99, 104), ohlc(104, 104, 104, 104)).build();
        SimConfig c = SimConfig.builder(Market.USDM, 10_000).executionPrice(ExecutionPrice.CLOSE)
                .fundingMissing(FundingMissing.ZERO).build();
        Scripted s = new Scripted()
                .at(0, Signal.open("A", Signal.Side.LONG, new Signal.Quantity(10),
                        List.of(TPSLExitStrategy.absolute(120, 80, TPSLExitStrategy.BothHit.STOP_FIRST))))
                .at(1, Signal.open("A", Signal.Side.HEDGE, new Signal.Quantity(4),
                        List.of(TPSLExitStrategy.absolute(90, 105, TPSLExitStrategy.BothHit.STOP_FIRST))));
        BacktestResult r = Simulator.run(p, c, StrategyInput.signals(s));
        Ledger l = r.ledger();
        assertEquals(3, l.size());
        assertEquals(TradeEventType.HEDGE, l.type(1));
        assertEquals(Reason.HEDGE, l.reason(1));
        assertEquals(PositionSide.SHORT, l.side(1));
        near(-4, l.qty(1));
        near(10_000, r.equity()[1]);
        near(600, r.gross()[1]); // gross of the net quantity 6 (§3: q_i is the sum of the lots)
        assertEquals(Reason.STOP_LOSS, l.reason(2));
        assertEquals(PositionSide.SHORT, l.side(2));
        near(4, l.qty(2));
        near(105, l.price(2));
        near(4 * (100 - 105), l.realizedPnl(2));
        LedgerReplay.State st = LedgerReplay.replay(l, 10_000);
        near(10, st.longQty()[0]);
        near(0, st.shortQty()[0]);
        near(r.cash()[3], st.cash());
    }

    @Test
    void signalCloseAndRebalance() {
        // usdm close fills. Bar 0: OPEN SHORT weight 0.5 of E_0 = 1000 at 10 -> -50. Bar 1: REBALANCE SHORT to 0.2 of
        // E' = 1000 -> -20 (buy 30, REBALANCE row reason rebalance). Bar 2: CLOSE SHORT -> +20, CLOSE reason signal.
        Panel p = flat(daily("A"), "A", 0, 10, 10, 10).build();
        Scripted s = new Scripted().at(0, Signal.open("A", Signal.Side.SHORT, new Signal.Weight(0.5), List.of()))
                .at(1, Signal.rebalance("A", Signal.Side.SHORT, 0.2)).at(2, Signal.close("A", Signal.Side.SHORT));
        Ledger l = Simulator.run(p, Fixtures.usdmClose().build(), StrategyInput.signals(s)).ledger();
        assertEquals(3, l.size());
        near(-50, l.qty(0));
        assertEquals(TradeEventType.REBALANCE, l.type(1));
        assertEquals(Reason.REBALANCE, l.reason(1));
        near(30, l.qty(1));
        assertEquals(TradeEventType.CLOSE, l.type(2));
        assertEquals(Reason.SIGNAL, l.reason(2));
        near(20, l.qty(2));
    }
}
