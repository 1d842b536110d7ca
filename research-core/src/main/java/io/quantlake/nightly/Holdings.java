package io.quantlake.nightly;

import java.util.Objects;

/**
 * Current holdings of the strategy's universe, priced: the input of {@link OrderPlanner}.
 *
 * @param symbols    universe symbols, in universe order
 * @param prices     last close of each symbol in quote currency (USDT), &gt; 0
 * @param quantities held base units of each symbol (negative = short, usdm only); 0 when not held
 * @param cash       free quote currency (USDT)
 */
public record Holdings(String[] symbols, double[] prices, double[] quantities, double cash) {
    public Holdings {
        Objects.requireNonNull(symbols, "symbols");
        symbols = symbols.clone();
        prices = prices.clone();
        quantities = quantities.clone();
        if (prices.length != symbols.length || quantities.length != symbols.length) {
            throw new IllegalArgumentException("holdings: " + symbols.length + " symbols but " + prices.length
                    + " prices and " + quantities.length + " quantities");
        }
        for (int i = 0; i < symbols.length; i++) {
            if (!(prices[i] > 0) || !Double.isFinite(prices[i])) {
                throw new IllegalArgumentException("holdings: price of " + symbols[i] + " must be > 0, got " + prices[i]);
            }
            if (!Double.isFinite(quantities[i])) {
                throw new IllegalArgumentException("holdings: quantity of " + symbols[i] + " must be finite, got "
                        + quantities[i]);
            }
        }
        if (!Double.isFinite(cash)) {
            throw new IllegalArgumentException("holdings: cash must be finite, got " + cash);
        }
    }

    /** Equity in quote currency: {@code cash + Σ quantity_i · price_i}. */
    public double equity() {
        double e = cash;
        for (int i = 0; i < symbols.length; i++) {
            e += quantities[i] * prices[i];
        }
        return e;
    }

    /** Current weights {@code quantity_i · price_i / equity}; the equity must be &gt; 0. */
    public double[] weights() {
        double e = equity();
        if (!(e > 0)) {
            throw new IllegalArgumentException("holdings: equity (cash + positions at the last close) must be > 0, got " + e);
        }
        double[] w = new double[symbols.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = quantities[i] * prices[i] / e;
        }
        return w;
    }
}
