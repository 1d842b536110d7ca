package io.quantlake.panel;

import io.quantlake.market.Interval;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place a {@link Panel} is laid out (SIMULATION.md §1): the grid is the sorted union of the bars' open
 * times ({@link #unionTimes}), symbols in universe order, one {@code double[bars × symbols]} matrix per column
 * (open, high, low, close, volume, then the features in order), NaN where a symbol has no bar. Bars are
 * {@link #put} in any order; a second bar for one symbol and time is an error naming both.
 *
 * <p>Serializable: a grid is how a panel's arrays travel to Spark executors (a sweep's broadcast); it holds
 * primitive arrays only. {@link Panel#builder} (row by row, for tests and notebooks) and the lake's columnar
 * read both fill a grid.
 */
public final class PanelGrid implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Candle columns before the features: open, high, low, close, volume. */
    public static final int CANDLE_COLUMNS = 5;
    private static final int CLOSE = 3;

    private final Interval interval;
    private final long[] times;
    private final String[] symbols;
    private final String[] features;
    /** {@code columns[c][t * symbols + i]}. */
    private final double[][] columns;
    /** Last grid row found by {@link #row}: bars usually arrive grouped by time. */
    private transient int lastRow;

    private PanelGrid(Interval interval, long[] times, String[] symbols, String[] features, double[][] columns) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.times = times;
        this.symbols = symbols;
        this.features = features;
        this.columns = columns;
    }

    /**
     * An empty grid (every cell NaN) over {@code times} (bar open times, UTC epoch ms, strictly increasing) and
     * {@code symbols} (distinct, in universe order), with the named {@code features} after volume.
     */
    public static PanelGrid empty(Interval interval, long[] times, String[] symbols, List<String> features) {
        for (int t = 1; t < times.length; t++) {
            if (times[t] <= times[t - 1]) {
                throw new IllegalArgumentException("grid times must be strictly increasing: times[" + t + "]="
                        + times[t] + " <= times[" + (t - 1) + "]=" + times[t - 1]);
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String s : symbols) {
            if (!seen.add(s)) {
                throw new IllegalArgumentException("symbol " + s + " appears twice in the universe");
            }
        }
        int cells = Math.multiplyExact(times.length, symbols.length);
        double[][] m = new double[CANDLE_COLUMNS + features.size()][];
        for (int c = 0; c < m.length; c++) {
            m[c] = new double[cells];
            Arrays.fill(m[c], Double.NaN);
        }
        return new PanelGrid(interval, times.clone(), symbols.clone(), features.toArray(new String[0]), m);
    }

    /** The grid of {@code panel}: its arrays, shared (not copied). */
    public static PanelGrid of(Panel panel) {
        Map<String, double[]> f = panel.features();
        double[][] m = new double[CANDLE_COLUMNS + f.size()][];
        m[0] = panel.open();
        m[1] = panel.high();
        m[2] = panel.low();
        m[3] = panel.close();
        m[4] = panel.volume();
        int c = CANDLE_COLUMNS;
        for (double[] values : f.values()) {
            m[c++] = values;
        }
        return new PanelGrid(panel.interval(), panel.times(), panel.symbols(), f.keySet().toArray(new String[0]), m);
    }

    /**
     * The sorted union of open times (UTC epoch ms) of several lists, each in any order and with repeats: the grid
     * of the bars whose times they hold.
     */
    public static long[] unionTimes(List<long[]> parts) {
        int total = 0;
        for (long[] p : parts) {
            total = Math.addExact(total, p.length);
        }
        long[] all = new long[total];
        int k = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, k, p.length);
            k += p.length;
        }
        return sortedDistinct(all, total);
    }

    /** The distinct values of {@code values[0, count)}, sorted (sorts {@code values} in place). */
    public static long[] sortedDistinct(long[] values, int count) {
        Arrays.sort(values, 0, count);
        int n = 0;
        for (int k = 0; k < count; k++) {
            if (n == 0 || values[k] != values[n - 1]) {
                values[n++] = values[k];
            }
        }
        return Arrays.copyOf(values, n);
    }

    /** Grid row of open time {@code time} (UTC epoch ms); the error names the time when it is not on the grid. */
    public int row(long time) {
        int r = lastRow;
        if (r < times.length && times[r] == time) {
            return r;
        }
        if (r + 1 < times.length && times[r + 1] == time) {
            lastRow = r + 1;
            return r + 1;
        }
        r = Arrays.binarySearch(times, time);
        if (r < 0) {
            throw new IllegalArgumentException("open_time " + time + " is not on the panel grid");
        }
        lastRow = r;
        return r;
    }

    /**
     * Sets the bar of symbol index {@code symbol} at grid row {@code t}: {@code values[c][k]} for every column
     * {@code c} (open, high, low, close, volume, features), row {@code k} of a columnar chunk.
     *
     * @throws IllegalArgumentException when the cell already holds a bar
     */
    public void put(int t, int symbol, double[][] values, int k) {
        int cell = t * symbols.length + symbol;
        if (!Double.isNaN(columns[CLOSE][cell])) {
            throw new IllegalArgumentException("two bars of " + symbols[symbol] + " at open_time " + times[t]);
        }
        for (int c = 0; c < columns.length; c++) {
            columns[c][cell] = values[c][k];
        }
    }

    /**
     * Puts {@code rows} bars of a columnar chunk: symbol indexes, open times (on the grid) and
     * {@code values[column][row]} in the column order of {@link #put}.
     */
    public void putAll(int[] symbol, long[] time, double[][] values, int rows) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException("chunk has " + values.length + " value columns, the grid "
                    + columns.length + " (open, high, low, close, volume, " + Arrays.toString(features) + ")");
        }
        for (int k = 0; k < rows; k++) {
            put(row(time[k]), symbol[k], values, k);
        }
    }

    /** Number of value columns: {@link #CANDLE_COLUMNS} plus the features. */
    public int columnCount() {
        return columns.length;
    }

    public Interval interval() {
        return interval;
    }

    /** Grid open times, UTC epoch ms (shared). */
    public long[] times() {
        return times;
    }

    /** The panel over this grid's arrays (shared, not copied; validated by {@link Panel}). */
    public Panel build() {
        Map<String, double[]> f = new LinkedHashMap<>();
        for (int k = 0; k < features.length; k++) {
            f.put(features[k], columns[CANDLE_COLUMNS + k]);
        }
        return new Panel(interval, times, symbols, columns[0], columns[1], columns[2], columns[3], columns[4], f);
    }
}
