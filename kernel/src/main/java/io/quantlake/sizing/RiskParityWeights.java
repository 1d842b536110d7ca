package io.quantlake.sizing;

/**
 * Long-only risk-parity weights and their diagnostics (see {@link RiskParity}).
 *
 * @param weights           fractions of capital, each {@code > 0}, summing to 1
 * @param riskContributions {@code RC_i = w_i (Sigma w)_i / (w' Sigma w)}: share of portfolio variance, summing to 1
 * @param iterations        solver iterations (0 for the closed-form inverse-volatility weights)
 * @param residual          {@code max_i |RC_i / b_i - 1|} against the risk budgets {@code b}
 *                          (NaN for inverse volatility, which targets no budget)
 */
public record RiskParityWeights(double[] weights, double[] riskContributions, int iterations, double residual) {
    public RiskParityWeights {
        if (weights.length != riskContributions.length) {
            throw new IllegalArgumentException("weights (" + weights.length + ") and riskContributions ("
                    + riskContributions.length + ") must have one entry per asset");
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0)) {
                throw new IllegalArgumentException("weights[" + i + "] must be > 0 (long only), got " + weights[i]);
            }
            sum += weights[i];
        }
        if (Math.abs(sum - 1) > 1e-12 * weights.length) {
            throw new IllegalArgumentException("weights must sum to 1, got " + sum);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        weights = weights.clone();
        riskContributions = riskContributions.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] riskContributions() {
        return riskContributions.clone();
    }
}
