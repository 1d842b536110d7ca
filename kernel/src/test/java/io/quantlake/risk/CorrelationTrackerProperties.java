package io.quantlake.risk;

import static io.quantlake.risk.CorrelationEstimator.EWMA;
import static io.quantlake.risk.CorrelationEstimator.ROLLING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Random streams, shapes and holes: both estimators equal their from-scratch definitions after every bar.
 * {@code minPeriods >= 5}: with two or three joint returns that happen to be nearly equal, the running-sums
 * formula loses digits (error about {@code ε Σx² / Σ(x - x̄)²}, see {@link RollingCorrelation}), which is
 * not what this property is about.
 */
class CorrelationTrackerProperties {

    @Property(tries = 60)
    void bothEstimatorsEqualTheirDefinitionsAtEveryBar(@ForAll @IntRange(min = 2, max = 6) int n,
                                                       @ForAll @IntRange(min = 5, max = 25) int window,
                                                       @ForAll @DoubleRange(min = 0, max = 1) double minFraction,
                                                       @ForAll @IntRange(min = 1, max = 40) int recomputeEvery,
                                                       @ForAll @DoubleRange(min = 0, max = 0.3) double nanProb,
                                                       @ForAll @DoubleRange(min = 0.5, max = 0.99) double lambda,
                                                       @ForAll long seed) {
        int minPeriods = 5 + (int) Math.round(minFraction * (window - 5));
        double[][] rows = CorrelationReference.factorStream(seed, 3 * window + 10, n, nanProb);
        CorrelationTracker tracker = new CorrelationTracker(
                CorrelationTrackerTest.config(n, window, minPeriods, recomputeEvery, lambda));
        double[] rolling = new double[n * n];
        double[] ewma = new double[n * n];
        for (int t = 0; t < rows.length; t++) {
            tracker.update(rows[t]);
            tracker.correlationMatrix(ROLLING, rolling);
            tracker.correlationMatrix(EWMA, ewma);
            int from = Math.max(0, t - window + 1);
            double sum = 0;
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double expected = CorrelationReference.pearson(rows, from, t, i, j, minPeriods);
                    assertEquals(expected, rolling[i * n + j], 1e-10, "rolling bar " + t + " [" + i + "][" + j + "]");
                    double e = CorrelationReference.ewma(rows, t, i, j, lambda, minPeriods);
                    assertEquals(i == j && !Double.isNaN(e) ? 1 : e, ewma[i * n + j], 1e-10,
                            "ewma bar " + t + " [" + i + "][" + j + "]");
                    if (j > i && !Double.isNaN(expected)) {
                        sum += expected;
                        pairs++;
                    }
                }
            }
            assertEquals(pairs == 0 ? Double.NaN : sum / pairs, tracker.averageCorrelation(ROLLING), 1e-10);
        }
        assertEquals(rows.length / recomputeEvery, tracker.fullRecomputations());
        assertEquals(rows.length - rows.length / recomputeEvery, tracker.incrementalUpdates());
    }
}
