package io.quantlake.stats;

import java.util.Objects;

/**
 * Result of an augmented Dickey-Fuller test (see {@link AugmentedDickeyFuller}); the fields are what
 * statsmodels' {@code adfuller} returns.
 *
 * @param statistic      t-statistic of {@code gamma} in {@code dx_t = det + gamma x_{t-1} + sum_i phi_i dx_{t-i} + e_t}
 * @param pValue         MacKinnon (1994) asymptotic p-value for N = 1 and {@link #trend()}
 * @param usedLag        number of lagged differences in the final regression
 * @param maxLag         the largest lag that was considered
 * @param nobs           observations of the final regression: {@code len(x) - 1 - usedLag}
 * @param criticalValues MacKinnon (2010) critical values for N = 1 at {@code nobs}
 * @param icBest         AIC of the chosen lag on the common sample (lag selection), or of the fixed-lag fit
 * @param trend          deterministic terms of the test regression
 */
public record AdfResult(double statistic, double pValue, int usedLag, int maxLag, int nobs,
                        CriticalValues criticalValues, double icBest, Trend trend) {
    public AdfResult {
        Objects.requireNonNull(criticalValues, "criticalValues");
        Objects.requireNonNull(trend, "trend");
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], got " + pValue);
        }
        if (usedLag < 0 || usedLag > maxLag) {
            throw new IllegalArgumentException("usedLag must be in [0, maxLag=" + maxLag + "], got " + usedLag);
        }
        if (nobs <= 0) {
            throw new IllegalArgumentException("nobs must be > 0, got " + nobs);
        }
    }
}
