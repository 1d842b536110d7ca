package io.quantlake.exit;

import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;

/**
 * Time exit (SIMULATION.md §7): closes the lot filled at bar {@code b} at the open of bar
 * {@code b + N} ({@code next_open}) or at the close of bar {@code b + N} ({@code close}), a market
 * order, event {@code TIME_EXIT}, reason {@code time_exit}. {@code N} counts grid bars; when the
 * symbol has no bar at {@code b + N} the exit happens at its next available bar.
 *
 * @param maxHoldingBars N &gt;= 1
 */
public record TimeBasedExitStrategy(int maxHoldingBars) implements ExitStrategy {
    public TimeBasedExitStrategy {
        if (maxHoldingBars < 1) {
            throw new IllegalArgumentException("max_holding_bars must be >= 1, got " + maxHoldingBars);
        }
    }

    @Override
    public boolean checkInBar(int rule, OpenLot lot, ExitBar bar, ExitFill out) {
        if (bar.t() - lot.fillBar() < maxHoldingBars) {
            return false;
        }
        double price = bar.executionAtClose() ? bar.close() : bar.open();
        out.set(price, lot.quantity(), true, false, TradeEventType.TIME_EXIT, Reason.TIME_EXIT);
        return true;
    }
}
