package io.quantlake.schedule;

/** {@code rebalance.to} (SIMULATION.md §5, §12.10). */
public enum RebalanceMode {
    /** Trade to the target weight {@code w} (default). */
    TARGET,
    /** Trade to the nearest band edge: {@code w + band} when the current weight is above {@code w}, else {@code w - band}. */
    BAND_EDGE;

    /** Parses {@code target} or {@code band_edge}. */
    public static RebalanceMode parse(String code) {
        return switch (code) {
            case "target" -> TARGET;
            case "band_edge" -> BAND_EDGE;
            default -> throw new IllegalArgumentException("rebalance.to must be target or band_edge, got '" + code + "'");
        };
    }
}
