package io.quantlake.config;

/** {@code execution.price} (SIMULATION.md §2): when orders decided at bar t fill. */
public enum ExecutionPrice {
    /** At the open of the symbol's next available bar (default). */
    NEXT_OPEN,
    /** At the close of the decision bar (optimistic). */
    CLOSE
}
