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

    /** {@link #warmupBars()} of a strategy that does not declare its warm-up. */
    int UNDECLARED = -1;

    /**
     * The own bars of history before a bar that its decision reads at most (its warm-up, SIMULATION.md §12.9): a
     * run in time blocks (a panel over the memory budget) gives each block this many own bars of each symbol
     * before its first bar, and the targets must then be those of the whole panel, bit for bit. A strategy whose
     * targets depend on more (an expanding statistic) must not declare one. Default {@link #UNDECLARED}: such a
     * strategy runs only on a whole panel.
     */
    default int warmupBars() {
        return UNDECLARED;
    }

    /** The larger of two warm-ups, {@link #UNDECLARED} when either is. */
    static int maxWarmup(int a, int b) {
        return a < 0 || b < 0 ? UNDECLARED : Math.max(a, b);
    }

    /** Target weights for every bar of {@code panel}. */
    TargetWeights targets(Panel panel);
}
