package io.quantlake.portfolio;

import java.util.Objects;

/**
 * The {@code sizing:} section: how {@link WeightSizer} re-sizes a strategy's targets.
 *
 * @param method     the sizing method
 * @param fraction   fixed_fraction: the weight of each selected symbol; kelly: the Kelly multiplier (0.5 =
 *                   half-Kelly); in (0, 1] for kelly, (0, 10] for fixed_fraction; default 1
 * @param lookback   returns (each symbol's own bars, ending at the decision bar) the estimates use, &gt;= 2
 * @param kelly      which Kelly estimate (kelly only; default continuous)
 * @param maxWeight  kelly: cap on each {@code |w_i|}; default no cap
 * @param maxGross   kelly: cap on {@code Σ|w_i|}; default no cap
 * @param shrinkage  kelly multi: weight of the diagonal in the covariance, in [0, 1]; default 0
 * @param targetVol  vol_target: annualised target volatility, &gt; 0
 * @param maxLeverage vol_target: cap on the scaled gross, &gt; 0; default 1
 */
public record SizingSpec(SizingMethod method, double fraction, int lookback, KellyMode kelly, double maxWeight,
                         double maxGross, double shrinkage, double targetVol, double maxLeverage) {
    public SizingSpec {
        Objects.requireNonNull(method, "sizing.method");
        Objects.requireNonNull(kelly, "sizing.kelly");
        double maxFraction = method == SizingMethod.KELLY ? 1 : 10;
        if (!(fraction > 0 && fraction <= maxFraction)) {
            throw new IllegalArgumentException("sizing.fraction must be in (0, " + maxFraction + "], got " + fraction);
        }
        if (lookback < 2) {
            throw new IllegalArgumentException("sizing.lookback must be >= 2 returns, got " + lookback);
        }
        if (!(maxWeight > 0) || !(maxGross > 0)) {
            throw new IllegalArgumentException("sizing.max_weight and sizing.max_gross must be > 0, got "
                    + maxWeight + ", " + maxGross);
        }
        if (!(shrinkage >= 0 && shrinkage <= 1)) {
            throw new IllegalArgumentException("sizing.shrinkage must be in [0, 1], got " + shrinkage);
        }
        if (method == SizingMethod.VOL_TARGET && !(targetVol > 0 && targetVol < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("sizing.target_vol must be > 0 for vol_target, got " + targetVol);
        }
        if (!(maxLeverage > 0)) {
            throw new IllegalArgumentException("sizing.max_leverage must be > 0, got " + maxLeverage);
        }
    }

    /** {@code method} with the defaults: fraction 1, lookback 30, continuous Kelly, no caps, leverage 1. */
    public static SizingSpec of(SizingMethod method) {
        return new SizingSpec(method, 1, 30, KellyMode.CONTINUOUS, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0, method == SizingMethod.VOL_TARGET ? 0.2 : Double.NaN, 1);
    }

    public SizingSpec withFraction(double v) {
        return new SizingSpec(method, v, lookback, kelly, maxWeight, maxGross, shrinkage, targetVol, maxLeverage);
    }

    public SizingSpec withLookback(int v) {
        return new SizingSpec(method, fraction, v, kelly, maxWeight, maxGross, shrinkage, targetVol, maxLeverage);
    }

    public SizingSpec withKelly(KellyMode v, double cap, double gross, double shrink) {
        return new SizingSpec(method, fraction, lookback, v, cap, gross, shrink, targetVol, maxLeverage);
    }

    public SizingSpec withVolTarget(double vol, double leverage) {
        return new SizingSpec(method, fraction, lookback, kelly, maxWeight, maxGross, shrinkage, vol, leverage);
    }
}
