package io.quantlake.strategy.quant;

import io.quantlake.sizing.Covariance;
import io.quantlake.sizing.LedoitWolf;

/**
 * How {@link RiskParityStrategy} estimates the per-bar covariance (return units squared per bar)
 * of a {@code T × N} block of simple returns, rows oldest first: an estimator, then optional
 * shrinkage.
 *
 * @param estimator sample (ddof 1) or EWMA
 * @param shrinkage none or Ledoit-Wolf
 */
public record CovarianceModel(Estimator estimator, Shrinkage shrinkage) {
    public CovarianceModel {
        java.util.Objects.requireNonNull(estimator, "estimator");
        java.util.Objects.requireNonNull(shrinkage, "shrinkage");
    }

    /** The covariance estimator. */
    public sealed interface Estimator {
        /** The {@code N × N} estimate from {@code returns[t][i]} ({@code T >= 2} rows). */
        double[][] estimate(double[][] returns);
    }

    /** {@link Covariance#sample}: {@code Σ_t (r_ti − m_i)(r_tj − m_j) / (T − 1)}. */
    public record Sample() implements Estimator {
        @Override
        public double[][] estimate(double[][] returns) {
            return Covariance.sample(returns);
        }
    }

    /**
     * {@link Covariance#ewmaHalfLife}: weights {@code λ^(T−1−t)} normalised to 1, {@code λ = 0.5^(1/halfLife)},
     * no bias correction.
     *
     * @param halfLife half-life in bars, > 0
     */
    public record Ewma(double halfLife) implements Estimator {
        public Ewma {
            if (!(halfLife > 0) || Double.isInfinite(halfLife)) {
                throw new IllegalArgumentException("ewma halflife must be finite and > 0 bars, got " + halfLife);
            }
        }

        @Override
        public double[][] estimate(double[][] returns) {
            return Covariance.ewmaHalfLife(returns, halfLife);
        }
    }

    /** Shrinkage applied after the estimator. */
    public enum Shrinkage {
        /** The estimate as is. */
        NONE,
        /**
         * {@code Σ = (1 − ρ) C + ρ · (tr C / N) · I}, with {@code C} the estimator's matrix and the intensity
         * {@code ρ} of {@link LedoitWolf#shrink} on the same returns. With the sample estimator this is the
         * Ledoit-Wolf estimator with the {@code T − 1} divisor instead of {@code T}; with EWMA it pulls the
         * EWMA matrix toward its own average variance with the Ledoit-Wolf intensity.
         */
        LEDOIT_WOLF
    }

    /** The estimate of {@code returns[t][i]}, shrunk as configured. */
    public double[][] estimate(double[][] returns) {
        double[][] c = estimator.estimate(returns);
        if (shrinkage == Shrinkage.NONE) {
            return c;
        }
        double rho = LedoitWolf.shrink(returns).shrinkage();
        int n = c.length;
        double mu = 0;
        for (int i = 0; i < n; i++) {
            mu += c[i][i] / n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = (1 - rho) * c[i][j] + (i == j ? rho * mu : 0);
            }
        }
        return c;
    }
}
