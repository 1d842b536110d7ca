package io.quantlake.sizing;

/**
 * Ledoit-Wolf (2004) shrinkage toward a scaled identity: O. Ledoit and M. Wolf, "A well-conditioned
 * estimator for large-dimensional covariance matrices", J. Multivariate Analysis 88. Same estimator as
 * scikit-learn's {@code LedoitWolf(assume_centered=False)}.
 *
 * <p>The target is the scaled identity rather than constant correlation: it needs no correlation
 * model, is defined for any N, and keeps the estimate well conditioned for the ERC and Kelly solvers.
 * With {@code x_t} the demeaned return rows and norms scaled by {@code 1/N} ({@code ||A||^2 = tr(A A')/N}):
 * <pre>
 *   S      = (1/T) sum_t x_t x_t'                  (maximum-likelihood covariance, divisor T, not T - 1)
 *   mu     = tr(S) / N
 *   delta2 = ||S - mu I||^2
 *   beta2  = min(delta2, (1/T^2) sum_t ||x_t x_t' - S||^2)
 *   rho    = beta2 / delta2                          (0 when delta2 = 0)
 *   Sigma  = rho * mu * I + (1 - rho) * S
 * </pre>
 * The sum over {@code t} is evaluated as {@code (1/T^2)(sum_t |x_t|^4 - T ||S||_F^2)} in one pass.
 */
public final class LedoitWolf {

    private LedoitWolf() {
    }

    /**
     * Shrinks the covariance of {@code returns[t][i]} (T x N simple returns, T >= 2) toward {@code mu I}.
     *
     * @return the shrunk covariance, the intensity {@code rho} and {@code mu}
     */
    public static ShrunkCovariance shrink(double[][] returns) {
        int n = Covariance.requireReturns(returns, 2);
        int t = returns.length;
        double[] mean = new double[n];
        for (double[] row : returns) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i] / t;
            }
        }
        double[][] s = new double[n][n];
        double[] x = new double[n];
        double sumFourth = 0;
        for (double[] row : returns) {
            double sq = 0;
            for (int i = 0; i < n; i++) {
                x[i] = row[i] - mean[i];
                sq += x[i] * x[i];
            }
            sumFourth += sq * sq;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[i][j] += x[i] * x[j] / t;
                }
            }
        }
        double trace = 0;
        double frob2 = 0;
        for (int i = 0; i < n; i++) {
            trace += s[i][i];
            for (int j = 0; j < n; j++) {
                frob2 += s[i][j] * s[i][j];
            }
        }
        double mu = trace / n;
        if (!(mu > 0)) {
            throw new IllegalArgumentException("returns have zero variance in every column: nothing to shrink");
        }
        // ||S - mu I||_F^2 = ||S||_F^2 - 2 mu tr(S) + N mu^2
        double delta2 = (frob2 - 2 * mu * trace + n * mu * mu) / n;
        double beta2 = Math.min(delta2, (sumFourth - t * frob2) / ((double) t * t * n));
        double rho = delta2 == 0 ? 0 : Math.max(0, beta2 / delta2);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = (1 - rho) * s[i][j] + (i == j ? rho * mu : 0);
            }
        }
        return new ShrunkCovariance(out, rho, mu);
    }
}
