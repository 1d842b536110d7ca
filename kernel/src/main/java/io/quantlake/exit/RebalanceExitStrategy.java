package io.quantlake.exit;

import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;

/**
 * Rebalance exit (SIMULATION.md §7): a lot is reduced by a lower target weight, not by a price
 * rule, so it never fires inside a bar; it is the one place that classifies target-driven changes
 * of a lot: a reduction (or increase) that leaves the lot open is a {@code REBALANCE} row, a
 * reduction to 0 is a {@code CLOSE}, both reason {@code rebalance}. The engine uses it for every
 * weight-path order and every REBALANCE signal; putting it in a chain documents that the lot
 * follows target weights.
 */
public record RebalanceExitStrategy() implements ExitStrategy {
    /** The shared instance. */
    public static final RebalanceExitStrategy INSTANCE = new RebalanceExitStrategy();

    @Override
    public boolean checkInBar(int rule, OpenLot lot, ExitBar bar, ExitFill out) {
        return false;
    }

    /** The row type of a target-driven change that leaves {@code quantityAfter} in the lot. */
    public static TradeEventType typeFor(double quantityAfter) {
        return quantityAfter == 0 ? TradeEventType.CLOSE : TradeEventType.REBALANCE;
    }

    /** The reason of every target-driven row. */
    public static Reason reason() {
        return Reason.REBALANCE;
    }
}
