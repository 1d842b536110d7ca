package io.quantlake.sizing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Covariance estimators against direct computations and against numpy / pandas / scikit-learn values in
 * {@code stats/sizing-fixtures.json} (written once by {@code stats/make_fixtures.py}).
 */
class CovarianceTest {

    static JsonNode fixtures() throws IOException {
        try (InputStream in = CovarianceTest.class.getResourceAsStream("/stats/sizing-fixtures.json")) {
            assertTrue(in != null, "test resource /stats/sizing-fixtures.json is missing");
            return new ObjectMapper().readTree(in);
        }
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new double[rows.get(i).size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = rows.get(i).get(j).doubleValue();
            }
        }
        return m;
    }

    static void assertMatrix(double[][] expected, double[][] actual, double relTol, String what) {
        assertEquals(expected.length, actual.length, what + " rows");
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i][i]));
        }
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[i][j], actual[i][j], relTol * scale, what + "[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void sampleCovarianceByHand() {
        // x = (1, 2, 3, 6), y = (2, 2, 4, 4): means 3 and 3, deviations (-2,-1,0,3), (-1,-1,1,1)
        // var x = (4+1+0+9)/3 = 14/3, var y = 4/3, cov = (2+1+0+3)/3 = 2
        double[][] r = {{1, 2}, {2, 2}, {3, 4}, {6, 4}};
        assertMatrix(new double[][]{{14 / 3.0, 2}, {2, 4 / 3.0}}, Covariance.sample(r), 1e-15, "sample");
    }

    @Test
    void ewmaByHand() {
        // lambda 0.5, T = 3: raw weights (0.25, 0.5, 1) / 1.75; x = (0, 3, 6) -> mean 7.5/1.75 = 30/7
        // var = sum w (x - 30/7)^2 = (0.25*900 + 0.5*81 + 1*144) / 49 / 1.75 = 409.5 / 85.75
        double[][] r = {{0}, {3}, {6}};
        assertEquals(409.5 / 85.75, Covariance.ewma(r, 0.5)[0][0], 1e-14);
        assertEquals(0.5, Covariance.lambdaFromHalfLife(1), 1e-15);
        assertEquals(Covariance.ewma(r, Math.pow(0.5, 0.1))[0][0], Covariance.ewmaHalfLife(r, 10)[0][0], 1e-18);
    }

    @Test
    void matchesNumpyAndPandas() throws IOException {
        for (JsonNode c : fixtures().get("cases")) {
            double[][] r = matrix(c.get("returns"));
            assertMatrix(matrix(c.get("sample_cov")), Covariance.sample(r), 1e-12, "np.cov ddof=1");
            assertMatrix(matrix(c.get("ewma_cov")), Covariance.ewma(r, c.get("lambda").doubleValue()), 1e-12,
                    "pandas ewm cov bias=True");
        }
    }

    @Test
    void correlationHasUnitDiagonal() {
        double[][] corr = Covariance.correlation(new double[][]{{4, 1}, {1, 1}});
        assertEquals(1.0, corr[0][0]);
        assertEquals(0.5, corr[0][1], 1e-15);
    }

    @Test
    void invalidReturnsNameTheCell() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Covariance.sample(new double[][]{{1, 2}, {Double.NaN, 1}}));
        assertTrue(e.getMessage().contains("returns[1][0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Covariance.sample(new double[][]{{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> Covariance.ewma(new double[][]{{1}, {2}}, 1.0));
    }
}
