package io.quantlake.risk;

import io.quantlake.ledger.Reason;

/**
 * The rules of the {@link RiskManager}, in the order it applies them; each has the ledger reason of
 * the PARTIAL_CLOSE / CLOSE rows it causes.
 */
public enum RiskRule {
    /** At most {@code max_positions} non-zero targets. */
    MAX_POSITIONS(Reason.RISK_MAX_POSITIONS),
    /** {@code |w_i| <= max_weight}. */
    ASSET_CAP(Reason.RISK_ASSET_CAP),
    /** {@code Σ_{i∈C} |w_i| <= max_cluster_weight} for each correlated cluster {@code C}. */
    CLUSTER_CAP(Reason.RISK_CLUSTER_CAP),
    /** {@code |Σ w_i| <= max_net}. */
    NET_CAP(Reason.RISK_NET_CAP),
    /** {@code Σ |w_i| <= max_gross}. */
    GROSS_CAP(Reason.RISK_GROSS_CAP);

    private final Reason reason;

    RiskRule(Reason reason) {
        this.reason = reason;
    }

    /** The ledger reason, e.g. {@code risk_asset_cap}. */
    public Reason reason() {
        return reason;
    }
}
