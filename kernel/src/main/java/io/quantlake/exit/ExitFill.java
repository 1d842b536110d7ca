package io.quantlake.exit;

import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;

/**
 * The output of a rule that fires: a mutable holder the engine preallocates and reuses.
 * {@code price} is the trigger price before costs; the engine applies the maker fee without
 * slippage to a limit exit and the taker fee and slippage to a market exit (§4, R17).
 */
public final class ExitFill {
    private double price;
    private double quantity;
    private boolean closesAll;
    private boolean limit;
    private TradeEventType closeType;
    private Reason reason;

    /** Records a fill of {@code quantity} (absolute base units, ignored when {@code closesAll}). */
    public void set(double price, double quantity, boolean closesAll, boolean limit, TradeEventType closeType,
                    Reason reason) {
        this.price = price;
        this.quantity = quantity;
        this.closesAll = closesAll;
        this.limit = limit;
        this.closeType = closeType;
        this.reason = reason;
    }

    /** Trigger price (quote currency), before slippage. */
    public double price() {
        return price;
    }

    /** Absolute quantity to close when not {@link #closesAll()}. */
    public double quantity() {
        return quantity;
    }

    /** Whether the exit closes the rest of the lot. */
    public boolean closesAll() {
        return closesAll;
    }

    /** A limit order (take-profit: maker fee, no slippage) rather than a market order. */
    public boolean limit() {
        return limit;
    }

    /** The row type when the exit closes the lot (CLOSE, TIME_EXIT, CONDITIONAL_EXIT); partial exits are PARTIAL_CLOSE. */
    public TradeEventType closeType() {
        return closeType;
    }

    public Reason reason() {
        return reason;
    }
}
