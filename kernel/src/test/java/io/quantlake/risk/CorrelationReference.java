package io.quantlake.risk;

import java.util.Random;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/** From-scratch reference computations and synthetic return streams for the tracker tests. */
final class CorrelationReference {

    private CorrelationReference() {
    }

    /**
     * Pairwise-complete Pearson correlation of columns {@code i, j} over rows {@code from..to} (inclusive) by
     * commons-math; NaN with fewer than {@code minPeriods} joint rows or a constant column.
     */
    static double pearson(double[][] rows, int from, int to, int i, int j, int minPeriods) {
        double[][] xy = joint(rows, from, to, i, j);
        if (xy[0].length < minPeriods || constant(xy[0]) || constant(xy[1])) {
            return Double.NaN;
        }
        if (i == j) {
            return 1.0;
        }
        // the matrix form (covariance / (sd sd)); PearsonsCorrelation.correlation(x, y) goes through
        // SimpleRegression's R² = 1 - SSE/SST and loses digits near rho = 0
        double[][] data = new double[xy[0].length][];
        for (int s = 0; s < data.length; s++) {
            data[s] = new double[]{xy[0][s], xy[1][s]};
        }
        return new PearsonsCorrelation(data).getCorrelationMatrix().getEntry(0, 1);
    }

    /**
     * Direct EWMA correlation of columns {@code i, j} over their joint rows among {@code 0..to}: weights
     * {@code λ^(T-1-s)}, normalized; weighted means; {@code Σ w (x - mx)(y - my)}.
     */
    static double ewma(double[][] rows, int to, int i, int j, double lambda, int minPeriods) {
        double[][] xy = joint(rows, 0, to, i, j);
        int t = xy[0].length;
        if (t < minPeriods || constant(xy[0]) || constant(xy[1])) {
            return Double.NaN;
        }
        double[] w = new double[t];
        double total = 0;
        for (int s = 0; s < t; s++) {
            w[s] = Math.pow(lambda, t - 1 - s);
            total += w[s];
        }
        double mx = 0;
        double my = 0;
        for (int s = 0; s < t; s++) {
            mx += w[s] / total * xy[0][s];
            my += w[s] / total * xy[1][s];
        }
        double cxy = 0;
        double cxx = 0;
        double cyy = 0;
        for (int s = 0; s < t; s++) {
            double dx = xy[0][s] - mx;
            double dy = xy[1][s] - my;
            cxy += w[s] / total * dx * dy;
            cxx += w[s] / total * dx * dx;
            cyy += w[s] / total * dy * dy;
        }
        return cxy / Math.sqrt(cxx * cyy);
    }

    /** The finite-in-both rows of columns {@code i, j} among {@code from..to}, as {x, y}. */
    static double[][] joint(double[][] rows, int from, int to, int i, int j) {
        int m = 0;
        for (int s = from; s <= to; s++) {
            m += !Double.isNaN(rows[s][i]) && !Double.isNaN(rows[s][j]) ? 1 : 0;
        }
        double[][] xy = new double[2][m];
        int k = 0;
        for (int s = from; s <= to; s++) {
            if (!Double.isNaN(rows[s][i]) && !Double.isNaN(rows[s][j])) {
                xy[0][k] = rows[s][i];
                xy[1][k++] = rows[s][j];
            }
        }
        return xy;
    }

    private static boolean constant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code bars x n} returns {@code 0.01 (β_i f + e_i)} with one common factor {@code f}, loadings
     * {@code β_i} in [-1, 1.5], standard normal {@code f, e}; each value NaN with probability {@code nanProb}.
     */
    static double[][] factorStream(long seed, int bars, int n, double nanProb) {
        Random rnd = new Random(seed);
        double[] beta = new double[n];
        for (int i = 0; i < n; i++) {
            beta[i] = -1 + 2.5 * rnd.nextDouble();
        }
        double[][] rows = new double[bars][n];
        for (int t = 0; t < bars; t++) {
            double f = rnd.nextGaussian();
            for (int i = 0; i < n; i++) {
                double r = 0.01 * (beta[i] * f + rnd.nextGaussian());
                rows[t][i] = rnd.nextDouble() < nanProb ? Double.NaN : r;
            }
        }
        return rows;
    }
}
