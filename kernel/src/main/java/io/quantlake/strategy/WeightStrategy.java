package io.quantlake.strategy;

import io.quantlake.factorspec.FactorRef;
import io.quantlake.panel.Panel;
import java.util.List;

/**
 * Tier 3, the fast path (DESIGN.md): the whole history at once yields a target-weight matrix.
 * Implementations must use, for the decision at bar {@code t}, only panel data with
 * {@code open_time <= times[t]} (no look-ahead).
 */
public interface WeightStrategy {
    /** The strategy's name as in configs, e.g. {@code monthly_rebalance}. */
    String name();

    /**
     * The factors whose values {@link #targets} reads from the panel's features ({@link FactorRef#values}); the
     * Spark side computes them over the lake and attaches them before the run. Default: none.
     */
    default List<FactorRef> requiredFactors() {
        return List.of();
    }

    /** Target weights for every bar of {@code panel}. */
    TargetWeights targets(Panel panel);
}
