package io.quantlake.portfolio;

/** {@code hedge.method}: how {@link BetaHedge} estimates each symbol's beta to the hedge symbol. */
public enum BetaMethod {
    /** OLS slope {@code Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²} over the last {@code lookback} joint returns. */
    OLS,
    /**
     * Zero-mean EWMA (RiskMetrics): {@code C ← λC + (1−λ) x y}, {@code V ← λV + (1−λ) x²} over every joint
     * return, {@code λ = 1 − 2 / (lookback + 1)}; beta {@code C / V} once {@code lookback} joint returns were seen.
     */
    EWMA
}
