package io.quantlake.strategy.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.LegacyDecision;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * SIMULATION.md §2: perturbing every bar after a random {@code t} (random prices, same listing
 * pattern) leaves every decision up to {@code t} unchanged, bit for bit.
 */
class NoLookAheadTest {
    static final String[] SYMBOLS = {"AAA", "BBB", "CCC", "DDD", "EEE"};
    static final int BARS = 120;

    private static void assertNoLookAhead(WeightStrategy s) {
        Random rnd = new Random(42);
        Panel base = TestPanels.randomWalk(SYMBOLS, BARS, 3);
        TargetWeights expected = s.targets(base);
        int decisions = 0;
        for (boolean d : expected.decision()) {
            decisions += d ? 1 : 0;
        }
        assertTrue(decisions >= 3, s.name() + " must decide a few times for this test to mean anything");
        int n = SYMBOLS.length;
        for (int trial = 0; trial < 20; trial++) {
            int cut = rnd.nextInt(BARS - 1);
            TargetWeights got = s.targets(TestPanels.perturbAfter(base, cut, rnd.nextLong()));
            assertEquals(Arrays.toString(Arrays.copyOf(expected.decision(), cut + 1)),
                    Arrays.toString(Arrays.copyOf(got.decision(), cut + 1)), s.name() + " decisions up to " + cut);
            // NaN compares equal to NaN in Arrays.equals(double[], double[]) (bitwise via doubleToLongBits)
            assertTrue(Arrays.equals(Arrays.copyOf(expected.weights(), (cut + 1) * n),
                    Arrays.copyOf(got.weights(), (cut + 1) * n)), s.name() + " weights up to " + cut);
        }
    }

    @Test
    void monthlyRebalance() {
        assertNoLookAhead(new MonthlyRebalanceStrategy(Map.of("AAA", 0.4, "BBB", 0.3, "CCC", 0.3), 5));
    }

    @Test
    void inverseVol() {
        assertNoLookAhead(new InverseVolStrategy(10, new RebalanceSchedule.Weekly(3)));
        assertNoLookAhead(new InverseVolStrategy(5, new RebalanceSchedule.EveryBar()));
    }

    @Test
    void marketNeutral() {
        assertNoLookAhead(MarketNeutralStrategy.momentum(15, 3, 2, 2, 1, 1, new RebalanceSchedule.Daily()));
        assertNoLookAhead(MarketNeutralStrategy.momentum(7, 0, 1, 1, 0.5, 0.5, new RebalanceSchedule.Monthly(10)));
    }

    @Test
    void theCheckCatchesAStrategyThatPeeksOneBarAhead() {
        WeightStrategy peeking = new WeightStrategy() {
            @Override
            public String name() {
                return "peeking";
            }

            @Override
            public TargetWeights targets(Panel p) {
                int n = p.symbolCount();
                double[] w = new double[p.bars() * n];
                boolean[] d = new boolean[p.bars()];
                for (int t = 0; t + 1 < p.bars(); t++) {
                    d[t] = true;
                    for (int i = 0; i < n; i++) {
                        w[t * n + i] = p.close()[(t + 1) * n + i] > p.close()[t * n + i] ? 1 : 0;
                    }
                }
                return new TargetWeights(p.bars(), n, d, w);
            }
        };
        assertThrows(AssertionFailedError.class, () -> assertNoLookAhead(peeking));
    }

    @Test
    void smaCrossTpsl() {
        SmaCrossTpslStrategy s = new SmaCrossTpslStrategy(3, 8, 0.1, 0.05, 2, w -> { });
        Random rnd = new Random(5);
        Panel base = TestPanels.randomWalk(SYMBOLS, BARS, 9);
        String expected = decisions(s, base, BARS - 1);
        assertTrue(expected.contains("BUY"), "the random walk must produce some BUYs");
        for (int trial = 0; trial < 20; trial++) {
            int cut = rnd.nextInt(BARS - 1);
            Panel perturbed = TestPanels.perturbAfter(base, cut, rnd.nextLong());
            assertEquals(decisions(s, base, cut), decisions(s, perturbed, cut), "decisions up to " + cut);
        }
    }

    /**
     * The engine's view: at each bar up to {@code last} where a symbol has a bar, a window over the
     * symbol's own bars from its first bar up to that bar, built from the whole panel's arrays.
     */
    private static String decisions(SmaCrossTpslStrategy s, Panel p, int last) {
        StringBuilder out = new StringBuilder();
        int n = p.symbolCount();
        CandleWindow w = new CandleWindow();
        for (int i = 0; i < n; i++) {
            double[] own = new double[p.bars()];
            long[] times = new long[p.bars()];
            int count = 0;
            for (int t = 0; t < p.bars(); t++) {
                if (!p.hasBar(t, i)) {
                    continue;
                }
                own[count] = p.close()[p.at(t, i)];
                times[count++] = p.times()[t];
                if (t <= last && count >= s.warmupBars()) {
                    LegacyDecision d = s.decide(w.reset(p.symbols()[i], times, own, own, own, own, own, 0, count),
                            p.interval());
                    out.append(t).append(' ').append(i).append(d == null ? " -" : " BUY " + d).append('\n');
                }
            }
        }
        return out.toString();
    }
}
