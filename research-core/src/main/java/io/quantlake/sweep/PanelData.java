package io.quantlake.sweep;

import io.quantlake.config.BacktestConfig;
import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelGrid;
import io.quantlake.panel.PanelSource;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SymbolFilter;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Everything a sweep task needs from the lake, as plain arrays that Java serialization ships to the executors
 * once (inside the sweep's broadcast): the panel — either whole, its {@link PanelGrid} (arrays shared, not
 * copied), or when it is over the sweep's memory budget as chunks of grid rows read from the lake and broadcast
 * one by one ({@link #shipped}, {@link BroadcastPanelSource}) that each set's backtest reads in time blocks — the funding schedules (usdm) and
 * the symbol filters. {@link Panel} itself is not Serializable; {@link #evaluator} rebuilds it on the executor.
 */
public final class PanelData implements Serializable {
    private static final long serialVersionUID = 3L;

    /** The whole panel, or null when it is read in blocks. */
    private final PanelGrid grid;
    /** On the driver, before {@link #shipped}: where the chunks are read from (the lake), or null. */
    private final transient PanelSource unshipped;
    /** The panel in broadcast chunks ({@link #shipped}), or null. */
    private final BroadcastPanelSource blocks;
    /** Grid rows per broadcast chunk. */
    private final int chunkBars;
    /** Feature columns of the block panels. */
    private final int features;
    /** The memory budget a set's backtest in time blocks runs in, bytes. */
    private final long budgetBytes;
    private final LinkedHashMap<String, FundingArrays> funding;
    private final LinkedHashMap<String, double[]> filters;

    private record FundingArrays(long[] times, double[] rates, double[] marks) implements Serializable {
    }

    /** Holds the arrays of {@code panel}, {@code funding} and {@code filters} (not copied). */
    public PanelData(Panel panel, Map<String, FundingSchedule> funding, Map<String, SymbolFilter> filters) {
        this(PanelGrid.of(panel), null, null, 0, 0, 0, funding, filters);
    }

    private PanelData(PanelGrid grid, PanelSource unshipped, BroadcastPanelSource blocks, int chunkBars, int features,
                      long budgetBytes, Map<String, FundingSchedule> funding, Map<String, SymbolFilter> filters) {
        this.grid = grid;
        this.unshipped = unshipped;
        this.blocks = blocks;
        this.chunkBars = chunkBars;
        this.features = features;
        this.budgetBytes = budgetBytes;
        this.funding = new LinkedHashMap<>();
        funding.forEach((s, f) -> this.funding.put(s, new FundingArrays(f.times(), f.rates(), f.marks())));
        this.filters = new LinkedHashMap<>();
        filters.forEach((s, f) -> this.filters.put(s, new double[] {f.stepSize(), f.minNotional()}));
    }

    /**
     * The panel {@code source} reads ({@code features} feature columns), to be broadcast in chunks of
     * {@code chunkBars} grid rows ({@link #shipped}) and simulated by each set in time blocks within
     * {@code budgetBytes}.
     */
    static PanelData blocked(PanelSource source, int chunkBars, int features, long budgetBytes,
                             Map<String, FundingSchedule> funding, Map<String, SymbolFilter> filters) {
        if (budgetBytes <= 0 || chunkBars < 1) {
            throw new IllegalArgumentException("memory budget and chunk size must be > 0, got " + budgetBytes
                    + " bytes and " + chunkBars + " bars");
        }
        return new PanelData(null, Objects.requireNonNull(source, "source"), null, chunkBars, features, budgetBytes,
                funding, filters);
    }

    /** Whether the panel is read in chunks and each set runs in time blocks. */
    public boolean blocked() {
        return grid == null;
    }

    /** Grid rows per broadcast chunk (0 for a whole panel). */
    int chunkBars() {
        return chunkBars;
    }

    /**
     * This data as the executors receive it: a whole panel as it is; a blocked one with its chunks read from the
     * lake one at a time and broadcast ({@link BroadcastPanelSource#broadcast}; {@link #destroy} removes them).
     */
    PanelData shipped(JavaSparkContext jsc) {
        if (grid != null || blocks != null) {
            return this;
        }
        return new PanelData(null, null, BroadcastPanelSource.broadcast(jsc, unshipped, chunkBars), chunkBars, features,
                budgetBytes, funding(), filters());
    }

    /**
     * The evaluator of parameter sets on this panel: over the whole panel (rebuilt from the held arrays and
     * validated again, so a corrupted payload fails loudly), or in time blocks read from the chunks.
     */
    public SetEvaluator evaluator(BacktestConfig base, List<Fold> folds) {
        if (grid != null) {
            return new SetEvaluator(grid.build(), base, funding(), filters(), folds);
        }
        PanelSource source = blocks != null ? blocks : unshipped;
        if (source == null) {
            throw new IllegalStateException("a blocked sweep panel reached an executor without its chunks");
        }
        return new SetEvaluator(source, features, budgetBytes, base, funding(), filters(), folds);
    }

    /** The broadcast chunks once {@link #shipped}, else null. */
    BroadcastPanelSource chunks() {
        return blocks;
    }

    /** Removes the broadcast chunks (nothing when there are none). */
    void destroy() {
        if (blocks != null) {
            blocks.destroy();
        }
    }

    /** Symbol → funding schedule (empty for spot). */
    public Map<String, FundingSchedule> funding() {
        Map<String, FundingSchedule> out = new LinkedHashMap<>();
        funding.forEach((s, f) -> out.put(s, new FundingSchedule(f.times(), f.rates(), f.marks())));
        return out;
    }

    /** Symbol → lot step and min notional where known. */
    public Map<String, SymbolFilter> filters() {
        Map<String, SymbolFilter> out = new LinkedHashMap<>();
        filters.forEach((s, f) -> out.put(s, new SymbolFilter(f[0], f[1])));
        return out;
    }

    public Interval interval() {
        return grid != null ? grid.interval() : source().interval();
    }

    /** Bar open times of the grid, UTC epoch ms. */
    public long[] times() {
        return grid != null ? grid.times() : source().context().times();
    }

    public int bars() {
        return times().length;
    }

    /** Start of bar {@code t} (UTC epoch ms); for {@code t == bars()}, the end of the last bar. */
    public long barStart(int t) {
        long[] times = times();
        return t < times.length ? times[t] : times[times.length - 1] + interval().millis();
    }

    private PanelSource source() {
        return blocks != null ? blocks : unshipped;
    }
}
