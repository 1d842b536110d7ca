package io.quantlake.stats;

import java.util.Objects;

/**
 * Ordinary least squares by Householder QR: {@code min_b ||y - X b||^2}.
 *
 * <p>Stateless: {@link #fit} returns an {@link OlsFit} value. Fails loudly (naming the column) when the
 * design is rank deficient instead of returning a pseudo-inverse solution.
 */
public final class Ols {

    /** A diagonal entry of R below this fraction of the largest one marks a rank-deficient design. */
    static final double RANK_TOLERANCE = 1e-12;

    private Ols() {
    }

    /**
     * Fits {@code y_t = [c +] sum_j b_j x[t][j] + e_t}.
     *
     * @param y         observations, length {@code nobs}
     * @param x         regressors as rows: {@code x[t][j]} is regressor {@code j} at observation {@code t};
     *                  every row has the same length (may be 0 when {@code intercept})
     * @param intercept prepend a column of ones (its coefficient is then index 0)
     * @return the fit, with standard errors, t-statistics, log-likelihood and AIC as statsmodels defines them
     * @throws IllegalArgumentException on mismatched lengths, non-finite input, too few observations or a
     *                                  rank-deficient design
     */
    public static OlsFit fit(double[] y, double[][] x, boolean intercept) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
        int n = y.length;
        if (x.length != n) {
            throw new IllegalArgumentException("y has " + n + " observations but x has " + x.length + " rows");
        }
        int p = n == 0 ? 0 : x[0].length;
        int off = intercept ? 1 : 0;
        int k = p + off;
        if (k == 0) {
            throw new IllegalArgumentException("design has no column: x rows are empty and intercept is false");
        }
        if (n <= k) {
            throw new IllegalArgumentException("need more observations than coefficients: nobs " + n + ", k " + k);
        }
        // column-major copy of the design: a[j][t]
        double[][] a = new double[k][n];
        for (int t = 0; t < n; t++) {
            double[] row = x[t];
            if (row.length != p) {
                throw new IllegalArgumentException("x row " + t + " has " + row.length + " columns, row 0 has " + p);
            }
            if (!Double.isFinite(y[t])) {
                throw new IllegalArgumentException("y[" + t + "] is not finite: " + y[t]);
            }
            if (intercept) {
                a[0][t] = 1.0;
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("x[" + t + "][" + j + "] is not finite: " + row[j]);
                }
                a[j + off][t] = row[j];
            }
        }
        return solve(y, x, a, n, k, intercept);
    }

    private static OlsFit solve(double[] y, double[][] x, double[][] a, int n, int k, boolean intercept) {
        double[] qty = y.clone();
        double[] rDiag = householder(a, qty, n, k, intercept);
        // R[i][j] = a[j][i] for i < j, rDiag[j] on the diagonal
        double[] b = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = qty[i];
            for (int j = i + 1; j < k; j++) {
                s -= a[j][i] * b[j];
            }
            b[i] = s / rDiag[i];
        }
        double[] resid = new double[n];
        double ssr = 0;
        int off = intercept ? 1 : 0;
        for (int t = 0; t < n; t++) {
            double fitted = intercept ? b[0] : 0;
            double[] row = x[t];
            for (int j = off; j < k; j++) {
                fitted += b[j] * row[j - off];
            }
            resid[t] = y[t] - fitted;
            ssr += resid[t] * resid[t];
        }
        return finish(y, b, invertUpper(a, rDiag, k), resid, ssr, n, k, intercept);
    }

    /**
     * Sums of squared residuals of the nested fits of {@code y} on the first {@code c} columns of
     * {@code design}, {@code c = 1..k}, from one QR decomposition: {@code ssr_c = sum_{t >= c} (Q'y)_t^2}.
     * Used for lag selection, where the candidate models are nested column prefixes.
     *
     * @return {@code ssr[c - 1]} for the first {@code c} columns
     */
    static double[] nestedSsr(double[] y, double[][] design) {
        int n = y.length;
        int k = design[0].length;
        if (n <= k) {
            throw new IllegalArgumentException("need more observations than coefficients: nobs " + n + ", k " + k);
        }
        double[][] a = new double[k][n];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < k; j++) {
                a[j][t] = design[t][j];
            }
        }
        double[] qty = y.clone();
        householder(a, qty, n, k, false);
        double[] ssr = new double[k];
        double tail = 0;
        for (int t = k; t < n; t++) {
            tail += qty[t] * qty[t];
        }
        for (int c = k; c >= 1; c--) {
            ssr[c - 1] = tail;
            tail += qty[c - 1] * qty[c - 1];
        }
        return ssr;
    }

    /** Gaussian log-likelihood {@code -n/2 (ln(2 pi) + ln(ssr / n) + 1)} at the ML variance. */
    static double logLikelihood(double ssr, int n) {
        return -0.5 * n * (Math.log(2 * Math.PI) + Math.log(ssr / n) + 1);
    }

    /**
     * Householder QR in place: column-major {@code a} ends with R's strict upper triangle
     * ({@code R[i][j] = a[j][i]}, i < j) and the reflectors; {@code qty} becomes {@code Q'y}.
     *
     * @return the diagonal of R
     * @throws IllegalArgumentException when a diagonal entry is negligible (rank-deficient design)
     */
    private static double[] householder(double[][] a, double[] qty, int n, int k, boolean intercept) {
        double[] rDiag = new double[k];
        for (int j = 0; j < k; j++) {
            double[] col = a[j];
            double sq = 0;
            for (int t = j; t < n; t++) {
                sq += col[t] * col[t];
            }
            double norm = Math.sqrt(sq);
            double alpha = col[j] > 0 ? -norm : norm;
            rDiag[j] = alpha;
            if (norm == 0) {
                continue;
            }
            // Householder vector v stored in col[j..n), v = x - alpha e1
            col[j] -= alpha;
            double vtv = 0;
            for (int t = j; t < n; t++) {
                vtv += col[t] * col[t];
            }
            for (int c = j + 1; c < k; c++) {
                reflect(col, a[c], j, n, vtv);
            }
            reflect(col, qty, j, n, vtv);
        }
        double maxDiag = 0;
        for (double d : rDiag) {
            maxDiag = Math.max(maxDiag, Math.abs(d));
        }
        for (int j = 0; j < k; j++) {
            if (!(Math.abs(rDiag[j]) > RANK_TOLERANCE * maxDiag)) {
                throw new IllegalArgumentException("design is rank deficient: column " + j
                        + (intercept ? " (0 = intercept)" : "") + " is a linear combination of earlier columns");
            }
        }
        return rDiag;
    }

    /** Applies {@code I - 2 v v' / v'v} to {@code target[from..n)}. */
    private static void reflect(double[] v, double[] target, int from, int n, double vtv) {
        double dot = 0;
        for (int t = from; t < n; t++) {
            dot += v[t] * target[t];
        }
        double f = 2 * dot / vtv;
        for (int t = from; t < n; t++) {
            target[t] -= f * v[t];
        }
    }

    /** Row-major {@code R^-1} (k x k, upper triangular). */
    private static double[] invertUpper(double[][] a, double[] rDiag, int k) {
        double[] inv = new double[k * k];
        for (int c = 0; c < k; c++) {
            inv[c * k + c] = 1.0 / rDiag[c];
            for (int i = c - 1; i >= 0; i--) {
                double s = 0;
                for (int j = i + 1; j <= c; j++) {
                    s += a[j][i] * inv[j * k + c];
                }
                inv[i * k + c] = -s / rDiag[i];
            }
        }
        return inv;
    }

    private static OlsFit finish(double[] y, double[] b, double[] rinv, double[] resid, double ssr, int n,
                                 int k, boolean intercept) {
        double sigma2 = ssr / (n - k);
        double[] se = new double[k];
        double[] tv = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = i; j < k; j++) {
                s += rinv[i * k + j] * rinv[i * k + j];
            }
            se[i] = Math.sqrt(sigma2 * s);
            tv[i] = b[i] / se[i];
        }
        double llf = logLikelihood(ssr, n);
        double aic = -2 * llf + 2 * k;
        double mean = 0;
        if (intercept) {
            for (double v : y) {
                mean += v;
            }
            mean /= n;
        }
        double tss = 0;
        for (double v : y) {
            tss += (v - mean) * (v - mean);
        }
        return new OlsFit(b, se, tv, resid, ssr, n, llf, aic, 1 - ssr / tss, intercept);
    }
}
