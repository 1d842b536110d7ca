package io.quantlake.panel;

import io.quantlake.market.Interval;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The boundary between the Spark side and the kernel side: a dense time × symbol layout of
 * candles on one interval.
 *
 * <p>Layout: every matrix is a {@code double[bars() * symbolCount()]} indexed
 * {@code t * symbolCount() + i} ({@link #at(int, int)}), where {@code t} indexes the sorted grid
 * {@link #times()} (bar open times, UTC epoch milliseconds) and {@code i} the universe order
 * {@link #symbols()}. A missing bar is NaN in every matrix. Prices are in the quote currency
 * (USDT), volume in the base asset.
 *
 * <p>Arrays are shared, not copied, for speed: callers must treat them as read-only. Values
 * derived from the panel (score matrices, rankings) are kept with it, in {@link #derived()}.
 */
public final class Panel {
    private final Interval interval;
    private final long[] times;
    private final String[] symbols;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final Map<String, double[]> features;
    private final int[] firstBar;
    private final int[] lastBar;
    /** {@code complete[t]}: every symbol has a bar at grid index {@code t}. */
    private final boolean[] complete;
    private final int[] barCount;
    /** Where this panel is one time block of a longer grid ({@link #block}); null for a whole panel. */
    private final BlockContext block;
    /** Global grid index of this panel's row 0 (0 for a whole panel). */
    private final int offset;
    private final DerivedValues derived = new DerivedValues(this);

    /**
     * Creates a panel; validates shapes and that {@code times} is strictly increasing.
     *
     * @param features named extra matrices of the same shape (e.g. {@code quote_volume}); may be empty
     */
    public Panel(Interval interval, long[] times, String[] symbols, double[] open, double[] high,
                 double[] low, double[] close, double[] volume, Map<String, double[]> features) {
        this(interval, times, symbols, open, high, low, close, volume, features, null, 0);
    }

    private Panel(Interval interval, long[] times, String[] symbols, double[] open, double[] high,
                  double[] low, double[] close, double[] volume, Map<String, double[]> features, BlockContext block,
                  int offset) {
        this.block = block;
        this.offset = offset;
        if (block != null && (offset < 0 || offset + times.length > block.times().length
                || !Arrays.equals(times, 0, times.length, block.times(), offset, offset + times.length))) {
            throw new IllegalArgumentException("block of " + times.length + " bars at grid index " + offset
                    + " is not a slice of the " + block.times().length + "-bar grid");
        }
        this.interval = Objects.requireNonNull(interval, "interval");
        this.times = Objects.requireNonNull(times, "times");
        this.symbols = Objects.requireNonNull(symbols, "symbols");
        int cells = times.length * symbols.length;
        checkShape("open", open, cells);
        checkShape("high", high, cells);
        checkShape("low", low, cells);
        checkShape("close", close, cells);
        checkShape("volume", volume, cells);
        for (int t = 1; t < times.length; t++) {
            if (times[t] <= times[t - 1]) {
                throw new IllegalArgumentException("panel times must be strictly increasing: times[" + t + "]="
                        + times[t] + " <= times[" + (t - 1) + "]=" + times[t - 1]);
            }
        }
        Map<String, double[]> f = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : features.entrySet()) {
            checkShape("feature " + e.getKey(), e.getValue(), cells);
            f.put(e.getKey(), e.getValue());
        }
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.features = Collections.unmodifiableMap(f);
        this.firstBar = new int[symbols.length];
        this.lastBar = new int[symbols.length];
        this.complete = new boolean[times.length];
        Arrays.fill(complete, true);
        this.barCount = new int[symbols.length];
        int n = symbols.length;
        for (int i = 0; i < n; i++) {
            firstBar[i] = -1;
            lastBar[i] = -1;
            for (int t = 0; t < times.length; t++) {
                if (!Double.isNaN(close[t * n + i])) {
                    if (firstBar[i] < 0) {
                        firstBar[i] = t;
                    }
                    lastBar[i] = t;
                    barCount[i]++;
                } else {
                    complete[t] = false;
                }
            }
        }
    }

    /**
     * The values derived from this panel, computed once and shared by every run on it (a sweep's
     * sets); this panel's own, never another's.
     */
    public DerivedValues derived() {
        return derived;
    }

    private static void checkShape(String name, double[] a, int cells) {
        Objects.requireNonNull(a, name);
        if (a.length != cells) {
            throw new IllegalArgumentException(name + " has " + a.length + " cells, expected bars × symbols = " + cells);
        }
    }

    /** {@link #openWithinRange()}: 0 not computed yet, 1 yes, -1 no (a benign race: every thread computes the same). */
    private byte openWithinRange;

    public Interval interval() {
        return interval;
    }

    /** Bar open times of the grid, UTC epoch milliseconds, strictly increasing. */
    public long[] times() {
        return times;
    }

    /** Symbols in universe order. */
    public String[] symbols() {
        return symbols;
    }

    public int bars() {
        return times.length;
    }

    public int symbolCount() {
        return symbols.length;
    }

    /** Flat index of bar {@code t}, symbol {@code i}. */
    public int at(int t, int i) {
        return t * symbols.length + i;
    }

    /** Index of {@code symbol} in universe order, or -1. */
    public int indexOf(String symbol) {
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i].equals(symbol)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether symbol {@code i} has a bar at grid index {@code t}. */
    public boolean hasBar(int t, int i) {
        return !Double.isNaN(close[t * symbols.length + i]);
    }

    /**
     * Whether every bar's open lies within its range, {@code low <= open <= high} (a missing bar is
     * NaN in all four prices and counts as within). Ingested candles always are (the validator
     * quarantines others); a panel built by hand may not be. Computed on first call, then cached.
     */
    public boolean openWithinRange() {
        byte known = openWithinRange;
        if (known == 0) {
            known = 1;
            for (int k = 0; k < open.length; k++) {
                double o = open[k];
                if (!(low[k] <= o && o <= high[k]) && !(o != o && low[k] != low[k] && high[k] != high[k])) {
                    known = -1;
                    break;
                }
            }
            openWithinRange = known;
        }
        return known > 0;
    }

    /** Whether every symbol has a bar at grid index {@code t} (no NaN in row {@code t}). */
    public boolean complete(int t) {
        return complete[t];
    }

    /** Grid index of the first bar of symbol {@code i}, or -1 when it has none. */
    public int firstBar(int i) {
        return firstBar[i];
    }

    /** Grid index of the last bar of symbol {@code i}, or -1 when it has none. */
    public int lastBar(int i) {
        return lastBar[i];
    }

    /** Number of bars symbol {@code i} has (grid bars where it is not missing). */
    public int barCount(int i) {
        return barCount[i];
    }

    /**
     * Grid index of the delisting bar of symbol {@code i} (SIMULATION.md R5): its last bar when that
     * is before the last grid bar, else -1 (still listed at the end of the panel).
     */
    public int delistingBar(int i) {
        if (block != null) {
            int d = block.delistingBar(i);
            return d < 0 || d - offset < 0 ? -1 : d - offset;
        }
        return lastBar[i] >= 0 && lastBar[i] < times.length - 1 ? lastBar[i] : -1;
    }

    /** Whether symbol {@code i} exists at bar {@code t} (R7): from its first bar up to, not including, its delisting bar. */
    public boolean exists(int t, int i) {
        if (block != null) {
            return block.exists(t + offset, i);
        }
        int first = firstBar[i];
        if (first < 0 || t < first) {
            return false;
        }
        int delist = delistingBar(i);
        return delist < 0 || t < delist;
    }

    public double[] open() {
        return open;
    }

    public double[] high() {
        return high;
    }

    public double[] low() {
        return low;
    }

    public double[] close() {
        return close;
    }

    public double[] volume() {
        return volume;
    }

    /** Named extra matrices (same layout); unmodifiable. */
    public Map<String, double[]> features() {
        return features;
    }

    /** The feature matrix {@code name}; the error lists the available features. */
    public double[] feature(String name) {
        double[] f = features.get(name);
        if (f == null) {
            throw new IllegalArgumentException("panel has no feature '" + name + "'; available: " + features.keySet());
        }
        return f;
    }

    /** A panel with one more (or a replaced) feature matrix; the candle arrays and the block context are shared. */
    public Panel withFeature(String name, double[] values) {
        Map<String, double[]> f = new LinkedHashMap<>(features);
        f.put(name, values);
        return new Panel(interval, times, symbols, open, high, low, close, volume, f, block, offset);
    }

    /**
     * This panel (arrays shared) as the block of grid rows {@code [offset, offset + bars())} of the longer grid
     * {@code context} describes: {@link #exists}, {@link #delistingBar} and {@link #scheduled} then answer for
     * the whole grid (a symbol delisted after this block still exists at its last bar here), while the own-bar
     * counts ({@link #firstBar}, {@link #barCount}) stay this panel's. Used by block runs (PanelBlocks).
     */
    public Panel asBlock(BlockContext context, int offset) {
        return new Panel(interval, times, symbols, open, high, low, close, volume, features,
                Objects.requireNonNull(context, "context"), offset);
    }

    /** Global grid index of row 0: this panel's offset in the grid of its block context, 0 for a whole panel. */
    public int offset() {
        return offset;
    }

    /** The block context of a block panel ({@link #asBlock}), else null. */
    public BlockContext blockContext() {
        return block;
    }

    /**
     * {@code rule}'s decision bars of this panel, for a calendar rule fixed by the grid's open times
     * (SIMULATION.md §12.12): {@code rule} over {@link #times()}, or for a block the rows of {@code rule} over the
     * whole grid (computed once per block context and {@code key}), so a schedule decides at the same bars
     * whether the run is one panel or many blocks.
     */
    public boolean[] scheduled(Object key, java.util.function.Function<long[], boolean[]> rule) {
        if (block == null) {
            return rule.apply(times);
        }
        return Arrays.copyOfRange(block.scheduled(key, rule), offset, offset + times.length);
    }

    /** A copy of the bars {@code [fromT, toT)} with copied arrays. */
    public Panel slice(int fromT, int toT) {
        int n = symbols.length;
        Map<String, double[]> f = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : features.entrySet()) {
            f.put(e.getKey(), Arrays.copyOfRange(e.getValue(), fromT * n, toT * n));
        }
        return new Panel(interval, Arrays.copyOfRange(times, fromT, toT), symbols.clone(),
                Arrays.copyOfRange(open, fromT * n, toT * n), Arrays.copyOfRange(high, fromT * n, toT * n),
                Arrays.copyOfRange(low, fromT * n, toT * n), Arrays.copyOfRange(close, fromT * n, toT * n),
                Arrays.copyOfRange(volume, fromT * n, toT * n), f);
    }

    /** A new builder for a panel over {@code symbols} in that order. */
    public static PanelBuilder builder(Interval interval, String... symbols) {
        return new PanelBuilder(interval, symbols);
    }
}
