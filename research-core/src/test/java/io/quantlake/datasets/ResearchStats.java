package io.quantlake.datasets;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/** The small statistics the planted-facts tests need: Spearman IC and an Engle-Granger / ADF t-statistic. */
final class ResearchStats {
    /** MacKinnon (2010) 5% critical value of the Engle-Granger test with 2 variables and a constant. */
    static final double EG_CRITICAL_5PCT = -3.34;

    private ResearchStats() {
    }

    static double spearman(double[] a, double[] b) {
        return new SpearmansCorrelation().correlation(a, b);
    }

    /**
     * Engle-Granger: OLS {@code y = a + b x + e}, then the ADF regression on the residuals with one
     * lagged difference and no constant, {@code Δe_t = γ e_{t-1} + δ Δe_{t-1} + u_t}; returns the
     * t-statistic of γ (compare with {@link #EG_CRITICAL_5PCT}).
     */
    static double engleGrangerT(double[] y, double[] x) {
        OLSMultipleLinearRegression first = new OLSMultipleLinearRegression();
        double[][] xs = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            xs[t] = new double[] {x[t]};
        }
        first.newSampleData(y.clone(), xs);
        return adfT(first.estimateResiduals());
    }

    /** ADF t-statistic with lag 1 and no deterministic terms. */
    static double adfT(double[] e) {
        int n = e.length - 2;
        double[] dy = new double[n];
        double[][] reg = new double[n][];
        for (int t = 2; t < e.length; t++) {
            dy[t - 2] = e[t] - e[t - 1];
            reg[t - 2] = new double[] {e[t - 1], e[t - 1] - e[t - 2]};
        }
        OLSMultipleLinearRegression adf = new OLSMultipleLinearRegression();
        adf.setNoIntercept(true);
        adf.newSampleData(dy, reg);
        return adf.estimateRegressionParameters()[0] / adf.estimateRegressionParametersStandardErrors()[0];
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    /** Mean over standard error ({@code sd / sqrt(n)}, ddof 1). */
    static double tStat(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return m / Math.sqrt(ss / (v.length - 1) / v.length);
    }
}
