package io.quantlake.stats;

import java.util.Objects;

/**
 * Result of an Engle-Granger cointegration test of {@code y} on {@code x} (see {@link EngleGranger#coint}).
 *
 * @param alpha          intercept of the cointegrating regression {@code y_t = alpha + beta x_t + s_t}
 * @param beta           hedge ratio: units of {@code x} per unit of {@code y} (of log prices when fed logs)
 * @param statistic      ADF statistic (no deterministic term) on the spread {@code s_t}
 * @param pValue         MacKinnon (1994) p-value for N = 2 variables, trend c
 * @param criticalValues MacKinnon (2010) critical values for N = 2, trend c, {@code T = nobs - 1}
 * @param lags           lagged differences the ADF lag selection chose on the spread
 * @param nobs           observations of {@code y} and {@code x}
 * @param ar1Slope       {@code b} of {@code ds_t = a + b s_{t-1} + e_t} (mean reversion per bar)
 * @param halfLife       spread half-life in bars, {@code -ln 2 / ln|1 + b|}; 0 when {@code b = -1};
 *                       {@code +Infinity} when {@code |1 + b| >= 1} (no mean reversion)
 */
public record CointegrationResult(double alpha, double beta, double statistic, double pValue,
                                  CriticalValues criticalValues, int lags, int nobs, double ar1Slope,
                                  double halfLife) {
    public CointegrationResult {
        Objects.requireNonNull(criticalValues, "criticalValues");
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], got " + pValue);
        }
        if (lags < 0 || nobs <= 0) {
            throw new IllegalArgumentException("lags must be >= 0 and nobs > 0, got lags " + lags + ", nobs " + nobs);
        }
        if (!(halfLife >= 0)) {
            throw new IllegalArgumentException("halfLife must be >= 0 (or +Infinity), got " + halfLife);
        }
    }

    /** True when the p-value is below {@code level} (e.g. 0.05): the pair is cointegrated at that level. */
    public boolean cointegratedAt(double level) {
        return pValue < level;
    }
}
