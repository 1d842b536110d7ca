package io.quantlake.panel;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A window's grid cut into consecutive time blocks {@code [start, end)} of at most {@code blockBars} bars, each
 * read from a {@link PanelSource} with the history its strategy declares (its warm-up) before {@code start}: a
 * block panel ({@link Panel#asBlock}) of the rows {@code [panel.offset(), end)} where every symbol that exists
 * in the block has at least {@code warmupBars − 1} own bars before {@code start} (so {@code warmupBars} own bars
 * up to and including {@code start}, as a strategy's warm-up counts them), or all of its bars when it has
 * fewer (SIMULATION.md §12.9: lookbacks count a symbol's own bars, so a gap moves the block's first row back).
 * Only one block's arrays need be in memory at a time.
 */
public final class PanelBlocks {
    private final PanelSource source;
    private final BlockContext context;
    private final int blockBars;
    /** Own bars each existing symbol needs before a block's first bar: the warm-up less the bar itself. */
    private final int history;
    /** Applied to each block panel (e.g. the features an exit chain computes from the candles). */
    private final UnaryOperator<Panel> prepare;

    /**
     * @param blockBars  bars simulated per block, >= 1
     * @param warmupBars own bars up to and including a block's first bar that each existing symbol needs, >= 0
     *                   (a strategy's declared warm-up: 0 and 1 need no earlier bar)
     */
    public PanelBlocks(PanelSource source, int blockBars, int warmupBars) {
        this(source, blockBars, warmupBars, UnaryOperator.identity());
    }

    /**
     * Blocks whose panels are {@code prepare}d once read (a block panel in, a block panel of the same rows out,
     * e.g. with computed features: {@link Panel#withFeature} keeps the block context).
     */
    public PanelBlocks(PanelSource source, int blockBars, int warmupBars, UnaryOperator<Panel> prepare) {
        this.prepare = Objects.requireNonNull(prepare, "prepare");
        this.source = Objects.requireNonNull(source, "source");
        this.context = source.context();
        if (blockBars < 1) {
            throw new IllegalArgumentException("block size must be >= 1 bar, got " + blockBars);
        }
        if (warmupBars < 0) {
            throw new IllegalArgumentException("warm-up must be >= 0 own bars, got " + warmupBars);
        }
        this.blockBars = blockBars;
        this.history = Math.max(0, warmupBars - 1);
    }

    /**
     * The bars per block that keep a block's arrays within {@code budgetBytes}: {@code bytesPerBar} is what one
     * grid row costs in the run (candles, features and the strategy's derived matrices), the warm-up rows count
     * too; at least 1.
     */
    public static int blockBars(long budgetBytes, long bytesPerBar, int warmupBars) {
        if (budgetBytes <= 0 || bytesPerBar <= 0) {
            throw new IllegalArgumentException("memory budget and bytes per bar must be > 0, got " + budgetBytes
                    + " and " + bytesPerBar);
        }
        long bars = budgetBytes / bytesPerBar - warmupBars;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, bars));
    }

    /** The whole window's grid and listing bounds. */
    public BlockContext context() {
        return context;
    }

    /** The source the blocks are read from. */
    public PanelSource source() {
        return source;
    }

    /** Number of blocks (0 for an empty grid). */
    public int count() {
        int bars = context.times().length;
        return (bars + blockBars - 1) / blockBars;
    }

    /** Bars simulated per block (the last block may have fewer). */
    public int blockBars() {
        return blockBars;
    }

    /** Block {@code k} ({@code 0 <= k < count()}), read from the source. */
    public Block block(int k) {
        if (k < 0 || k >= count()) {
            throw new IndexOutOfBoundsException("block " + k + " of " + count());
        }
        int start = k * blockBars;
        int end = Math.min(context.times().length, start + blockBars);
        int from = Math.max(0, start - history);
        while (true) {
            Panel rows = source.rows(from, end);
            int back = from == 0 ? 0 : shortOfWarmup(rows, from, start);
            if (back == 0) {
                return new Block(prepare.apply(rows.asBlock(context, from)), start, end);
            }
            from = Math.max(0, start - 2 * Math.max(start - from, back));
        }
    }

    /**
     * 0 when every symbol existing at some bar of {@code [start, ...)} has its warm-up in the rows read from grid
     * bar {@code from}; else a positive number of bars to look further back.
     */
    private int shortOfWarmup(Panel rows, int from, int start) {
        int n = rows.symbolCount();
        int local = start - from;
        double[] close = rows.close();
        for (int i = 0; i < n; i++) {
            int first = context.firstBar(i);
            int delist = context.delistingBar(i);
            if (first < 0 || first >= from || (delist >= 0 && delist < start)) {
                continue; // no bar before the rows read, or no longer exists
            }
            int own = 0;
            for (int t = 0; t < local && own < history; t++) {
                own += close[t * n + i] == close[t * n + i] ? 1 : 0;
            }
            if (own < history) {
                return history - own;
            }
        }
        return 0;
    }

    /**
     * One block: {@code panel}'s rows are grid bars {@code [panel.offset(), end)}; the bars {@code [start, end)}
     * are simulated, the rows before {@code start} are the warm-up.
     */
    public record Block(Panel panel, int start, int end) {
        /** The panel row of grid bar {@code start}. */
        public int firstRow() {
            return start - panel.offset();
        }
    }
}
