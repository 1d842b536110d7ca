package io.quantlake.sizing;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSquareMatrixException;

/** Small dense helpers shared by the sizing methods: validation, products and SPD solves. */
final class Matrices {

    /** Relative asymmetry tolerated in a covariance matrix. */
    static final double SYMMETRY_TOLERANCE = 1e-10;
    /** A Cholesky pivot at or below this fraction of the largest diagonal entry means "not positive definite". */
    static final double PIVOT_TOLERANCE = 1e-14;

    private Matrices() {
    }

    /**
     * Checks that {@code cov} is a square, finite, symmetric matrix with a positive diagonal and returns
     * its dimension.
     */
    static int requireCovariance(double[][] cov, String name) {
        if (cov == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        int n = cov.length;
        if (n == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        for (int i = 0; i < n; i++) {
            if (cov[i].length != n) {
                throw new IllegalArgumentException(name + " must be square: row " + i + " has " + cov[i].length
                        + " columns, expected " + n);
            }
        }
        for (int i = 0; i < n; i++) {
            if (!(cov[i][i] > 0) || !Double.isFinite(cov[i][i])) {
                throw new IllegalArgumentException(name + "[" + i + "][" + i + "] (a variance) must be finite and > 0, got "
                        + cov[i][i]);
            }
            for (int j = 0; j < i; j++) {
                double a = cov[i][j];
                double b = cov[j][i];
                double scale = Math.sqrt(cov[i][i] * cov[j][j]);
                if (!Double.isFinite(a) || Math.abs(a - b) > SYMMETRY_TOLERANCE * scale) {
                    throw new IllegalArgumentException(name + " must be finite and symmetric: [" + i + "][" + j + "] = "
                            + a + ", [" + j + "][" + i + "] = " + b);
                }
            }
        }
        return n;
    }

    /** Checks that {@code v} has {@code n} finite entries. */
    static void requireVector(double[] v, int n, String name) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException(name + " must have " + n + " entries, got "
                    + (v == null ? "null" : v.length));
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + v[i]);
            }
        }
    }

    /** {@code cov * w}. */
    static double[] multiply(double[][] cov, double[] w) {
        int n = w.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            double[] row = cov[i];
            for (int j = 0; j < n; j++) {
                s += row[j] * w[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** {@code w' cov w}. */
    static double quadraticForm(double[][] cov, double[] w) {
        double[] cw = multiply(cov, w);
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * cw[i];
        }
        return s;
    }

    /** Solves {@code a x = b} for a symmetric positive definite {@code a} by Cholesky; fails naming {@code name}. */
    static double[] solveSpd(double[][] a, double[] b, String name) {
        double maxDiag = 0;
        for (int i = 0; i < a.length; i++) {
            maxDiag = Math.max(maxDiag, Math.abs(a[i][i]));
        }
        try {
            double[] x = new CholeskyDecomposition(new Array2DRowRealMatrix(a, true), SYMMETRY_TOLERANCE, PIVOT_TOLERANCE * maxDiag)
                    .getSolver().solve(new ArrayRealVector(b, false)).toArray();
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i])) {
                    throw new IllegalArgumentException(name + " is numerically singular: solution[" + i + "] = " + x[i]);
                }
            }
            return x;
        } catch (NonPositiveDefiniteMatrixException | NonSquareMatrixException e) {
            throw new IllegalArgumentException(name + " is not symmetric positive definite: " + e.getMessage(), e);
        }
    }

    /** Checks that a validated covariance is positive definite (Cholesky succeeds). */
    static void requirePositiveDefinite(double[][] cov, String name) {
        solveSpd(cov, new double[cov.length], name);
    }

    /** Sum of absolute values. */
    static double gross(double[] w) {
        double s = 0;
        for (double v : w) {
            s += Math.abs(v);
        }
        return s;
    }

    /** Deep copy of a matrix. */
    static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
