package io.quantlake.risk;

import static io.quantlake.risk.CorrelationEstimator.EWMA;
import static io.quantlake.risk.CorrelationEstimator.ROLLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.sizing.Covariance;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The tracker's estimates against from-scratch computations, its missing-data policy and its update path. */
class CorrelationTrackerTest {

    static CorrelationTrackerConfig config(int n, int window, int minPeriods, int recomputeEvery, double lambda) {
        return new CorrelationTrackerConfig(n, window, minPeriods, recomputeEvery, lambda,
                CorrelationAlertRule.disabled());
    }

    static CorrelationTracker feed(CorrelationTrackerConfig config, double[][] rows) {
        CorrelationTracker tracker = new CorrelationTracker(config);
        for (double[] r : rows) {
            tracker.update(r);
        }
        return tracker;
    }

    /** Asserts the rolling matrix equals commons-math Pearson on the last W rows after every bar. */
    static void assertRollingMatchesPearsonEveryBar(CorrelationTrackerConfig config, double[][] rows) {
        CorrelationTracker tracker = new CorrelationTracker(config);
        int n = config.symbols();
        double[] matrix = new double[n * n];
        for (int t = 0; t < rows.length; t++) {
            tracker.update(rows[t]);
            tracker.correlationMatrix(ROLLING, matrix);
            int from = Math.max(0, t - config.window() + 1);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double expected = CorrelationReference.pearson(rows, from, t, i, j, config.minPeriods());
                    assertEquals(expected, matrix[i * n + j], 1e-10, "bar " + t + " rho[" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void rollingEqualsPearsonOfLastWindowAtEveryBar() {
        double[][] rows = CorrelationReference.factorStream(7, 300, 6, 0);
        assertRollingMatchesPearsonEveryBar(config(6, 40, 40, 1_000_000, 0.94), rows);
        assertRollingMatchesPearsonEveryBar(config(6, 40, 10, 17, 0.94), rows);
    }

    @Test
    void missingValuesArePairwiseComplete() {
        // 10% holes at random, symbol 4 listed at bar 80, symbol 3 constant (zero) on bars 100..159
        double[][] rows = CorrelationReference.factorStream(11, 240, 5, 0.1);
        for (int t = 0; t < 80; t++) {
            rows[t][4] = Double.NaN;
        }
        for (int t = 100; t < 160; t++) {
            rows[t][3] = 0;
        }
        assertRollingMatchesPearsonEveryBar(config(5, 30, 20, 50, 0.94), rows);

        CorrelationTracker tracker = feed(config(5, 30, 20, 50, 0.94), Arrays.copyOf(rows, 79));
        assertTrue(Double.isNaN(tracker.correlation(ROLLING, 4, 4)), "unlisted symbol has no diagonal");
        assertTrue(Double.isNaN(tracker.correlation(EWMA, 0, 4)), "unlisted symbol has no EWMA correlation");
        tracker = feed(config(5, 30, 20, 50, 0.94), Arrays.copyOf(rows, 150));
        assertTrue(Double.isNaN(tracker.correlation(ROLLING, 3, 0)), "constant over the window -> NaN");
        assertTrue(Double.isNaN(tracker.correlation(ROLLING, 3, 3)), "constant over the window -> NaN diagonal");
    }

    @Test
    void ewmaEqualsDirectWeightingAndCovarianceEwma() {
        double lambda = 0.9;
        double[][] rows = CorrelationReference.factorStream(3, 120, 4, 0);
        CorrelationTracker tracker = new CorrelationTracker(config(4, 10, 2, 1000, lambda));
        double[] matrix = new double[16];
        for (int t = 0; t < rows.length; t++) {
            tracker.update(rows[t]);
            tracker.correlationMatrix(EWMA, matrix);
            if (t >= 1) {
                double[][] corr = Covariance.correlation(Covariance.ewma(Arrays.copyOf(rows, t + 1), lambda));
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        assertEquals(corr[i][j], matrix[i * 4 + j], 1e-10, "bar " + t + " vs Covariance.ewma");
                        assertEquals(CorrelationReference.ewma(rows, t, i, j, lambda, 2), matrix[i * 4 + j], 1e-10,
                                "bar " + t + " vs direct weights");
                    }
                }
            } else {
                assertTrue(Double.isNaN(matrix[1]), "one bar: correlation undefined");
            }
        }
    }

    @Test
    void ewmaWithHolesWeighsOnlyJointBars() {
        double lambda = 0.8;
        double[][] rows = CorrelationReference.factorStream(5, 150, 4, 0.25);
        CorrelationTracker tracker = new CorrelationTracker(config(4, 10, 5, 1000, lambda));
        for (int t = 0; t < rows.length; t++) {
            tracker.update(rows[t]);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    double expected = i == j && !Double.isNaN(CorrelationReference.ewma(rows, t, i, i, lambda, 5))
                            ? 1.0 : CorrelationReference.ewma(rows, t, i, j, lambda, 5);
                    assertEquals(expected, tracker.correlation(EWMA, i, j), 1e-10, "bar " + t + " [" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void ewmaByHand() {
        // lambda 0.5, bars x = (0, 3, 6), y = (0, 3, 7): weights (1, 2, 4) / 7, means 30/7 and 34/7,
        // deviations x (-30, -9, 12)/7, y (-34, -13, 15)/7:
        // var x = (900 + 2*81 + 4*144)/343 = 1638/343, var y = (1156 + 2*169 + 4*225)/343 = 2394/343,
        // cov = (1020 + 2*117 + 4*180)/343 = 1974/343
        CorrelationTracker tracker = feed(config(2, 3, 2, 100, 0.5), new double[][]{{0, 0}, {3, 3}, {6, 7}});
        assertEquals(1974 / Math.sqrt(1638.0 * 2394.0), tracker.correlation(EWMA, 0, 1), 1e-14);
    }

    @Test
    void averageAndReferenceCorrelationByHand() {
        // x = (1, 2, 3, 4), y = 2x, z = (1, 3, 2, 4) (in percent): deviations x (-1.5, -.5, .5, 1.5),
        // z (-1.5, .5, -.5, 1.5): Σ dx dz = 2.25 - .25 - .25 + 2.25 = 4, Σ dx² = Σ dz² = 5 -> rho(x, z) = 0.8;
        // rho(x, y) = 1, rho(y, z) = 0.8; average = (1 + 0.8 + 0.8) / 3
        double[][] rows = {{.01, .02, .01}, {.02, .04, .03}, {.03, .06, .02}, {.04, .08, .04}};
        CorrelationTracker tracker = feed(config(3, 4, 4, 100, 0.9), rows);
        assertEquals(2.6 / 3, tracker.averageCorrelation(ROLLING), 1e-14);
        double[] toY = new double[3];
        tracker.correlationTo(ROLLING, 1, toY);
        assertEquals(1, toY[0], 1e-14);
        assertEquals(1, toY[1], 0);
        assertEquals(0.8, toY[2], 1e-14);
    }

    @Test
    void averageSkipsUndefinedPairs() {
        // symbol 2 never trades: only the pair (0, 1) counts, and its correlation is -1 (y = -x)
        double[][] rows = {{.01, -.01, Double.NaN}, {.03, -.03, Double.NaN}, {-.02, .02, Double.NaN}};
        CorrelationTracker tracker = feed(config(3, 3, 3, 100, 0.9), rows);
        assertEquals(-1, tracker.averageCorrelation(ROLLING), 1e-14);
        assertEquals(-1, tracker.averageCorrelation(EWMA), 1e-14);
        CorrelationTracker empty = new CorrelationTracker(config(3, 3, 3, 100, 0.9));
        assertTrue(Double.isNaN(empty.averageCorrelation(ROLLING)), "no defined pair -> NaN");
    }

    @Test
    void perBarUpdateIsIncrementalExceptScheduledRebuilds() {
        double[][] rows = CorrelationReference.factorStream(1, 100, 3, 0);
        CorrelationTracker tracker = feed(config(3, 10, 10, 25, 0.9), rows);
        assertEquals(4, tracker.fullRecomputations(), "bars 25, 50, 75, 100 rebuild from the ring buffer");
        assertEquals(96, tracker.incrementalUpdates(), "every other bar subtracts the leaving vector, adds the new one");
        assertEquals(100, tracker.bars());
    }

    @Test
    void incrementalSumsStayOnTheFromScratchValuesOverALongStream() {
        double[][] rows = CorrelationReference.factorStream(2, 5000, 3, 0.05);
        CorrelationTracker incremental = feed(config(3, 50, 30, Integer.MAX_VALUE, 0.9), rows);
        CorrelationTracker scratch = feed(config(3, 50, 30, 1, 0.9), rows);
        assertEquals(0, incremental.fullRecomputations());
        assertEquals(5000, scratch.fullRecomputations());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(scratch.correlation(ROLLING, i, j), incremental.correlation(ROLLING, i, j), 1e-12);
            }
        }
    }

    @Test
    void defaultsAndValidationNameTheFieldAndValue() {
        CorrelationTrackerConfig c = CorrelationTrackerConfig.of(5, 30, 10);
        assertEquals(30, c.minPeriods());
        assertEquals(300, c.recomputeEvery());
        assertEquals(Math.pow(0.5, 0.1), c.ewmaLambda(), 1e-15);
        assertFalse(c.alert().enabled());
        assertMessage("window must be >= 2 bars, got 1", () -> CorrelationTrackerConfig.of(5, 1, 10));
        assertMessage("minPeriods must be in [2, window=30], got 31", () -> c.withMinPeriods(31));
        assertMessage("recomputeEvery must be >= 1 bar, got 0", () -> c.withRecomputeEvery(0));
        assertMessage("ewmaLambda must be in (0, 1), got 1.0", () -> config(3, 5, 5, 5, 1.0));
        assertMessage("symbols must be in [1, 46340], got 0", () -> config(0, 5, 5, 5, 0.9));
        assertMessage("window * symbols (the ring buffer) must fit an int, got window=100000, symbols=40000",
                () -> config(40000, 100000, 5, 5, 0.9));
        assertMessage("alert jump must be > 0 (or +Infinity to disable), got -0.1",
                () -> CorrelationAlertRule.jump(ROLLING, 5, -0.1));
        assertMessage("alert withinBars must be >= 1 bar, got 0", () -> CorrelationAlertRule.jump(ROLLING, 0, 0.2));
        assertMessage("alert level must be in [-1, 1] (or NaN to disable), got 1.5",
                () -> CorrelationAlertRule.level(EWMA, 1.5));
        CorrelationTracker tracker = new CorrelationTracker(c);
        assertEquals(30, tracker.warmUpBars());
        assertMessage("bar 0: returns must have 5 entries, got 4", () -> tracker.update(new double[4]));
        assertMessage("bar 0: returns[2] must be finite or NaN, got Infinity",
                () -> tracker.update(new double[]{0, 0, Double.POSITIVE_INFINITY, 0, 0}));
        assertMessage("reference must be a symbol index in [0, 5), got 5",
                () -> tracker.correlationTo(ROLLING, 5, new double[5]));
        assertMessage("cluster threshold must be in [-1, 1], got 2.0", () -> tracker.clusters(ROLLING, 2.0));
    }

    static void assertMessage(String expected, Runnable action) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, action::run).getMessage());
    }
}
