package io.quantlake.portfolio;

/** {@code sizing.kelly}: which Kelly estimate {@link WeightSizer} uses (io.quantlake.sizing.Kelly). */
public enum KellyMode {
    /** {@code p − (1 − p) / b} from the win rate and payoff of the lookback returns. */
    DISCRETE,
    /** {@code μ / σ²} per symbol. */
    CONTINUOUS,
    /** {@code Σ_s⁻¹ μ} over the selected symbols, covariance shrunk toward its diagonal. */
    MULTI
}
