package io.quantlake.risk;

import io.quantlake.sizing.Covariance;
import java.util.Objects;

/**
 * Configuration of a {@link CorrelationTracker}.
 *
 * @param symbols        number of symbols {@code N} (universe order = index in the return vectors), in
 *                       {@code [1, 46340]} so that {@code N * N} fits an {@code int}
 * @param window         rolling window {@code W} in bars ({@code >= 2})
 * @param minPeriods     joint observations a pair needs before its correlation is defined, in both estimators
 *                       (rolling: inside the window; EWMA: since the first bar), in {@code [2, window]}
 * @param recomputeEvery the rolling sums are rebuilt from the ring buffer on every {@code recomputeEvery}-th
 *                       bar instead of being updated incrementally, bounding floating-point drift of the
 *                       add-and-subtract sums; amortized extra cost {@code W / recomputeEvery} of an
 *                       incremental update ({@code >= 1}; 1 = always from scratch)
 * @param ewmaLambda     EWMA decay per bar in {@code (0, 1)}, as {@link Covariance#ewma}
 * @param alert          alert rule on the average pairwise correlation
 */
public record CorrelationTrackerConfig(int symbols, int window, int minPeriods, int recomputeEvery,
                                       double ewmaLambda, CorrelationAlertRule alert) {

    /** Largest {@code N} with {@code N * N <= Integer.MAX_VALUE}. */
    public static final int MAX_SYMBOLS = 46340;

    public CorrelationTrackerConfig {
        if (symbols < 1 || symbols > MAX_SYMBOLS) {
            throw new IllegalArgumentException("symbols must be in [1, " + MAX_SYMBOLS + "], got " + symbols);
        }
        if (window < 2) {
            throw new IllegalArgumentException("window must be >= 2 bars, got " + window);
        }
        if ((long) window * symbols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("window * symbols (the ring buffer) must fit an int, got window="
                    + window + ", symbols=" + symbols);
        }
        if (minPeriods < 2 || minPeriods > window) {
            throw new IllegalArgumentException("minPeriods must be in [2, window=" + window + "], got " + minPeriods);
        }
        if (recomputeEvery < 1) {
            throw new IllegalArgumentException("recomputeEvery must be >= 1 bar, got " + recomputeEvery);
        }
        if (!(ewmaLambda > 0 && ewmaLambda < 1)) {
            throw new IllegalArgumentException("ewmaLambda must be in (0, 1), got " + ewmaLambda);
        }
        Objects.requireNonNull(alert, "alert");
    }

    /**
     * Defaults: {@code minPeriods = window}, {@code recomputeEvery = 10 * window} (10% amortized extra cost),
     * EWMA decay from a half-life in bars ({@code 0.5^(1/halfLife)}), no alert.
     */
    public static CorrelationTrackerConfig of(int symbols, int window, double ewmaHalfLife) {
        return new CorrelationTrackerConfig(symbols, window, window, (int) Math.min(10L * window, Integer.MAX_VALUE),
                Covariance.lambdaFromHalfLife(ewmaHalfLife), CorrelationAlertRule.disabled());
    }

    /** This config with another {@code minPeriods}. */
    public CorrelationTrackerConfig withMinPeriods(int minPeriods) {
        return new CorrelationTrackerConfig(symbols, window, minPeriods, recomputeEvery, ewmaLambda, alert);
    }

    /** This config with another {@code recomputeEvery}. */
    public CorrelationTrackerConfig withRecomputeEvery(int recomputeEvery) {
        return new CorrelationTrackerConfig(symbols, window, minPeriods, recomputeEvery, ewmaLambda, alert);
    }

    /** This config with another alert rule. */
    public CorrelationTrackerConfig withAlert(CorrelationAlertRule alert) {
        return new CorrelationTrackerConfig(symbols, window, minPeriods, recomputeEvery, ewmaLambda, alert);
    }
}
