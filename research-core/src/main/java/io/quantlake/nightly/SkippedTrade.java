package io.quantlake.nightly;

import java.util.Objects;

/**
 * A trade the rebalance wanted but did not order, reported beside the orders.
 *
 * @param symbol   the symbol
 * @param quantity the signed quantity wanted before the exchange filters (base units)
 * @param notional its absolute notional at the last close (quote currency)
 * @param why      {@code below_step} (rounds to 0 on the lot step) or {@code below_min_notional}
 */
public record SkippedTrade(String symbol, double quantity, double notional, String why) {
    public SkippedTrade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(why, "why");
    }
}
