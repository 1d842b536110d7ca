package io.quantlake.strategy.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.stats.Ols;
import io.quantlake.stats.OlsFit;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hedge-ratio estimators and the spread z-score against direct computations. */
class HedgeRatioTest {

    /**
     * Three Kalman steps by hand with explicit 2 x 2 matrices: delta 0.2 so Vw = 0.25 I, ve 0.5,
     * theta_0 = 0, P_0 = 0; observations (y, x) = (1, 2), (2, 3), (2.5, 3.5).
     */
    @Test
    void kalmanFilterMatchesAHandComputationForThreeSteps() {
        KalmanHedge.Filter f = new KalmanHedge(0.2, 0.5, 1).start();
        double[][] obs = {{1, 2}, {2, 3}, {2.5, 3.5}};
        double[] theta = {0, 0};
        double[][] p = {{0, 0}, {0, 0}};
        double vw = 0.2 / 0.8;
        for (double[] o : obs) {
            double y = o[0];
            double[] fv = {1, o[1]};
            double[][] r = {{p[0][0] + vw, p[0][1]}, {p[1][0], p[1][1] + vw}};
            double yhat = fv[0] * theta[0] + fv[1] * theta[1];
            double[] rf = {r[0][0] * fv[0] + r[0][1] * fv[1], r[1][0] * fv[0] + r[1][1] * fv[1]};
            double q = fv[0] * rf[0] + fv[1] * rf[1] + 0.5;
            double[] k = {rf[0] / q, rf[1] / q};
            theta = new double[] {theta[0] + k[0] * (y - yhat), theta[1] + k[1] * (y - yhat)};
            double[] fr = {fv[0] * r[0][0] + fv[1] * r[1][0], fv[0] * r[0][1] + fv[1] * r[1][1]};
            p = new double[][] {{r[0][0] - k[0] * fr[0], r[0][1] - k[0] * fr[1]}, {r[1][0] - k[1] * fr[0], r[1][1] - k[1] * fr[1]}};
            f.update(y, o[1]);
            assertEquals(theta[0], f.alpha(), 1e-14);
            assertEquals(theta[1], f.beta(), 1e-14);
            assertEquals(p[0][0], f.covariance(0, 0), 1e-14);
            assertEquals(p[0][1], f.covariance(0, 1), 1e-14);
            assertEquals(p[1][1], f.covariance(1, 1), 1e-14);
        }
        // step 1 in closed form: R = 0.25 I, F = [1, 2], Q = 0.25 + 1 + 0.5 = 1.75, K = [0.25, 0.5] / 1.75
        KalmanHedge.Filter one = new KalmanHedge(0.2, 0.5, 1).start();
        one.update(1, 2);
        assertEquals(0.25 / 1.75, one.alpha(), 1e-15);
        assertEquals(0.5 / 1.75, one.beta(), 1e-15);
    }

    @Test
    void kalmanWarmupHidesTheEstimate() {
        KalmanHedge.Filter f = new KalmanHedge(1e-4, 1e-3, 3).start();
        f.update(1, 1);
        f.update(2, 2);
        assertFalse(f.ready());
        assertTrue(Double.isNaN(f.beta()));
        f.update(3, 3);
        assertTrue(f.ready());
    }

    @Test
    void rollingOlsEqualsOlsFitOnTheWindow() {
        Random r = new Random(3);
        int n = 80;
        int l = 15;
        double[] y = new double[n];
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = (t == 0 ? 3 : x[t - 1]) + 0.05 * r.nextGaussian();
            y[t] = 1 + 0.7 * x[t] + 0.02 * r.nextGaussian();
        }
        HedgeRatio.Tracker h = new RollingOlsHedge(l).start();
        for (int t = 0; t < n; t++) {
            h.update(y[t], x[t]);
            if (t < l - 1) {
                assertFalse(h.ready(), "warm-up at " + t);
                continue;
            }
            double[] wy = new double[l];
            double[][] wx = new double[l][1];
            for (int k = 0; k < l; k++) {
                wy[k] = y[t - l + 1 + k];
                wx[k][0] = x[t - l + 1 + k];
            }
            OlsFit fit = Ols.fit(wy, wx, true);
            assertEquals(fit.coefficient(0), h.alpha(), 1e-10, "alpha at " + t);
            assertEquals(fit.coefficient(1), h.beta(), 1e-10, "beta at " + t);
        }
    }

    @Test
    void rollingOlsIsNotReadyOnAConstantRegressor() {
        HedgeRatio.Tracker h = new RollingOlsHedge(3).start();
        for (int t = 0; t < 5; t++) {
            h.update(t, 2.0);
        }
        assertFalse(h.ready());
    }

    /** z_t over the last L spreads, each spread with its own bar's hedge ratio; missing bars give NaN and do not count. */
    @Test
    void spreadZScoreIsTheDirectComputation() {
        Random r = new Random(11);
        int n = 60;
        int l = 10;
        int zl = 6;
        double[] y = new double[n];
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = t == 25 ? Double.NaN : 2 + 0.1 * Math.sin(t / 3.0) + 0.01 * r.nextGaussian();
            y[t] = 0.5 + 1.3 * (Double.isNaN(x[t]) ? 2 : x[t]) + 0.01 * r.nextGaussian();
        }
        SpreadModel m = new SpreadModel(new RollingOlsHedge(l), zl);
        HedgeRatio.Tracker h = new RollingOlsHedge(l).start();
        double[] spreads = new double[n];
        int count = 0;
        for (int t = 0; t < n; t++) {
            m.advance(t, y[t], x[t]);
            m.advance(t, 999, 999); // a second feed of the same bar is ignored
            if (Double.isNaN(x[t])) {
                assertTrue(Double.isNaN(m.z()), "missing bar " + t);
                continue;
            }
            h.update(y[t], x[t]);
            if (!h.ready()) {
                assertTrue(Double.isNaN(m.z()));
                continue;
            }
            spreads[count++] = y[t] - (h.alpha() + h.beta() * x[t]);
            if (count < zl) {
                assertTrue(Double.isNaN(m.z()), "z warm-up at " + t);
                continue;
            }
            double mean = 0;
            for (int k = count - zl; k < count; k++) {
                mean += spreads[k];
            }
            mean /= zl;
            double ss = 0;
            for (int k = count - zl; k < count; k++) {
                ss += (spreads[k] - mean) * (spreads[k] - mean);
            }
            double z = (spreads[count - 1] - mean) / Math.sqrt(ss / (zl - 1));
            assertEquals(z, m.z(), 1e-9, "z at " + t);
            assertEquals(spreads[count - 1], m.spread(), 1e-15);
        }
        assertTrue(count > zl + 20);
    }
}
