package io.quantlake.ledger;

/**
 * The {@code reason} column of a ledger row. SIMULATION.md §6 and R15 fix the codes of CLOSE,
 * weight-strategy, legacy, delisting, liquidation and funding rows; the codes of time exits
 * ({@code time_exit}), conditional exits ({@code conditional_exit}) and hedge orders
 * ({@code hedge}) are this implementation's choice.
 */
public enum Reason {
    SIGNAL("signal"),
    REBALANCE("rebalance"),
    TAKE_PROFIT("take_profit"),
    STOP_LOSS("stop_loss"),
    TRAILING_STOP("trailing_stop"),
    TIME_EXIT("time_exit"),
    CONDITIONAL_EXIT("conditional_exit"),
    CIRCUIT_BREAKER("circuit_breaker"),
    DELISTED("delisted"),
    LIQUIDATION("liquidation"),
    FUNDING("funding"),
    HEDGE("hedge");

    private static final Reason[] VALUES = values();
    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** The code written to ledger.csv, e.g. {@code take_profit}. */
    public String code() {
        return code;
    }

    static Reason of(int ordinal) {
        return VALUES[ordinal];
    }
}
