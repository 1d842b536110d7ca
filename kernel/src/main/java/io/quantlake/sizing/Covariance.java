package io.quantlake.sizing;

/**
 * Covariance estimators over a block of returns.
 *
 * <p>Input layout: {@code returns[t][i]} is the simple return of asset {@code i} over bar {@code t}
 * (a fraction, 0.01 = 1%), rows in time order, {@code T} rows by {@code N} columns, every value finite.
 * Output: an {@code N x N} covariance in return units squared per bar.
 */
public final class Covariance {

    private Covariance() {
    }

    /**
     * Sample covariance with {@code ddof = 1}:
     * {@code S_ij = sum_t (r_ti - mean_i)(r_tj - mean_j) / (T - 1)}. Needs {@code T >= 2}.
     */
    public static double[][] sample(double[][] returns) {
        int n = requireReturns(returns, 2);
        int t = returns.length;
        double[] w = new double[t];
        java.util.Arrays.fill(w, 1.0 / t);
        return weighted(returns, n, w, (double) t / (t - 1));
    }

    /**
     * Exponentially weighted covariance with decay {@code lambda}: observation {@code t} (0 = oldest) gets
     * weight {@code w_t = lambda^(T-1-t) / sum_s lambda^(T-1-s)}, the mean is {@code m_i = sum_t w_t r_ti}
     * and {@code C_ij = sum_t w_t (r_ti - m_i)(r_tj - m_j)} (no bias correction; pandas
     * {@code ewm(alpha = 1 - lambda, adjust=True).cov(bias=True)}). Needs {@code T >= 2}.
     *
     * @param lambda decay per bar in (0, 1); RiskMetrics daily uses 0.94
     */
    public static double[][] ewma(double[][] returns, double lambda) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("EWMA lambda must be in (0, 1), got " + lambda);
        }
        int n = requireReturns(returns, 2);
        int t = returns.length;
        double[] w = new double[t];
        double sum = 0;
        double f = 1;
        for (int s = t - 1; s >= 0; s--) {
            w[s] = f;
            sum += f;
            f *= lambda;
        }
        for (int s = 0; s < t; s++) {
            w[s] /= sum;
        }
        return weighted(returns, n, w, 1.0);
    }

    /** {@link #ewma} with the decay whose weights halve every {@code halfLife} bars: {@code 0.5^(1/halfLife)}. */
    public static double[][] ewmaHalfLife(double[][] returns, double halfLife) {
        return ewma(returns, lambdaFromHalfLife(halfLife));
    }

    /** Decay {@code lambda = 0.5^(1/halfLife)} for a half-life in bars ({@code > 0}). */
    public static double lambdaFromHalfLife(double halfLife) {
        if (!(halfLife > 0) || Double.isInfinite(halfLife)) {
            throw new IllegalArgumentException("EWMA halfLife must be finite and > 0 bars, got " + halfLife);
        }
        return Math.pow(0.5, 1.0 / halfLife);
    }

    /** Correlation matrix {@code C_ij / sqrt(C_ii C_jj)} of a covariance matrix. */
    public static double[][] correlation(double[][] cov) {
        int n = Matrices.requireCovariance(cov, "cov");
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = i == j ? 1.0 : cov[i][j] / Math.sqrt(cov[i][i] * cov[j][j]);
            }
        }
        return out;
    }

    /** {@code scale * sum_t w_t (r_t - m)(r_t - m)'} with {@code m = sum_t w_t r_t} (weights sum to 1). */
    private static double[][] weighted(double[][] returns, int n, double[] w, double scale) {
        int t = returns.length;
        double[] mean = new double[n];
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < n; i++) {
                mean[i] += w[s] * returns[s][i];
            }
        }
        double[][] cov = new double[n][n];
        double[] d = new double[n];
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < n; i++) {
                d[i] = returns[s][i] - mean[i];
            }
            for (int i = 0; i < n; i++) {
                double wi = w[s] * d[i];
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += wi * d[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                cov[i][j] *= scale;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    /** Validates a T x N block of finite returns with at least {@code minRows} rows; returns N. */
    static int requireReturns(double[][] returns, int minRows) {
        if (returns == null || returns.length < minRows) {
            throw new IllegalArgumentException("returns must have at least " + minRows + " rows (bars), got "
                    + (returns == null ? "null" : returns.length));
        }
        int n = returns[0].length;
        if (n == 0) {
            throw new IllegalArgumentException("returns has no column (asset)");
        }
        for (int t = 0; t < returns.length; t++) {
            if (returns[t].length != n) {
                throw new IllegalArgumentException("returns row " + t + " has " + returns[t].length
                        + " assets, row 0 has " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(returns[t][i])) {
                    throw new IllegalArgumentException("returns[" + t + "][" + i + "] must be finite, got "
                            + returns[t][i]);
                }
            }
        }
        return n;
    }
}
