package io.quantlake.stats;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OlsTest {

    private static double[][] regressors(SplittableRandom rnd, int n, int p) {
        double[][] x = new double[n][p];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < p; j++) {
                x[t][j] = rnd.nextGaussian() * (j + 1) + j;
            }
        }
        return x;
    }

    private static double[] response(SplittableRandom rnd, double[][] x, double c) {
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            y[t] = c + 0.3 * rnd.nextGaussian();
            for (int j = 0; j < x[t].length; j++) {
                y[t] += (j % 2 == 0 ? 1.5 : -0.7) * x[t][j];
            }
        }
        return y;
    }

    private static void assertAgreesWithCommonsMath(double[] y, double[][] x, boolean intercept) {
        OLSMultipleLinearRegression cm = new OLSMultipleLinearRegression();
        cm.setNoIntercept(!intercept);
        cm.newSampleData(y, x);
        double[] b = cm.estimateRegressionParameters();
        double[] se = cm.estimateRegressionParametersStandardErrors();
        double[] e = cm.estimateResiduals();

        OlsFit fit = Ols.fit(y, x, intercept);
        for (int j = 0; j < b.length; j++) {
            assertEquals(b[j], fit.coefficient(j), 1e-10 * (1 + Math.abs(b[j])), "coefficient " + j);
            assertEquals(se[j], fit.standardErrors()[j], 1e-10 * se[j], "standard error " + j);
            assertEquals(b[j] / se[j], fit.tStat(j), 1e-8 * (1 + Math.abs(b[j] / se[j])), "t " + j);
        }
        for (int t = 0; t < y.length; t++) {
            assertEquals(e[t], fit.residuals()[t], 1e-10, "residual " + t);
        }
        assertEquals(cm.calculateResidualSumOfSquares(), fit.ssr(), 1e-10 * fit.ssr());
        if (intercept) {
            assertEquals(cm.calculateRSquared(), fit.rSquared(), 1e-12);
        }
        int n = y.length;
        int k = b.length;
        // Gaussian log-likelihood at sigma^2 = ssr/n and AIC = -2 llf + 2k, as statsmodels defines them
        double llf = -n / 2.0 * (Math.log(2 * Math.PI) + Math.log(fit.ssr() / n) + 1);
        assertEquals(llf, fit.logLikelihood(), 1e-12 * Math.abs(llf));
        assertEquals(-2 * llf + 2 * k, fit.aic(), 1e-12 * Math.abs(llf));
        assertEquals(n, fit.nobs());
    }

    @Test
    void matchesCommonsMathWithIntercept() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int p = 1; p <= 5; p++) {
            double[][] x = regressors(rnd, 40 + 10 * p, p);
            assertAgreesWithCommonsMath(response(rnd, x, 2.0), x, true);
        }
    }

    @Test
    void matchesCommonsMathWithoutIntercept() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int p = 1; p <= 5; p++) {
            double[][] x = regressors(rnd, 30 + 7 * p, p);
            assertAgreesWithCommonsMath(response(rnd, x, 0.0), x, false);
        }
    }

    @Test
    void nestedSsrEqualsSeparateFits() {
        SplittableRandom rnd = new SplittableRandom(13);
        double[][] x = regressors(rnd, 80, 6);
        double[] y = response(rnd, x, 1.0);
        double[] nested = Ols.nestedSsr(y, x);
        for (int c = 1; c <= 6; c++) {
            double[][] prefix = new double[x.length][c];
            for (int t = 0; t < x.length; t++) {
                System.arraycopy(x[t], 0, prefix[t], 0, c);
            }
            double ssr = Ols.fit(y, prefix, false).ssr();
            assertEquals(ssr, nested[c - 1], 1e-10 * ssr, "first " + c + " columns");
        }
    }

    @Test
    void exactLineHasZeroResiduals() {
        // y = 1 + 2x on x = 0..4: coefficients (1, 2), ssr 0
        double[] y = {1, 3, 5, 7, 9};
        double[][] x = {{0}, {1}, {2}, {3}, {4}};
        OlsFit fit = Ols.fit(y, x, true);
        assertEquals(1.0, fit.coefficient(0), 1e-12);
        assertEquals(2.0, fit.coefficient(1), 1e-12);
        assertEquals(0.0, fit.ssr(), 1e-20);
        assertTrue(fit.hasIntercept());
    }

    @Test
    void resultIsImmutable() {
        OlsFit fit = Ols.fit(new double[]{1, 2, 4, 3}, new double[][]{{1}, {2}, {3}, {4}}, true);
        fit.coefficients()[0] = 99;
        fit.residuals()[0] = 99;
        assertTrue(fit.coefficient(0) != 99 && fit.residuals()[0] != 99);
    }

    @Test
    void rankDeficientDesignFailsNamingTheColumn() {
        double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 8}, {5, 10}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ols.fit(new double[]{1, 2, 3, 5, 4}, x, true));
        assertTrue(e.getMessage().contains("column 2"), e.getMessage());
    }

    @Test
    void badInputIsRejectedWithTheIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ols.fit(new double[]{1, Double.NaN, 3, 4}, new double[][]{{1}, {2}, {3}, {4}}, true));
        assertTrue(e.getMessage().contains("y[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ols.fit(new double[]{1, 2}, new double[][]{{1}, {2}}, true));
    }
}
