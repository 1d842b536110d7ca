package io.quantlake.strategy;

import io.quantlake.panel.Panel;

/**
 * Tier 3, the fast path (DESIGN.md): the whole history at once yields a target-weight matrix.
 * Implementations must use, for the decision at bar {@code t}, only panel data with
 * {@code open_time <= times[t]} (no look-ahead).
 */
public interface WeightStrategy {
    /** The strategy's name as in configs, e.g. {@code monthly_rebalance}. */
    String name();

    /** Target weights for every bar of {@code panel}. */
    TargetWeights targets(Panel panel);
}
