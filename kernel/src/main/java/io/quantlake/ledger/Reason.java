package io.quantlake.ledger;

/**
 * The {@code reason} column of a ledger row. SIMULATION.md §6 and R15 fix the codes of CLOSE,
 * weight-strategy, legacy, delisting, liquidation and funding rows; the codes of time exits
 * ({@code time_exit}), conditional exits ({@code conditional_exit}; a pair trade's z-score stop {@code z_stop})
 * and hedge orders ({@code hedge}) are this implementation's choice, as are the risk manager's {@code risk_<rule>} codes of
 * its PARTIAL_CLOSE / CLOSE rows (§6 "the risk manager reduces a position").
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
    HEDGE("hedge"),
    /** pair_trading: the spread's z-score reached {@code stop_z} (a conditional exit, type CONDITIONAL_EXIT). */
    Z_STOP("z_stop"),
    /** Risk manager: per-asset weight cap ({@code risk.max_weight}). */
    RISK_ASSET_CAP("risk_asset_cap"),
    /** Risk manager: gross exposure cap ({@code risk.max_gross}). */
    RISK_GROSS_CAP("risk_gross_cap"),
    /** Risk manager: net exposure cap ({@code risk.max_net}). */
    RISK_NET_CAP("risk_net_cap"),
    /** Risk manager: combined weight cap of a correlated cluster ({@code risk.max_cluster_weight}). */
    RISK_CLUSTER_CAP("risk_cluster_cap"),
    /** Risk manager: maximum number of open positions ({@code risk.max_positions}). */
    RISK_MAX_POSITIONS("risk_max_positions");

    private static final Reason[] VALUES = values();
    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** The code written to ledger.csv, e.g. {@code take_profit}. */
    public String code() {
        return code;
    }

    /** Whether this is one of the risk manager's {@code risk_<rule>} reasons. */
    public boolean isRisk() {
        return ordinal() >= RISK_ASSET_CAP.ordinal();
    }

    static Reason of(int ordinal) {
        return VALUES[ordinal];
    }
}
