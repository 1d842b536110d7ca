package io.quantlake.strategy.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.LegacyDecision;
import io.quantlake.strategy.LegacyStrategy;
import io.quantlake.strategy.SeriesLegacyStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@link SeriesLegacyStrategy} fast path of {@code sma_cross_tpsl} gives exactly what
 * {@link SmaCrossTpslStrategy#decide} gives, bar by bar (decisions, prices, R20 warnings), its jumps
 * ({@code nextDecision}, {@code nextSideEffect}) skip no bar where {@code decide} acts, and the
 * engine gives the same run through it as through a plain legacy strategy.
 */
class SmaCrossSeriesPathTest {

    /** Closes on a 0.01 grid (exact SMA ties are frequent) with R20's float-vs-decimal tie embedded, across SMA blocks. */
    private static double[] tieProneCloses(int bars, long seed) {
        Random rnd = new Random(seed);
        double[] c = new double[bars];
        for (int k = 0; k < bars; k++) {
            c[k] = Math.round(30 + 20 * rnd.nextDouble()) / 100.0;
        }
        double[] tie = {0.15, 0.6, 0.21, 0.49, 0.32};
        for (int at : new int[] {100, 1020, 2046}) {
            System.arraycopy(tie, 0, c, at, tie.length);
        }
        return c;
    }

    @Test
    void deciderEqualsDecideAtEveryOwnBar() {
        double[] closes = tieProneCloses(2100, 11);
        for (int[] fs : new int[][] {{2, 4}, {1, 2}, {10, 30}, {30, 10}}) {
            List<String> plainWarnings = new ArrayList<>();
            List<String> fastWarnings = new ArrayList<>();
            SmaCrossTpslStrategy plain = new SmaCrossTpslStrategy(fs[0], fs[1], 0.04, 0.02, 1, plainWarnings::add);
            SmaCrossTpslStrategy fast = new SmaCrossTpslStrategy(fs[0], fs[1], 0.04, 0.02, 1, fastWarnings::add);
            SeriesLegacyStrategy.Decider decider = fast.prepare(SmaCrossTpslStrategyTest.window(closes), Interval.D1);
            int buys = 0;
            // sizes where decide acts: returns a BUY (or warns), and where it warns (its only side effect)
            boolean[] acts = new boolean[closes.length + 2];
            boolean[] warns = new boolean[closes.length + 2];
            for (int size = 1; size <= closes.length; size++) {
                int warningsBefore = plainWarnings.size();
                CandleWindow w = SmaCrossTpslStrategyTest.window(Arrays.copyOf(closes, size));
                LegacyDecision a = plain.decide(w, Interval.D1);
                LegacyDecision b = decider.decide(size);
                String at = "fast " + fs[0] + " slow " + fs[1] + " size " + size;
                if (a == null) {
                    assertNull(b, at);
                } else {
                    assertEquals(a.takeProfit(), b.takeProfit(), at);
                    assertEquals(a.stopLoss(), b.stopLoss(), at);
                    buys++;
                }
                assertEquals(plainWarnings.size(), fastWarnings.size(), at);
                warns[size] = plainWarnings.size() > warningsBefore;
                acts[size] = a != null || warns[size];
            }
            assertEquals(plainWarnings, fastWarnings);
            // the decider's jumps skip no size where decide acts (nextDecision) or warns (nextSideEffect)
            int nextAct = Integer.MAX_VALUE;
            int nextWarn = Integer.MAX_VALUE;
            for (int size = closes.length; size >= 1; size--) {
                nextAct = acts[size] ? size : nextAct;
                nextWarn = warns[size] ? size : nextWarn;
                String at = "fast " + fs[0] + " slow " + fs[1] + " size " + size;
                int d = decider.nextDecision(size);
                int e = decider.nextSideEffect(size);
                assertTrue(d >= size && d <= nextAct, at + ": nextDecision " + d + ", next act " + nextAct);
                assertTrue(e >= size && e <= nextWarn, at + ": nextSideEffect " + e + ", next warning " + nextWarn);
            }
            assertFalse(buys == 0, "no cross at all for " + Arrays.toString(fs));
            if (fs[0] == 2) {
                assertFalse(plainWarnings.isEmpty(), "the embedded R20 tie must warn");
            }
        }
    }

    @Test
    void engineRunsTheFastPathLikeThePlainLegacyPath() {
        // symbol 1 listed late, symbol 2 delisted, symbol 3 with gaps (its window is a copy, the others in place)
        Panel panel = TestPanels.randomWalk(new String[] {"AAAUSDT", "BBBUSDT", "CCCUSDT", "DDDUSDT"}, 400, 5);
        SimConfig config = SimConfig.builder(Market.SPOT, 10_000).costs(5, 2, 1).build();
        SmaCrossTpslStrategy fast = new SmaCrossTpslStrategy(3, 8, 0.05, 0.03, 2, w -> { });
        LegacyStrategy plain = new LegacyStrategy() {
            @Override
            public LegacyDecision decide(CandleWindow window, Interval interval) {
                return fast.decide(window, interval);
            }

            @Override
            public int warmupBars() {
                return fast.warmupBars();
            }
        };
        BacktestResult a = Simulator.run(panel, config, StrategyInput.legacy(plain, 2));
        BacktestResult b = Simulator.run(panel, config, StrategyInput.legacy(fast, 2));
        assertFalse(a.ledger().size() < 10, "too few trades to compare: " + a.ledger().size());
        assertEquals(a.ledger().events(), b.ledger().events());
        assertArrayEquals(a.equity(), b.equity());
        assertArrayEquals(a.cash(), b.cash());
    }
}
