package io.quantlake.risk;

/**
 * A correlation estimate kept per pair of symbols and updated one return vector per bar. Pairwise-complete: the
 * state of pair {@code (i, j)} only sees bars where both returns are finite (NaN = no return that bar).
 * Package-private kernel behind {@link CorrelationTracker}.
 */
sealed interface PairwiseCorrelation permits RollingCorrelation, EwmaCorrelation {

    /**
     * A centered second moment at or below this fraction of the raw one is treated as zero variance (a constant
     * series to about six significant digits): its correlations are NaN.
     */
    double DEGENERATE_VARIANCE = 1e-12;

    /** Adds the returns of the next bar ({@code r.length == N}; finite or NaN, already validated). */
    void update(double[] r);

    /**
     * Correlation of symbols {@code i} and {@code j} over their joint observations, clamped to {@code [-1, 1]};
     * 1 on the diagonal. NaN if the pair has fewer than {@code minPeriods} joint observations or either series is
     * constant over them.
     */
    double correlation(int i, int j);

    /**
     * Pearson correlation {@code cov / sqrt(varX varY)} clamped to {@code [-1, 1]}; NaN when a variance is at or
     * below its floor (zero variance, or indistinguishable from it).
     */
    static double pearson(double cov, double varX, double varY, double floorX, double floorY) {
        if (!(varX > floorX) || !(varY > floorY)) {
            return Double.NaN;
        }
        double rho = cov / Math.sqrt(varX * varY);
        return rho > 1 ? 1 : rho < -1 ? -1 : rho;
    }
}
