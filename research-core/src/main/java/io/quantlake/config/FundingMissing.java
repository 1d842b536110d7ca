package io.quantlake.config;

/** {@code funding.missing} (SIMULATION.md §8, R3): what a held usdm symbol without funding records means. */
public enum FundingMissing {
    /** Stop the run with an error naming the symbol (default). */
    ERROR,
    /** Charge no funding for it. */
    ZERO
}
