package io.quantlake.exit;

import io.quantlake.ledger.Reason;

/**
 * Rebalance exit (SIMULATION.md §7): a lot is reduced by a lower target weight, not by a price
 * rule, so it never fires inside a bar. A target-driven change of a lot that leaves it open is a
 * {@code REBALANCE} row (the executors' {@code Account.adjust}), a reduction to 0 a {@code CLOSE}
 * ({@code Account.close}), both reason {@link #reason()}. The engine uses it for every
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

    /** The reason of every target-driven row. */
    public static Reason reason() {
        return Reason.REBALANCE;
    }
}
