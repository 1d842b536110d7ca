package io.quantlake.strategy.quant;

import io.quantlake.panel.Panel;
import java.util.Arrays;
import java.util.Objects;

/**
 * The market proxy a beta is measured against: its one-grid-bar simple return {@code m(s)} per grid
 * bar ({@link GridReturns}), NaN where undefined. Uses bars {@code s − 1} and {@code s} only.
 */
public sealed interface MarketIndex {
    /** {@code m(s)} for every grid bar of {@code panel}, given its return matrix {@code r}. */
    double[] returns(Panel panel, double[] r);

    /**
     * Equal-weighted universe index: {@code m(s)} = mean of {@code r_j(s)} over the symbols with a
     * defined return at {@code s} (a bar at {@code s} and {@code s − 1}); NaN when none has one.
     */
    record EqualWeight() implements MarketIndex {
        @Override
        public double[] returns(Panel panel, double[] r) {
            int n = panel.symbolCount();
            double[] m = new double[panel.bars()];
            for (int s = 0; s < m.length; s++) {
                double sum = 0;
                int count = 0;
                for (int j = 0; j < n; j++) {
                    double x = r[s * n + j];
                    if (!Double.isNaN(x)) {
                        sum += x;
                        count++;
                    }
                }
                m[s] = count == 0 ? Double.NaN : sum / count;
            }
            return m;
        }
    }

    /**
     * One universe symbol as the market (e.g. {@code BTCUSDT}): {@code m(s) = r_symbol(s)}.
     *
     * @param symbol a symbol of the panel's universe
     */
    record Symbol(String symbol) implements MarketIndex {
        public Symbol {
            Objects.requireNonNull(symbol, "symbol");
        }

        @Override
        public double[] returns(Panel panel, double[] r) {
            int k = panel.indexOf(symbol);
            if (k < 0) {
                throw new IllegalArgumentException("beta index " + symbol + " is not in the universe "
                        + Arrays.toString(panel.symbols()));
            }
            int n = panel.symbolCount();
            double[] m = new double[panel.bars()];
            for (int s = 0; s < m.length; s++) {
                m[s] = r[s * n + k];
            }
            return m;
        }
    }
}
