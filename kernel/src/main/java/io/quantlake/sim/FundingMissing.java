package io.quantlake.sim;

/** {@code funding.missing} (SIMULATION.md §8, R3): what a held usdm symbol without funding records does. */
public enum FundingMissing {
    /** Stop the run with an error naming the symbol and the window (default). */
    ERROR,
    /** Charge nothing. */
    ZERO;

    /** Parses {@code error} or {@code zero}. */
    public static FundingMissing parse(String code) {
        return switch (code) {
            case "error" -> ERROR;
            case "zero" -> ZERO;
            default -> throw new IllegalArgumentException("funding.missing must be error or zero, got '" + code + "'");
        };
    }
}
