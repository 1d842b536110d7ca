package io.quantlake.stats;

import java.util.Objects;

/**
 * Engle-Granger two-step cointegration test, computed as statsmodels'
 * {@code coint(y, x, trend='c', method='aeg', maxlag=None, autolag='aic')} does:
 * <ol>
 *   <li>OLS {@code y_t = alpha + beta x_t + s_t};</li>
 *   <li>{@link AugmentedDickeyFuller#test(double[], Trend) ADF} on the residuals {@code s_t} with
 *       trend {@code n} and the AIC lag selection (default maxlag from {@code len(y)});</li>
 *   <li>p-value from MacKinnon's surface for N = 2, trend {@code c} (the trend of step 1, not of step 2),
 *       critical values for N = 2, trend {@code c}, {@code T = len(y) - 1}.</li>
 * </ol>
 * Unlike statsmodels, which returns a statistic of -Infinity with a warning, an (almost) perfectly
 * collinear pair ({@code R^2 >= 1 - 100 sqrt(eps)}) is rejected with an exception.
 */
public final class EngleGranger {

    /** statsmodels' collinearity guard: {@code 1 - 100 * sqrt(machine epsilon)}. */
    static final double MAX_R_SQUARED = 1 - 100 * Math.sqrt(Math.ulp(1.0));

    private EngleGranger() {
    }

    /**
     * Tests whether {@code y} and {@code x} are cointegrated.
     *
     * @param y dependent series (e.g. log closes of the first leg), time-aligned with {@code x}
     * @param x regressor series (e.g. log closes of the hedge leg)
     * @return hedge ratio, test statistic, p-value, critical values, lags and spread half-life
     * @throws IllegalArgumentException on mismatched lengths, non-finite values or a collinear pair
     */
    public static CointegrationResult coint(double[] y, double[] x) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
        int n = y.length;
        if (x.length != n) {
            throw new IllegalArgumentException("y has " + n + " observations but x has " + x.length);
        }
        if (n < 3) {
            throw new IllegalArgumentException("Engle-Granger needs at least 3 observations, got " + n);
        }
        double[][] design = new double[n][1];
        for (int t = 0; t < n; t++) {
            design[t][0] = x[t];
        }
        if (isConstant(y)) {
            throw new IllegalArgumentException("y is constant (value " + y[0] + "): nothing to test for cointegration");
        }
        OlsFit fit = Ols.fit(y, design, true);
        if (!(fit.rSquared() < MAX_R_SQUARED)) {
            throw new IllegalArgumentException("y and x are (almost) perfectly collinear (R^2 = " + fit.rSquared()
                    + "); the Engle-Granger test is not reliable");
        }
        double[] spread = fit.residuals();
        AdfResult adf = AugmentedDickeyFuller.test(spread, Trend.NONE);
        double stat = adf.statistic();
        double b = ar1Slope(spread);
        return new CointegrationResult(fit.coefficient(0), fit.coefficient(1), stat,
                MacKinnon.pValue(stat, Trend.CONSTANT, 2), MacKinnon.criticalValues(Trend.CONSTANT, 2, n - 1),
                adf.usedLag(), n, b, halfLifeFromSlope(b));
    }

    /**
     * Half-life in bars of a mean-reverting spread: fits {@code ds_t = a + b s_{t-1} + e_t} by OLS and
     * returns {@code -ln 2 / ln|1 + b|} (see {@link #halfLifeFromSlope}).
     */
    public static double halfLife(double[] spread) {
        return halfLifeFromSlope(ar1Slope(spread));
    }

    /**
     * Half-life in bars implied by the AR(1) slope {@code b} of {@code ds_t = a + b s_{t-1}}: the deviation
     * decays by the factor {@code |1 + b|} per bar, so it halves after {@code -ln 2 / ln|1 + b|} bars.
     * Returns 0 for {@code b = -1} and {@code +Infinity} when {@code |1 + b| >= 1}.
     */
    public static double halfLifeFromSlope(double b) {
        if (Double.isNaN(b)) {
            throw new IllegalArgumentException("AR(1) slope is NaN");
        }
        double decay = Math.abs(1 + b);
        if (decay >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (decay == 0) {
            return 0.0;
        }
        return -Math.log(2) / Math.log(decay);
    }

    private static boolean isConstant(double[] v) {
        for (double e : v) {
            if (e != v[0]) {
                return false;
            }
        }
        return true;
    }

    /** OLS slope {@code b} of {@code s_t - s_{t-1} = a + b s_{t-1} + e_t}, t = 1..n-1. */
    static double ar1Slope(double[] s) {
        int m = s.length - 1;
        double[] ds = new double[m];
        double[][] lag = new double[m][1];
        for (int t = 0; t < m; t++) {
            ds[t] = s[t + 1] - s[t];
            lag[t][0] = s[t];
        }
        return Ols.fit(ds, lag, true).coefficient(1);
    }
}
