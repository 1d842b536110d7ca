package io.quantlake.nightly;

import io.quantlake.sim.SymbolFilter;
import java.util.Objects;

/**
 * One order of a nightly rebalance, for an execution bot: trade {@code quantity} base units of
 * {@code symbol} on the {@code side}, sized at the last close {@code price}.
 *
 * @param symbol   the symbol, e.g. {@code BTCUSDT}
 * @param side     BUY or SELL
 * @param quantity base units, &gt; 0 (on the lot step when the step is known; a {@link Reason#CLOSE} is the whole position)
 * @param price    the last close in quote currency (USDT), &gt; 0
 * @param notional {@code quantity * price} in quote currency
 * @param reason   why the order exists
 * @param filters  whether the symbol's exchange filters were known when the order was sized
 */
public record RebalanceOrder(String symbol, Side side, double quantity, double price, double notional, Reason reason,
                             Filters filters) {
    /** The order side. */
    public enum Side { BUY, SELL }

    /**
     * Which exchange filters of the symbol the order was sized with (the {@code filters} column of the orders
     * files and table): its {@code symbols} row's lot step and minimum notional.
     */
    public enum Filters {
        /** Lot step and minimum notional known: the quantity is on the step and the notional at least the minimum. */
        EXCHANGE("exchange"),
        /** Only one of the two known: that one is applied, the other is not checked. */
        PARTIAL("partial"),
        /** Neither known (no {@code symbols} row, or one without filters): the quantity is unrounded, unchecked. */
        UNKNOWN("unknown");

        private final String code;

        Filters(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The kind of {@code filter}: how many of its two fields are known (not NaN). */
        public static Filters of(SymbolFilter filter) {
            boolean step = !Double.isNaN(filter.stepSize());
            boolean min = !Double.isNaN(filter.minNotional());
            return step && min ? EXCHANGE : step || min ? PARTIAL : UNKNOWN;
        }
    }

    /** Why a symbol trades (the {@code reason} column of the orders files and table). */
    public enum Reason {
        /** From no position to the target (or the near band edge with {@code rebalance.to: band_edge}). */
        OPEN("open"),
        /** Target 0: the whole position is closed (not rounded: the held quantity is already on the step). */
        CLOSE("close"),
        /** The current weight is outside the no-trade band: trade to the target weight. */
        TO_TARGET("to_target"),
        /** {@code rebalance.to: band_edge}: trade only to the nearest edge of the band around the target. */
        TO_BAND_EDGE("to_band_edge");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public RebalanceOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(filters, "filters");
        if (!(quantity > 0) || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("order " + symbol + ": quantity must be > 0, got " + quantity);
        }
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("order " + symbol + ": price must be > 0, got " + price);
        }
    }

    /** Signed quantity: + for BUY, − for SELL. */
    public double signedQuantity() {
        return side == Side.BUY ? quantity : -quantity;
    }
}
