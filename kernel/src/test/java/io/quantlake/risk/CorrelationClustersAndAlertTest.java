package io.quantlake.risk;

import static io.quantlake.risk.CorrelationEstimator.EWMA;
import static io.quantlake.risk.CorrelationEstimator.ROLLING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Average-linkage clusters and the average-correlation alert on synthetic streams with planted structure. */
class CorrelationClustersAndAlertTest {

    /**
     * Symbols 0-2 and 3-5 form two blocks: {@code r = 0.01 (√.2 m + √.6 b_block + √.2 e)}, so the correlation is
     * 0.8 inside a block and 0.2 across; symbol 6 never trades.
     */
    static double[][] twoBlocks(long seed, int bars) {
        Random rnd = new Random(seed);
        double[][] rows = new double[bars][7];
        for (int t = 0; t < bars; t++) {
            double m = rnd.nextGaussian();
            double[] b = {rnd.nextGaussian(), rnd.nextGaussian()};
            for (int i = 0; i < 6; i++) {
                rows[t][i] = 0.01 * (Math.sqrt(.2) * m + Math.sqrt(.6) * b[i / 3] + Math.sqrt(.2) * rnd.nextGaussian());
            }
            rows[t][6] = Double.NaN;
        }
        return rows;
    }

    @Test
    void blockCorrelatedStreamSplitsAtHalfAndJoinsAtZero() {
        CorrelationTracker tracker = CorrelationTrackerTest.feed(
                CorrelationTrackerTest.config(7, 500, 100, 5000, 0.99), twoBlocks(42, 500));
        for (CorrelationEstimator e : CorrelationEstimator.values()) {
            CorrelationClusters half = tracker.clusters(e, 0.5);
            assertEquals(3, half.count(), e + ": two blocks plus the untraded symbol alone");
            assertArrayEquals(new int[]{0, 0, 0, 1, 1, 1, 2}, half.clusterIds(), e + " at 0.5");
            assertArrayEquals(new int[]{3, 4, 5}, half.members(1));
            CorrelationClusters zero = tracker.clusters(e, 0.0);
            assertArrayEquals(new int[]{0, 0, 0, 0, 0, 0, 1}, zero.clusterIds(), e + " at 0.0");
            assertEquals(7, tracker.clusters(e, 0.95).count(), e + ": nothing is 0.95-correlated");
        }
    }

    @Test
    void linkageIsTheAverageNotTheSingleOrCompleteOne() {
        // Orthonormal centered columns Z (Hadamard / 2) times Lᵀ, L L' = C, give a window whose sample correlation
        // is exactly C: rho01 = 0.9, rho02 = 0.6, rho12 = 0.2. {0, 1} merge first; the linkage of {0, 1} with 2 is
        // average (0.6 + 0.2) / 2 = 0.4 (single linkage would say 0.6, complete linkage 0.2).
        double[][] c = {{1, .9, .6}, {.9, 1, .2}, {.6, .2, 1}};
        RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(c)).getL();
        RealMatrix z = new Array2DRowRealMatrix(new double[][]{{1, 1, 1}, {-1, 1, -1}, {1, -1, -1}, {-1, -1, 1}});
        double[][] rows = z.multiply(l.transpose()).scalarMultiply(0.01).getData();
        CorrelationTracker tracker = CorrelationTrackerTest.feed(CorrelationTrackerTest.config(3, 4, 4, 100, .9), rows);
        assertEquals(0.6, tracker.correlation(ROLLING, 0, 2), 1e-12);
        int[] ids = new int[3];
        assertEquals(2, tracker.clusters(ROLLING, 0.41, ids));
        assertArrayEquals(new int[]{0, 0, 1}, ids);
        assertEquals(1, tracker.clusters(ROLLING, 0.39, ids));
        assertArrayEquals(new int[]{0, 0, 0}, ids);
        assertEquals(3, tracker.clusters(ROLLING, 0.91, ids));
    }

    /** Six independent symbols for {@code change} bars, then one common factor (correlation 0.8) from there on. */
    static double[][] regimeChange(long seed, int bars, int change) {
        Random rnd = new Random(seed);
        double[][] rows = new double[bars][6];
        for (int t = 0; t < bars; t++) {
            double f = rnd.nextGaussian();
            for (int i = 0; i < 6; i++) {
                double e = rnd.nextGaussian();
                rows[t][i] = 0.01 * (t < change ? e : Math.sqrt(.8) * f + Math.sqrt(.2) * e);
            }
        }
        return rows;
    }

    /** Feeds the stream and returns, per bar, the alert fired there or null. */
    static CorrelationAlert[] alerts(CorrelationAlertRule rule, double[][] rows) {
        CorrelationTracker tracker = new CorrelationTracker(
                CorrelationTrackerTest.config(6, 40, 40, 400, 0.95).withAlert(rule));
        CorrelationAlert[] fired = new CorrelationAlert[rows.length];
        for (int t = 0; t < rows.length; t++) {
            if (tracker.update(rows[t])) {
                fired[t] = tracker.lastAlert().orElseThrow();
            }
        }
        return fired;
    }

    @Test
    void jumpAlertFiresOnThePlantedRegimeChangeAndNotBefore() {
        double[][] rows = regimeChange(9, 500, 300);
        CorrelationAlert[] fired = alerts(CorrelationAlertRule.jump(ROLLING, 20, 0.3), rows);
        int count = 0;
        for (int t = 0; t < rows.length; t++) {
            if (fired[t] != null) {
                count++;
                // the rolling window needs a handful of correlated bars before the average moves by 0.3
                assertTrue(t >= 300 && t < 330, "jump alert at bar " + t + ", regime changes at 300");
                assertEquals(t, fired[t].bar());
                assertEquals(CorrelationAlert.Trigger.JUMP, fired[t].trigger());
                assertTrue(fired[t].average() - fired[t].baseline() > 0.3, fired[t].toString());
            }
        }
        assertEquals(1, count, "edge-triggered: one alert for one regime change");
    }

    @Test
    void levelAlertFiresOnceWhenTheAverageCrossesUpwards() {
        double[][] rows = regimeChange(9, 500, 300);
        CorrelationAlert[] fired = alerts(CorrelationAlertRule.level(EWMA, 0.5), rows);
        int first = -1;
        int count = 0;
        for (int t = 0; t < rows.length; t++) {
            if (fired[t] != null) {
                first = first < 0 ? t : first;
                count++;
                assertEquals(CorrelationAlert.Trigger.LEVEL_CROSS, fired[t].trigger());
                assertEquals(0.5, fired[t].baseline());
                assertTrue(fired[t].average() >= 0.5);
            }
        }
        assertEquals(1, count);
        assertTrue(first > 300 && first < 340, "EWMA (half-life ~13.5 bars) crosses 0.5 at bar " + first);
    }

    @Test
    void disabledRuleNeverFires() {
        CorrelationAlert[] fired = alerts(CorrelationAlertRule.disabled(), regimeChange(9, 400, 200));
        for (CorrelationAlert a : fired) {
            assertEquals(null, a);
        }
        assertFalse(new CorrelationTracker(CorrelationTrackerConfig.of(3, 5, 3)).lastAlert().isPresent());
    }
}
