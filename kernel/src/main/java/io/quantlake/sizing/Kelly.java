package io.quantlake.sizing;

/**
 * Kelly growth-optimal sizing. Every method returns FULL Kelly as a fraction of equity (negative = short,
 * or "no edge" for a bet that cannot be shorted); {@link #sized} then applies a fraction and caps.
 */
public final class Kelly {

    private Kelly() {
    }

    /**
     * Discrete bet that wins {@code payoff} per unit staked with probability {@code winRate} and loses the
     * stake otherwise: {@code f = p - (1 - p) / b}. Example: {@code p = 0.6, b = 1} gives 0.2.
     *
     * @param winRate probability of a win, in [0, 1]
     * @param payoff  net odds {@code b}: average win / average loss, {@code > 0}
     */
    public static double discrete(double winRate, double payoff) {
        if (!(winRate >= 0 && winRate <= 1)) {
            throw new IllegalArgumentException("Kelly winRate must be in [0, 1], got " + winRate);
        }
        if (!(payoff > 0) || Double.isInfinite(payoff)) {
            throw new IllegalArgumentException("Kelly payoff (win/loss ratio) must be finite and > 0, got " + payoff);
        }
        return winRate - (1 - winRate) / payoff;
    }

    /**
     * Continuous-time Kelly leverage for an asset with drift {@code mu} and volatility {@code sigma}
     * (same period, excess over the funding rate): {@code f = mu / sigma^2}. Example: 0.1 / 0.2^2 = 2.5.
     */
    public static double continuous(double mu, double sigma) {
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("Kelly mu must be finite, got " + mu);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Kelly sigma must be finite and > 0, got " + sigma);
        }
        return mu / (sigma * sigma);
    }

    /**
     * Multi-asset Kelly {@code f = Sigma_s^-1 mu} with the covariance shrunk toward its diagonal:
     * {@code Sigma_s = (1 - shrinkage) Sigma + shrinkage diag(Sigma)}. With {@code shrinkage = 1} each asset
     * gets its own {@code mu_i / sigma_i^2}; 0 uses the covariance as given.
     *
     * @param mu        expected excess returns per period, one per asset
     * @param cov       covariance of the same returns, SPD
     * @param shrinkage weight of the diagonal target, in [0, 1]
     */
    public static double[] multiAsset(double[] mu, double[][] cov, double shrinkage) {
        int n = Matrices.requireCovariance(cov, "cov");
        Matrices.requireVector(mu, n, "mu");
        if (!(shrinkage >= 0 && shrinkage <= 1)) {
            throw new IllegalArgumentException("Kelly shrinkage must be in [0, 1], got " + shrinkage);
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = i == j ? cov[i][i] : (1 - shrinkage) * cov[i][j];
            }
        }
        return Matrices.solveSpd(s, mu, "Kelly covariance");
    }

    /**
     * Applies {@code caps} to full-Kelly weights: {@code w_i = fraction * f_i}, then each clipped to
     * {@code [-perAssetCap, perAssetCap]}, then all scaled by {@code grossCap / sum|w|} if the gross exceeds it.
     */
    public static double[] sized(double[] fullKelly, KellyCaps caps) {
        Matrices.requireVector(fullKelly, fullKelly == null ? 0 : fullKelly.length, "fullKelly");
        double[] w = new double[fullKelly.length];
        for (int i = 0; i < w.length; i++) {
            double v = caps.fraction() * fullKelly[i];
            w[i] = Math.max(-caps.perAssetCap(), Math.min(caps.perAssetCap(), v));
        }
        double gross = Matrices.gross(w);
        if (gross > caps.grossCap()) {
            double k = caps.grossCap() / gross;
            for (int i = 0; i < w.length; i++) {
                w[i] *= k;
            }
        }
        return w;
    }

    /** Single-asset {@link #sized(double[], KellyCaps)}. */
    public static double sized(double fullKelly, KellyCaps caps) {
        return sized(new double[]{fullKelly}, caps)[0];
    }
}
