package io.quantlake.stats;

import java.util.Objects;

/**
 * Augmented Dickey-Fuller unit-root test, computed as statsmodels'
 * {@code adfuller(x, maxlag, regression, autolag='AIC')} does.
 *
 * <p>The test regression for {@code p} lags is
 * {@code dx_t = det_t + gamma x_{t-1} + phi_1 dx_{t-1} + ... + phi_p dx_{t-p} + e_t}, with {@code det_t}
 * from {@link Trend} (1, t, t^2 with t = 1..nobs). The statistic is the OLS t-value of {@code gamma}.
 *
 * <p>Lag selection: default {@code maxlag = min(ceil(12 (n/100)^(1/4)), floor(n/2) - terms - 1)} (Schwert's
 * rule, rounded up as statsmodels does; {@code n = len(x)}). Every {@code p = 0..maxlag} is fitted on the
 * COMMON sample of the last {@code n - 1 - maxlag} differences so the AICs are comparable; the lag with the
 * smallest AIC (first one on ties) is then refitted on its full sample of {@code n - 1 - p} differences, which
 * gives the statistic, {@code nobs} and the critical values. The candidate models are nested column
 * prefixes of the {@code maxlag} design, so their residual sums of squares come from one QR decomposition
 * ({@code AIC = -2 llf + 2k}, {@code k} = deterministic terms + 1 + p, as statsmodels' OLS counts it).
 */
public final class AugmentedDickeyFuller {

    private AugmentedDickeyFuller() {
    }

    /** Schwert's default {@code maxlag} for a series of length {@code n}, capped as statsmodels caps it. */
    public static int defaultMaxLag(int n, Trend trend) {
        int schwert = (int) Math.ceil(12.0 * Math.pow(n / 100.0, 0.25));
        int cap = n / 2 - trend.terms() - 1;
        if (cap < 0) {
            throw new IllegalArgumentException("series of length " + n + " is too short for an ADF test with trend "
                    + trend.code());
        }
        return Math.min(cap, schwert);
    }

    /** ADF test with the lag chosen by AIC over {@code 0..defaultMaxLag(n, trend)}. */
    public static AdfResult test(double[] x, Trend trend) {
        return test(x, trend, defaultMaxLag(checked(x).length, trend));
    }

    /**
     * ADF test with the lag chosen by AIC over {@code 0..maxLag}.
     *
     * @param x      the series in time order (levels, e.g. log prices); finite values
     * @param trend  deterministic terms of the test regression
     * @param maxLag largest lag considered, {@code 0 <= maxLag <= len(x)/2 - terms - 1}
     */
    public static AdfResult test(double[] x, Trend trend, int maxLag) {
        checkMaxLag(checked(x).length, trend, maxLag);
        // all candidate lags are nested column prefixes of the maxLag design on the common sample
        double[][] design = new double[x.length - 1 - maxLag][];
        double[] dy = new double[design.length];
        fillDesign(x, trend, maxLag, maxLag, dy, design);
        double[] ssr = Ols.nestedSsr(dy, design);
        int bestLag = 0;
        double bestAic = Double.POSITIVE_INFINITY;
        for (int p = 0; p <= maxLag; p++) {
            int k = trend.terms() + 1 + p;
            double aic = -2 * Ols.logLikelihood(ssr[k - 1], dy.length) + 2 * k;
            if (aic < bestAic) {
                bestAic = aic;
                bestLag = p;
            }
        }
        if (bestAic == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("ADF lag selection failed: no finite AIC for lags 0.." + maxLag
                    + " on a series of length " + x.length);
        }
        return result(regression(x, trend, bestLag, bestLag), trend, bestLag, maxLag, bestAic);
    }

    /** ADF test with exactly {@code lag} lagged differences (statsmodels {@code autolag=None, maxlag=lag}). */
    public static AdfResult testFixedLag(double[] x, Trend trend, int lag) {
        checkMaxLag(checked(x).length, trend, lag);
        OlsFit fit = regression(x, trend, lag, lag);
        return result(fit, trend, lag, lag, fit.aic());
    }

    private static AdfResult result(OlsFit fit, Trend trend, int lag, int maxLag, double ic) {
        double stat = fit.tStat(trend.terms());
        return new AdfResult(stat, MacKinnon.pValue(stat, trend, 1), lag, maxLag, fit.nobs(),
                MacKinnon.criticalValues(trend, 1, fit.nobs()), ic, trend);
    }

    /**
     * OLS of {@code dx} on {@code [det, x_{t-1}, dx_{t-1..t-p}]} over differences {@code i = start..n-2}
     * ({@code dx[i] = x[i+1] - x[i]}, level {@code x[i]}); design column {@code terms} is the level.
     */
    static OlsFit regression(double[] x, Trend trend, int p, int start) {
        double[][] design = new double[x.length - 1 - start][];
        double[] dy = new double[design.length];
        fillDesign(x, trend, p, start, dy, design);
        return Ols.fit(dy, design, false);
    }

    /** Fills {@code dy} and the rows of {@code design} for {@link #regression}. */
    private static void fillDesign(double[] x, Trend trend, int p, int start, double[] dy, double[][] design) {
        int terms = trend.terms();
        for (int r = 0; r < design.length; r++) {
            int i = start + r;
            dy[r] = x[i + 1] - x[i];
            double[] row = new double[terms + 1 + p];
            double t = r + 1;
            if (terms >= 1) {
                row[0] = 1.0;
            }
            if (terms >= 2) {
                row[1] = t;
            }
            if (terms >= 3) {
                row[2] = t * t;
            }
            row[terms] = x[i];
            for (int l = 1; l <= p; l++) {
                row[terms + l] = x[i - l + 1] - x[i - l];
            }
            design[r] = row;
        }
    }

    private static double[] checked(double[] x) {
        Objects.requireNonNull(x, "x");
        for (int t = 0; t < x.length; t++) {
            if (!Double.isFinite(x[t])) {
                throw new IllegalArgumentException("ADF series value x[" + t + "] is not finite: " + x[t]);
            }
        }
        return x;
    }

    private static void checkMaxLag(int n, Trend trend, int maxLag) {
        int cap = n / 2 - trend.terms() - 1;
        if (maxLag < 0 || maxLag > cap) {
            throw new IllegalArgumentException("ADF maxLag must be in [0, len(x)/2 - terms - 1 = " + cap
                    + "] for len(x) = " + n + " and trend " + trend.code() + ", got " + maxLag);
        }
    }
}
