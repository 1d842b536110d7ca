package io.quantlake.ledger;

import java.util.Objects;

/**
 * One ledger row (SIMULATION.md §6): a change of a lot or of cash other than marking to market.
 *
 * @param time          open time of the fill bar, UTC epoch ms
 * @param symbol        the symbol
 * @param side          side of the lot before the row (after it for OPEN), R15
 * @param type          event type
 * @param reason        reason code
 * @param qty           signed quantity delta in base units (buy &gt; 0); 0 for FUNDING
 * @param price         fill price in quote currency, slippage included (FUNDING: the mark)
 * @param fee           fee paid in quote currency, &gt;= 0
 * @param cashFlow      change of cash: {@code -qty * price - fee} (FUNDING: {@code -q * mark * rate})
 * @param realizedPnl   realized PnL of the reduced part against the lot's average entry, fees excluded
 * @param positionAfter the lot's signed quantity after the row (FUNDING: the symbol's net quantity)
 */
public record TradeEvent(long time, String symbol, PositionSide side, TradeEventType type, Reason reason,
                         double qty, double price, double fee, double cashFlow, double realizedPnl,
                         double positionAfter) {
    public TradeEvent {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        if (!(fee >= 0)) {
            throw new IllegalArgumentException("fee must be >= 0, got " + fee + " (" + symbol + " " + type + ")");
        }
        if (!(price > 0) && type != TradeEventType.FUNDING) {
            throw new IllegalArgumentException("price must be > 0, got " + price + " (" + symbol + " " + type + ")");
        }
    }

    /** Whether this row is a trade (anything but FUNDING). */
    public boolean isTrade() {
        return type != TradeEventType.FUNDING;
    }
}
