package io.quantlake.strategy.quant;

/**
 * Volatility targeting of a risk-parity decision ({@link io.quantlake.sizing.VolTarget#scale}): the
 * weights (summing to 1) are multiplied by {@code k = min(targetVol / σ_ann, maxLeverage / Σ|w|)}, with
 * {@code σ_ann = sqrt(w' Σ w · periodsPerYear)} from the decision's covariance and the panel interval's
 * periods per year (SIMULATION.md §10: 1d → 365).
 *
 * @param targetVol   annualised target volatility, a fraction (0.15 = 15 %), > 0
 * @param maxLeverage cap on the gross of the scaled weights, > 0 (1 = never levered)
 */
public record VolTargeting(double targetVol, double maxLeverage) {
    public VolTargeting {
        if (!(targetVol > 0) || Double.isInfinite(targetVol)) {
            throw new IllegalArgumentException("vol_target must be finite and > 0 (annualised), got " + targetVol);
        }
        if (!(maxLeverage > 0) || Double.isInfinite(maxLeverage)) {
            throw new IllegalArgumentException("max_leverage must be finite and > 0, got " + maxLeverage);
        }
    }
}
