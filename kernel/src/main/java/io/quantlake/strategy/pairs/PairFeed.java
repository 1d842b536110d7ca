package io.quantlake.strategy.pairs;

import io.quantlake.panel.Panel;
import java.util.Objects;

/**
 * A pair's {@link SpreadModel} with the legs' universe indices, so that the model can be advanced from the
 * panel by an exit condition (which runs at a bar's close before the strategy decides) as well as by the
 * strategy. Both feeds take a leg's price at bar {@code t} only when the symbol has a bar there and exists
 * (SIMULATION.md R7, the snapshot's {@code valid}), else NaN, so they advance the model identically.
 */
public final class PairFeed {
    private final SpreadModel model;
    private final int y;
    private final int x;
    private final PriceScale price;

    /**
     * @param y universe index of the y leg
     * @param x universe index of the x leg
     */
    public PairFeed(SpreadModel model, int y, int x, PriceScale price) {
        this.model = Objects.requireNonNull(model, "model");
        this.price = Objects.requireNonNull(price, "price");
        this.y = y;
        this.x = x;
    }

    public SpreadModel model() {
        return model;
    }

    /**
     * The z-score at row {@code t} of {@code panel}, advancing the model from the panel over the bars it has not
     * seen, up to {@code t}. The model counts grid bars ({@link io.quantlake.strategy.MarketSnapshot#bar()}), which
     * in a block panel are its rows plus {@link Panel#offset()}.
     */
    public double zAt(Panel panel, int t) {
        int offset = panel.offset();
        int g = offset + t;
        for (int s = model.lastBar() + 1; s <= g; s++) {
            model.advance(s, price(panel, s - offset, y), price(panel, s - offset, x));
        }
        if (model.lastBar() != g) {
            throw new IllegalStateException("spread model of " + panel.symbols()[y] + "/" + panel.symbols()[x]
                    + " is at bar " + model.lastBar() + ", past the asked bar " + g);
        }
        return model.z();
    }

    private double price(Panel panel, int t, int i) {
        return panel.hasBar(t, i) && panel.exists(t, i) ? price.apply(panel.close()[panel.at(t, i)]) : Double.NaN;
    }
}
