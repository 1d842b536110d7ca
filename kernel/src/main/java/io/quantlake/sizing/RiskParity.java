package io.quantlake.sizing;

/**
 * Long-only risk parity: inverse volatility and equal risk contribution (ERC) / risk budgeting.
 *
 * <p>ERC solves Spinu's convex form (F. Spinu, "An algorithm for computing risk parity weights", 2013):
 * minimise {@code F(y) = y' Sigma y / 2 - sum_i b_i ln y_i} over {@code y > 0}. Its stationary point has
 * {@code y_i (Sigma y)_i = b_i}, so {@code w = y / sum(y)} gives risk contributions proportional to the
 * budgets {@code b}. Damped Newton: with gradient {@code g = Sigma y - b / y}, Hessian
 * {@code H = Sigma + diag(b / y^2)}, step {@code d = H^-1 g} and Newton decrement {@code lambda = sqrt(g'd)},
 * {@code y <- y - d / (1 + lambda)} while {@code lambda > 0.25}, full steps after (halved while a step
 * would leave {@code y > 0}). Start: inverse-volatility weights scaled to {@code y' Sigma y = 1}.
 * Stops when {@code max_i |RC_i / b_i - 1| <= tolerance}.
 */
public final class RiskParity {

    /** Default relative tolerance on the risk contributions; 100x tighter than the 1e-8 promised. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** Default Newton iteration cap (convergence is quadratic: typically under 15). */
    public static final int DEFAULT_MAX_ITERATIONS = 200;

    private RiskParity() {
    }

    /** Inverse-volatility weights {@code w_i = (1/sigma_i) / sum_j (1/sigma_j)}, {@code sigma_i = sqrt(Sigma_ii)}. */
    public static RiskParityWeights inverseVol(double[][] cov) {
        int n = Matrices.requireCovariance(cov, "cov");
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1 / Math.sqrt(cov[i][i]);
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return new RiskParityWeights(w, riskContributions(cov, w), 0, Double.NaN);
    }

    /** Equal risk contribution ({@code b_i = 1/N}) with the default tolerance and iteration cap. */
    public static RiskParityWeights erc(double[][] cov) {
        int n = Matrices.requireCovariance(cov, "cov");
        double[] b = new double[n];
        java.util.Arrays.fill(b, 1.0 / n);
        return riskBudget(cov, b, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Risk budgeting: long-only weights whose risk contributions equal {@code budgets} (normalised to sum 1).
     *
     * @param cov           N x N symmetric positive definite covariance
     * @param budgets       positive risk budgets, one per asset
     * @param tolerance     stop when {@code max_i |RC_i / b_i - 1| <= tolerance} ({@code > 0})
     * @param maxIterations Newton iteration cap ({@code >= 1})
     * @throws RiskParityNotConvergedException with the residual and iterations when the cap is reached
     * @throws IllegalArgumentException        when {@code cov} is not a valid SPD covariance
     */
    public static RiskParityWeights riskBudget(double[][] cov, double[] budgets, double tolerance, int maxIterations) {
        int n = Matrices.requireCovariance(cov, "cov");
        double[] b = normalisedBudgets(budgets, n);
        if (!(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("tolerance must be > 0 and maxIterations >= 1, got " + tolerance
                    + ", " + maxIterations);
        }
        Matrices.requirePositiveDefinite(cov, "cov");
        double[] y = inverseVol(cov).weights();
        double scale = 1 / Math.sqrt(Matrices.quadraticForm(cov, y));
        for (int i = 0; i < n; i++) {
            y[i] *= scale;
        }
        double[][] h = new double[n][n];
        double[] g = new double[n];
        double residual = residual(cov, y, b);
        int it = 0;
        while (residual > tolerance) {
            if (it == maxIterations) {
                throw new RiskParityNotConvergedException("ERC Newton solver did not converge to tolerance "
                        + tolerance, residual, it);
            }
            double[] sy = Matrices.multiply(cov, y);
            for (int i = 0; i < n; i++) {
                g[i] = sy[i] - b[i] / y[i];
                System.arraycopy(cov[i], 0, h[i], 0, n);
                h[i][i] += b[i] / (y[i] * y[i]);
            }
            double[] d = Matrices.solveSpd(h, g, "ERC Newton Hessian (cov + diag(b/y^2))");
            double decrement = 0;
            for (int i = 0; i < n; i++) {
                decrement += g[i] * d[i];
            }
            double step = decrement > 0.0625 ? 1 / (1 + Math.sqrt(decrement)) : 1;
            while (!positiveAfter(y, d, step)) {
                step /= 2;
                if (step < 1e-20) {
                    throw new RiskParityNotConvergedException("ERC Newton step cannot keep the weights positive",
                            residual, it);
                }
            }
            for (int i = 0; i < n; i++) {
                y[i] -= step * d[i];
            }
            it++;
            residual = residual(cov, y, b);
        }
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        for (int i = 0; i < n; i++) {
            y[i] /= sum;
        }
        return new RiskParityWeights(y, riskContributions(cov, y), it, residual);
    }

    /** {@code RC_i = w_i (Sigma w)_i / (w' Sigma w)}: each asset's share of the portfolio variance. */
    public static double[] riskContributions(double[][] cov, double[] w) {
        int n = Matrices.requireCovariance(cov, "cov");
        Matrices.requireVector(w, n, "w");
        double[] sw = Matrices.multiply(cov, w);
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += w[i] * sw[i];
        }
        if (!(var > 0)) {
            throw new IllegalArgumentException("portfolio variance w' cov w must be > 0, got " + var);
        }
        double[] rc = new double[n];
        for (int i = 0; i < n; i++) {
            rc[i] = w[i] * sw[i] / var;
        }
        return rc;
    }

    private static double residual(double[][] cov, double[] y, double[] b) {
        double[] rc = riskContributions(cov, y);
        double worst = 0;
        for (int i = 0; i < rc.length; i++) {
            worst = Math.max(worst, Math.abs(rc[i] / b[i] - 1));
        }
        return worst;
    }

    private static boolean positiveAfter(double[] y, double[] d, double step) {
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] - step * d[i] > 0)) {
                return false;
            }
        }
        return true;
    }

    private static double[] normalisedBudgets(double[] budgets, int n) {
        Matrices.requireVector(budgets, n, "budgets");
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(budgets[i] > 0)) {
                throw new IllegalArgumentException("budgets[" + i + "] must be > 0, got " + budgets[i]);
            }
            sum += budgets[i];
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = budgets[i] / sum;
        }
        return b;
    }
}
