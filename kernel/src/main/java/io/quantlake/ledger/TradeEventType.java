package io.quantlake.ledger;

/** The type of a ledger row (SIMULATION.md §6). */
public enum TradeEventType {
    /** A lot goes from 0 to non-zero on a side. */
    OPEN,
    /** A lot goes to 0. */
    CLOSE,
    /** An exit rule or the risk manager reduces a lot without closing it. */
    PARTIAL_CLOSE,
    /** A rebalance changes the size of an existing lot (up or down). */
    REBALANCE,
    /** An order of the hedging overlay (signals with side HEDGE). */
    HEDGE,
    /** A time-based exit closes a lot. */
    TIME_EXIT,
    /** A conditional exit closes a lot. */
    CONDITIONAL_EXIT,
    /** The account is liquidated. */
    LIQUIDATION,
    /** A funding payment: cash only, quantity 0. */
    FUNDING;

    private static final TradeEventType[] VALUES = values();

    static TradeEventType of(int ordinal) {
        return VALUES[ordinal];
    }
}
