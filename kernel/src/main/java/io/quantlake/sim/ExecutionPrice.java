package io.quantlake.sim;

/** When orders decided at bar {@code t} fill (SIMULATION.md §2). */
public enum ExecutionPrice {
    /** At the open of the symbol's next available bar (default). */
    NEXT_OPEN,
    /** At the close of bar {@code t} (optimistic). */
    CLOSE;

    /** Parses {@code next_open} or {@code close}; the error lists the accepted values. */
    public static ExecutionPrice parse(String code) {
        return switch (code) {
            case "next_open" -> NEXT_OPEN;
            case "close" -> CLOSE;
            default -> throw new IllegalArgumentException("execution.price must be next_open or close, got '" + code + "'");
        };
    }
}
