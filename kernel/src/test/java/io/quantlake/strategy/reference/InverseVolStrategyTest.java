package io.quantlake.strategy.reference;

import static io.quantlake.strategy.reference.MonthlyRebalanceStrategyTest.row;
import static io.quantlake.strategy.reference.TestPanels.X;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.TargetWeights;
import org.junit.jupiter.api.Test;

/** CLI.md inverse_vol, SIMULATION.md R6, R7, R23, R25. */
class InverseVolStrategyTest {
    static final String[] SYMBOLS = {"AAA", "BBB", "CCC", "DDD"};

    /**
     * Daily bars t = 0..5. AAA complete; BBB's returns are exact binary fractions (0.25, 0.25, 0.25,
     * 0, 0); CCC misses bars 1 and 4 (own bars 50, 55, 49.5, 50); DDD's last bar is t = 3, before the
     * last grid bar: its delisting bar.
     */
    static Panel panel() {
        double[][] closes = {
            {100, 64, 50, 10},
            {110, 80, X, 11},
            {99, 100, 55, 9.9},
            {108.9, 125, 49.5, 10.89},
            {108.9, 125, X, X},
            {108.9, 125, 50, X},
        };
        return TestPanels.daily(SYMBOLS, closes);
    }

    @Test
    void sigmaByHandAndZeroForcing() {
        TargetWeights tw = new InverseVolStrategy(2, new RebalanceSchedule.EveryBar()).targets(panel());
        // t = 0, 1: no symbol has lookback + 1 = 3 own bars: no decision (R25)
        assertArrayEquals(new boolean[] {false, false, true, true, true, true}, tw.decision());
        // t = 2: AAA returns (0.1, -0.1): mean 0, σ = √((0.01 + 0.01) / 1) = 0.141421;
        //        BBB (0.25, 0.25): σ = 0, not valid (R23); CCC has 2 own bars only; DDD (0.1, -0.1): σ = 0.141421
        //        -> AAA and DDD 1/2 each
        assertArrayEquals(new double[] {0.5, 0, 0, 0.5}, row(tw, 2), 1e-12);
        // t = 3: AAA (-0.1, 0.1) σ = 0.141421; BBB (0.25, 0.25) σ = 0; CCC own returns 55/50 − 1 = 0.1 and
        //        49.5/55 − 1 = −0.1: σ = 0.141421; DDD is at its delisting bar: 0 (R6)
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0}, row(tw, 3), 1e-12);
        // t = 4: AAA (0.1, 0): mean 0.05, σ = √(2 · 0.05²) = 0.0707107; BBB (0.25, 0): σ = 0.1767767 = 2.5 σ_AAA;
        //        CCC has no bar at t (R7): 0; DDD delisted: 0.
        //        w_AAA = (1/σ_A) / (1/σ_A + 1/(2.5 σ_A)) = 1 / (1 + 0.4) = 5/7, w_BBB = 2/7
        assertArrayEquals(new double[] {5.0 / 7, 2.0 / 7, 0, 0}, row(tw, 4), 1e-12);
        // t = 5: AAA (0, 0) and BBB (0, 0): σ = 0, not valid; CCC own returns −0.1 and 50/49.5 − 1: the only one
        assertArrayEquals(new double[] {0, 0, 1, 0}, row(tw, 5), 1e-12);
    }

    @Test
    void firstDecisionIsFirstScheduledBarWithAValidSymbol() {
        TargetWeights tw = new InverseVolStrategy(2, new RebalanceSchedule.Every(3)).targets(panel());
        // scheduled: 0 and 3; bar 0 has no valid symbol -> no decision; bar 3 as above
        assertArrayEquals(new boolean[] {false, false, false, true, false, false}, tw.decision());
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0}, row(tw, 3), 1e-12);
        assertArrayEquals(new double[] {X, X, X, X}, row(tw, 0));
    }

    @Test
    void weightsOfEachDecisionSumToOne() {
        Panel p = TestPanels.randomWalk(new String[] {"A", "B", "C", "D"}, 80, 7);
        TargetWeights tw = new InverseVolStrategy(10, new RebalanceSchedule.EveryBar()).targets(p);
        int decisions = 0;
        for (int t = 0; t < tw.bars(); t++) {
            if (tw.decision()[t]) {
                decisions++;
                double sum = 0;
                for (double w : row(tw, t)) {
                    assertTrue(w >= 0 && w <= 1, "weight " + w + " at bar " + t);
                    sum += w;
                }
                assertEquals(1.0, sum, 1e-12, "bar " + t);
            }
        }
        // bars 10..79 have at least symbol A valid (11 own bars)
        assertEquals(70, decisions);
    }
}
