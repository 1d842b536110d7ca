package io.quantlake.strategy.pairs;

/**
 * How a pair's hedge ratio {@code (alpha_t, beta_t)} of {@code y_t = alpha_t + beta_t x_t + s_t} is estimated
 * bar by bar, from pair bars up to and including {@code t} only. A spec: {@link #start()} gives a fresh
 * estimator holding the per-pair state.
 */
public sealed interface HedgeRatio permits RollingOlsHedge, KalmanHedge {
    /** A new estimator with no bar seen. */
    Tracker start();

    /** Pair bars the estimator needs before {@link Tracker#ready()} (its warm-up). */
    int warmupBars();

    /** The per-pair state of an estimator; fed one common bar at a time, oldest first. Allocation-free per bar. */
    interface Tracker {
        /** Adds the pair bar {@code (y, x)} (both finite). */
        void update(double y, double x);

        /** Whether {@link #alpha()} and {@link #beta()} are defined (warm-up over and the fit not degenerate). */
        boolean ready();

        /** Intercept at the last bar; NaN when not {@link #ready()}. */
        double alpha();

        /** Hedge ratio at the last bar; NaN when not {@link #ready()}. */
        double beta();
    }
}
