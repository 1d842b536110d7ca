package io.quantlake.sizing;

/**
 * Weights rescaled to a volatility target (see {@link VolTarget#scale}).
 *
 * @param weights   {@code leverage * w}, fractions of equity
 * @param leverage  the multiplier applied, {@code >= 0}
 * @param exAnteVol annualised ex-ante volatility of the input weights, {@code sqrt(w' Sigma w * periodsPerYear)}
 * @param capped    true when {@code maxLeverage} (not the target) set the multiplier
 */
public record VolTargetResult(double[] weights, double leverage, double exAnteVol, boolean capped) {
    public VolTargetResult {
        if (!(leverage >= 0) || Double.isInfinite(leverage)) {
            throw new IllegalArgumentException("leverage must be finite and >= 0, got " + leverage);
        }
        if (!(exAnteVol >= 0)) {
            throw new IllegalArgumentException("exAnteVol must be >= 0, got " + exAnteVol);
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}
