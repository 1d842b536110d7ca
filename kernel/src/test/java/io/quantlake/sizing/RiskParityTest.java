package io.quantlake.sizing;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskParityTest {

    /** A random SPD covariance: vols in [1%, 100%], correlations from k factors plus idiosyncratic noise. */
    static double[][] randomCovariance(int n, long seed, double idio) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int k = 1 + rnd.nextInt(3);
        double[][] load = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < k; f++) {
                load[i][f] = rnd.nextGaussian();
            }
        }
        double[] vol = new double[n];
        for (int i = 0; i < n; i++) {
            vol[i] = 0.01 * Math.pow(100, rnd.nextDouble());
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = i == j ? idio : 0;
                for (int f = 0; f < k; f++) {
                    v += load[i][f] * load[j][f];
                }
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] = c[i][j] / Math.sqrt(c[i][i] * c[j][j]) * vol[i] * vol[j];
            }
        }
        return symmetrise(cov);
    }

    private static double[][] symmetrise(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < i; j++) {
                m[j][i] = m[i][j];
            }
        }
        return m;
    }

    @Property(tries = 300)
    void ercRiskContributionsAreEqual(@ForAll @IntRange(min = 2, max = 12) int n, @ForAll long seed,
                                      @ForAll @DoubleRange(min = 0.01, max = 2) double idiosyncratic) {
        double[][] cov = randomCovariance(n, seed, idiosyncratic);
        RiskParityWeights erc = RiskParity.erc(cov);
        double[] w = erc.weights();
        double[] rc = RiskParity.riskContributions(cov, w);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(w[i] > 0, "long only");
            sum += w[i];
        }
        assertEquals(1.0, sum, 1e-12);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(1.0, rc[i] / rc[j], 1e-8, "RC_" + i + " / RC_" + j);
            }
            assertEquals(rc[i], erc.riskContributions()[i], 1e-15);
        }
        assertTrue(erc.residual() <= RiskParity.DEFAULT_TOLERANCE);
        assertTrue(erc.iterations() < 50, "quadratic convergence, took " + erc.iterations());
    }

    @Test
    void inverseVolIsErcOnADiagonalCovariance() {
        // vols 10%, 20%, 40%: w ~ (1/0.1, 1/0.2, 1/0.4) = (10, 5, 2.5) / 17.5
        double[][] cov = {{0.01, 0, 0}, {0, 0.04, 0}, {0, 0, 0.16}};
        double[] expected = {10 / 17.5, 5 / 17.5, 2.5 / 17.5};
        assertArrayEquals(expected, RiskParity.inverseVol(cov).weights(), 1e-15);
        assertArrayEquals(expected, RiskParity.erc(cov).weights(), 1e-10);
        assertArrayEquals(new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0}, RiskParity.inverseVol(cov).riskContributions(), 1e-15);
    }

    @Test
    void twoAssetErcIsInverseVolWhateverTheCorrelation() {
        // for N = 2, w1 s1 (w1 s1 + rho w2 s2) = w2 s2 (w2 s2 + rho w1 s1) <=> w1 s1 = w2 s2
        for (double rho : new double[]{-0.9, 0, 0.5, 0.95}) {
            double[][] cov = {{0.04, rho * 0.2 * 0.5}, {rho * 0.2 * 0.5, 0.25}};
            assertArrayEquals(new double[]{0.5 / 0.7, 0.2 / 0.7}, RiskParity.erc(cov).weights(), 1e-10, "rho " + rho);
        }
    }

    @Test
    void riskBudgetsAreMet() {
        double[][] cov = randomCovariance(5, 42, 0.3);
        double[] budgets = {1, 2, 3, 4, 10};
        double[] rc = RiskParity.riskBudget(cov, budgets, 1e-12, 100).riskContributions();
        for (int i = 0; i < 5; i++) {
            assertEquals(budgets[i] / 20, rc[i], 1e-12 * budgets[i] / 20 * 10, "budget " + i);
        }
    }

    @Test
    void nonConvergenceFailsLoudlyWithResidualAndIterations() {
        double[][] cov = randomCovariance(8, 9, 0.05);
        RiskParityNotConvergedException e = assertThrows(RiskParityNotConvergedException.class,
                () -> RiskParity.riskBudget(cov, new double[]{1, 1, 1, 1, 1, 1, 1, 1}, 1e-10, 1));
        assertEquals(1, e.iterations());
        assertTrue(e.residual() > 1e-10);
        assertTrue(e.getMessage().contains("residual") && e.getMessage().contains("1 iterations"), e.getMessage());
    }

    @Test
    void invalidCovarianceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RiskParity.erc(new double[][]{{0.04, 0.01}, {0.02, 0.09}}));
        assertThrows(IllegalArgumentException.class, () -> RiskParity.erc(new double[][]{{0.04, 0}, {0, 0}}));
        // not positive definite: correlation 2
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RiskParity.erc(new double[][]{{1, 2}, {2, 1}}));
        assertTrue(e.getMessage().contains("positive definite") || e.getMessage().contains("variance"), e.getMessage());
    }
}
