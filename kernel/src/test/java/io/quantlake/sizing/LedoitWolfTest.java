package io.quantlake.sizing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.SplittableRandom;

import static io.quantlake.sizing.CovarianceTest.assertMatrix;
import static io.quantlake.sizing.CovarianceTest.matrix;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LedoitWolfTest {

    @Test
    void handComputedExample() {
        // rows (2,0), (-2,0), (0,1), (0,-1): mean 0, S = diag(8, 2) / 4 = diag(2, 0.5), mu = 1.25
        // delta2 = ((2 - 1.25)^2 + (0.5 - 1.25)^2) / 2 = 0.5625
        // x_t x_t' - S = diag(2, -0.5) or diag(-2, 0.5): squared norm 4.25 each, sum 17
        // beta2 = 17 / (4^2 * 2) = 0.53125 < delta2, so rho = 0.53125 / 0.5625 = 17/18
        // Sigma = S / 18 + (17/18) 1.25 I = diag(23.25, 21.75) / 18
        ShrunkCovariance r = LedoitWolf.shrink(new double[][]{{2, 0}, {-2, 0}, {0, 1}, {0, -1}});
        assertEquals(17 / 18.0, r.shrinkage(), 1e-15);
        assertEquals(1.25, r.target(), 1e-15);
        assertMatrix(new double[][]{{23.25 / 18, 0}, {0, 21.75 / 18}}, r.covariance(), 1e-15, "shrunk");
    }

    @Test
    void handComputedExampleWhereShrinkageIsClamped() {
        // rows (1,0), (-1,0), (0,3): mean (0,1), S = diag(2/3, 2), mu = 4/3, delta2 = 4/9,
        // sum_t ||x_t x_t' - S||^2 = 28/9 + 28/9 + 40/9 = 32/3, beta2 = (32/3) / (9 * 2) = 16/27 > delta2
        // so beta2 = delta2, rho = 1 and Sigma = (4/3) I
        ShrunkCovariance r = LedoitWolf.shrink(new double[][]{{1, 0}, {-1, 0}, {0, 3}});
        assertEquals(1.0, r.shrinkage(), 1e-15);
        assertMatrix(new double[][]{{4 / 3.0, 0}, {0, 4 / 3.0}}, r.covariance(), 1e-15, "shrunk");
    }

    @Test
    void matchesTheDefinitionOnRandomReturns() {
        // the definition with explicit outer products, against the one-pass expansion in LedoitWolf
        SplittableRandom rnd = new SplittableRandom(17);
        int t = 30;
        int n = 4;
        double[][] r = new double[t][n];
        for (double[] row : r) {
            for (int i = 0; i < n; i++) {
                row[i] = 0.02 * rnd.nextGaussian() * (i + 1) + 0.001;
            }
        }
        double[][] s = Covariance.sample(r);
        for (double[] row : s) {
            for (int j = 0; j < n; j++) {
                row[j] *= (t - 1.0) / t;
            }
        }
        double mu = 0;
        for (int i = 0; i < n; i++) {
            mu += s[i][i] / n;
        }
        double delta2 = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = s[i][j] - (i == j ? mu : 0);
                delta2 += d * d / n;
            }
        }
        double[] mean = new double[n];
        for (double[] row : r) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i] / t;
            }
        }
        double beta2 = 0;
        for (double[] row : r) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double d = (row[i] - mean[i]) * (row[j] - mean[j]) - s[i][j];
                    beta2 += d * d / ((double) t * t * n);
                }
            }
        }
        double rho = Math.min(beta2, delta2) / delta2;
        ShrunkCovariance lw = LedoitWolf.shrink(r);
        assertEquals(rho, lw.shrinkage(), 1e-12);
        double[][] expected = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                expected[i][j] = (1 - rho) * s[i][j] + (i == j ? rho * mu : 0);
            }
        }
        assertMatrix(expected, lw.covariance(), 1e-12, "shrunk");
    }

    @Test
    void matchesScikitLearn() throws IOException {
        for (JsonNode c : CovarianceTest.fixtures().get("cases")) {
            ShrunkCovariance lw = LedoitWolf.shrink(matrix(c.get("returns")));
            assertEquals(c.get("lw_shrinkage").doubleValue(), lw.shrinkage(), 1e-12, "sklearn shrinkage_");
            assertMatrix(matrix(c.get("lw_cov")), lw.covariance(), 1e-12, "sklearn covariance_");
        }
    }
}
