package io.quantlake.config;

/** {@code rebalance.to} (SIMULATION.md §5, §12.10): how far an order outside the band trades. */
public enum RebalanceTo {
    /** To the target weight (default). */
    TARGET,
    /** To the nearest edge of the band {@code w ± band}. */
    BAND_EDGE
}
