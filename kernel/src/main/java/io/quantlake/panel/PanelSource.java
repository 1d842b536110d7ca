package io.quantlake.panel;

import io.quantlake.market.Interval;
import java.util.Objects;

/**
 * Where a block run reads its panel from, one range of grid rows at a time ({@link PanelBlocks}): the whole
 * window's grid and listing bounds ({@link #context}) are known up front and small; the candle arrays of a range
 * are read when a block needs them. A panel already in memory ({@link #of}) and the lake (research-core's
 * {@code backtest.LakePanelSource}, one window read per range) are the two sources.
 */
public interface PanelSource {
    /** The whole window's grid (bar open times, UTC epoch ms) and each symbol's first and last bar in it. */
    BlockContext context();

    /** The symbols in universe order. */
    String[] symbols();

    /** The bar interval. */
    Interval interval();

    /**
     * A plain panel (not yet a block, {@link Panel#asBlock}) of the grid rows {@code [from, to)}: its times are
     * {@code context().times()[from, to)}, its symbols {@link #symbols()}, with the source's feature columns.
     */
    Panel rows(int from, int to);

    /** The source of a panel in memory: its rows are copies of the panel's ({@link Panel#slice}). */
    static PanelSource of(Panel panel) {
        Objects.requireNonNull(panel, "panel");
        BlockContext context = BlockContext.of(panel);
        return new PanelSource() {
            @Override
            public BlockContext context() {
                return context;
            }

            @Override
            public String[] symbols() {
                return panel.symbols();
            }

            @Override
            public Interval interval() {
                return panel.interval();
            }

            @Override
            public Panel rows(int from, int to) {
                return panel.slice(from, to);
            }
        };
    }
}
