package io.quantlake.stats;

/**
 * The result of an ordinary least squares fit {@code y = X b + e} (see {@link Ols#fit}).
 * An immutable value: arrays are copied on the way in and on the way out.
 *
 * <p>Conventions follow statsmodels' {@code OLS(...).fit()} so that derived statistics agree:
 * {@code sigma^2 = ssr / (nobs - k)}, {@code se_j = sqrt(sigma^2 [(X'X)^-1]_jj)},
 * {@code logLikelihood = -nobs/2 (ln(2 pi) + ln(ssr / nobs) + 1)} and {@code aic = -2 logLikelihood + 2k},
 * where {@code k} is the number of columns of the design (the intercept included).
 *
 * @param coefficients   estimated {@code b}, one per design column; with an intercept it is index 0
 * @param standardErrors standard errors of the coefficients
 * @param tStats         {@code coefficients[j] / standardErrors[j]}
 * @param residuals      {@code y - X b}, one per observation
 * @param ssr            sum of squared residuals
 * @param nobs           number of observations
 * @param logLikelihood  Gaussian log-likelihood at the estimate (variance {@code ssr / nobs})
 * @param aic            Akaike information criterion {@code -2 logLikelihood + 2k}
 * @param rSquared       coefficient of determination: centred ({@code 1 - ssr / sum (y - mean y)^2}) when
 *                       the fit has an intercept, uncentred ({@code 1 - ssr / sum y^2}) otherwise
 * @param hasIntercept   whether column 0 of the design is the intercept added by {@link Ols#fit}
 */
public record OlsFit(double[] coefficients, double[] standardErrors, double[] tStats, double[] residuals,
                     double ssr, int nobs, double logLikelihood, double aic, double rSquared,
                     boolean hasIntercept) {

    public OlsFit {
        int k = coefficients.length;
        if (standardErrors.length != k || tStats.length != k) {
            throw new IllegalArgumentException("coefficients (" + k + "), standardErrors (" + standardErrors.length
                    + ") and tStats (" + tStats.length + ") must have one entry per design column");
        }
        if (residuals.length != nobs) {
            throw new IllegalArgumentException("residuals has " + residuals.length + " entries, nobs is " + nobs);
        }
        if (nobs <= k) {
            throw new IllegalArgumentException("nobs " + nobs + " must exceed the number of coefficients " + k);
        }
        if (!(ssr >= 0)) {
            throw new IllegalArgumentException("ssr must be >= 0, got " + ssr);
        }
        coefficients = coefficients.clone();
        standardErrors = standardErrors.clone();
        tStats = tStats.clone();
        residuals = residuals.clone();
    }

    /** Number of estimated coefficients (design columns, intercept included). */
    public int k() {
        return coefficients.length;
    }

    /** Residual degrees of freedom {@code nobs - k}. */
    public int dfResid() {
        return nobs - coefficients.length;
    }

    /** Residual variance {@code ssr / (nobs - k)}. */
    public double sigma2() {
        return ssr / dfResid();
    }

    /** Coefficient {@code j} (0 is the intercept when {@link #hasIntercept()}). */
    public double coefficient(int j) {
        return coefficients[j];
    }

    /** t-statistic of coefficient {@code j}. */
    public double tStat(int j) {
        return tStats[j];
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    @Override
    public double[] tStats() {
        return tStats.clone();
    }

    @Override
    public double[] residuals() {
        return residuals.clone();
    }
}
