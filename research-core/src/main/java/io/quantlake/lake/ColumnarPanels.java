package io.quantlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_millis;

import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelGrid;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Candles of a Dataset into a {@link Panel} without one driver object per row. Executors turn their partitions
 * into columnar chunks (primitive arrays of at most {@link #CHUNK_ROWS} rows, Java-serialized); the driver
 * <ol>
 *   <li>collects each partition's distinct open times (a {@code long[]} each) and lays out the grid
 *       ({@link PanelGrid#unionTimes}, one Spark job, no shuffle), then</li>
 *   <li>fetches the chunks one partition at a time ({@link Dataset#toLocalIterator()}) and writes them into the
 *       grid's arrays, dropping each chunk before the next arrives.</li>
 * </ol>
 * Panels above {@link #CHUNK_CELLS} cells are hash-partitioned by open time into
 * {@code max(64, cells / CHUNK_CELLS)} partitions first, so the driver holds at most about 1/64 of the panel's
 * size (or {@link #CHUNK_CELLS} cells) besides the panel's own arrays. Peak driver heap: benchmarks/README.
 */
final class ColumnarPanels {
    /** Rows of one columnar chunk (an executor's partition is cut into chunks of at most this many rows). */
    static final int CHUNK_ROWS = 1 << 16;
    /** Cells (bars × symbols) up to which a panel is read without repartitioning. */
    static final long CHUNK_CELLS = 1L << 16;
    private static final int MIN_SPLIT = 64;
    private static final String[] CANDLE_COLUMNS = {"open", "high", "low", "close", "volume"};

    private ColumnarPanels() {
    }

    /**
     * The panel of {@code candles} (columns symbol, open_time, open, high, low, close, volume and the
     * {@code features}; one interval, at most one row per symbol and time) over {@code universe} in that order;
     * rows of other symbols are ignored, NULL values are NaN.
     */
    static Panel panel(Dataset<Row> candles, Interval interval, List<String> universe, String... features) {
        return panel(candles, interval, universe, CHUNK_CELLS, features);
    }

    /** As {@link #panel(Dataset, Interval, List, String...)}, repartitioning above {@code chunkCells} cells. */
    static Panel panel(Dataset<Row> candles, Interval interval, List<String> universe, long chunkCells,
                       String... features) {
        List<Column> select = new ArrayList<>();
        select.add(col("symbol"));
        select.add(unix_millis(col("open_time")).as("t"));
        for (String c : CANDLE_COLUMNS) {
            select.add(col(c).cast("double").as(c));
        }
        for (String f : features) {
            select.add(col(f).cast("double").as(f));
        }
        Dataset<Row> rows = candles.filter(col("symbol").isin(universe.toArray()))
                .select(select.toArray(new Column[0]));
        List<long[]> parts = rows.select(col("t"))
                .mapPartitions(new DistinctTimes(), Encoders.javaSerialization(long[].class)).collectAsList();
        long[] times = PanelGrid.unionTimes(parts);
        parts = null; // the grid's times replace them
        PanelGrid grid = PanelGrid.empty(interval, times, universe.toArray(new String[0]), Arrays.asList(features));
        long cells = (long) times.length * universe.size();
        if (cells > chunkCells) {
            int split = (int) Math.max(MIN_SPLIT, Math.min(Integer.MAX_VALUE, (cells + chunkCells - 1) / chunkCells));
            rows = rows.repartition(split, col("t"));
        }
        Iterator<Chunk> chunks = rows.mapPartitions(new ToChunks(universe, grid.columnCount()),
                Encoders.javaSerialization(Chunk.class)).toLocalIterator();
        while (chunks.hasNext()) {
            Chunk c = chunks.next();
            grid.putAll(c.symbol, c.time, c.values, c.rows);
        }
        return grid.build();
    }

    /**
     * {@code panel} with the double {@code columns} of {@code frame} (columns symbol, open_time and {@code columns};
     * at most one row per symbol and time) as features of the same names, aligned to the panel's grid: rows of
     * other symbols or at times off the grid are ignored, cells without a row and NULL values are NaN. Executors
     * turn their partitions into columnar chunks as for {@link #panel}; no driver object per row.
     */
    static Panel withFeatures(Panel panel, Dataset<Row> frame, List<String> columns) {
        List<String> universe = Arrays.asList(panel.symbols());
        long[] times = panel.times();
        List<Column> select = new ArrayList<>();
        select.add(col("symbol"));
        select.add(unix_millis(col("open_time")).as("t"));
        for (String c : columns) {
            select.add(col(c).cast("double").as(c));
        }
        int n = universe.size();
        double[][] values = new double[columns.size()][times.length * n];
        for (double[] v : values) {
            Arrays.fill(v, Double.NaN);
        }
        if (times.length > 0) {
            Dataset<Row> rows = frame.filter(col("symbol").isin(universe.toArray()))
                    .select(select.toArray(new Column[0]))
                    .filter(col("t").between(times[0], times[times.length - 1]));
            boolean[] seen = new boolean[times.length * n];
            Iterator<Chunk> chunks = rows.mapPartitions(new ToChunks(universe, columns.size()),
                    Encoders.javaSerialization(Chunk.class)).toLocalIterator();
            while (chunks.hasNext()) {
                Chunk c = chunks.next();
                for (int k = 0; k < c.rows; k++) {
                    int t = Arrays.binarySearch(times, c.time[k]);
                    if (t < 0) {
                        continue;
                    }
                    int cell = t * n + c.symbol[k];
                    if (seen[cell]) {
                        throw new IllegalArgumentException("two rows of " + universe.get(c.symbol[k]) + " at open_time "
                                + c.time[k] + ": one market and interval per frame");
                    }
                    seen[cell] = true;
                    for (int f = 0; f < values.length; f++) {
                        values[f][cell] = c.values[f][k];
                    }
                }
            }
        }
        Panel out = panel;
        for (int f = 0; f < columns.size(); f++) {
            out = out.withFeature(columns.get(f), values[f]);
        }
        return out;
    }

    /** Rows of one partition as primitive arrays: symbol index (universe order), open time (ms), value columns. */
    public static final class Chunk implements Serializable {
        private static final long serialVersionUID = 1L;
        final int rows;
        final int[] symbol;
        final long[] time;
        final double[][] values;

        Chunk(int rows, int[] symbol, long[] time, double[][] values) {
            this.rows = rows;
            this.symbol = symbol;
            this.time = time;
            this.values = values;
        }
    }

    /** (t) rows → one sorted distinct {@code long[]} per partition. */
    private static final class DistinctTimes implements MapPartitionsFunction<Row, long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<long[]> call(Iterator<Row> input) {
            long[] t = new long[1024];
            int n = 0;
            while (input.hasNext()) {
                if (n == t.length) {
                    t = PanelGrid.sortedDistinct(t, n); // keep the buffer at the distinct times
                    n = t.length;
                    t = Arrays.copyOf(t, Math.max(1024, n * 2));
                }
                t[n++] = input.next().getLong(0);
            }
            return List.of(PanelGrid.sortedDistinct(t, n)).iterator();
        }
    }

    /** (symbol, t, values...) rows → chunks of at most {@link #CHUNK_ROWS} rows. */
    private static final class ToChunks implements MapPartitionsFunction<Row, Chunk> {
        private static final long serialVersionUID = 1L;
        private final HashMap<String, Integer> index = new HashMap<>();
        private final int columns;

        ToChunks(List<String> universe, int columns) {
            for (int i = 0; i < universe.size(); i++) {
                index.put(universe.get(i), i);
            }
            this.columns = columns;
        }

        @Override
        public Iterator<Chunk> call(Iterator<Row> input) {
            Map<String, Integer> idx = index;
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return input.hasNext();
                }

                @Override
                public Chunk next() {
                    if (!input.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    int[] symbol = new int[CHUNK_ROWS];
                    long[] time = new long[CHUNK_ROWS];
                    double[][] values = new double[columns][CHUNK_ROWS];
                    int n = 0;
                    while (n < CHUNK_ROWS && input.hasNext()) {
                        Row r = input.next();
                        symbol[n] = idx.get(r.getString(0));
                        time[n] = r.getLong(1);
                        for (int c = 0; c < columns; c++) {
                            values[c][n] = r.isNullAt(2 + c) ? Double.NaN : r.getDouble(2 + c);
                        }
                        n++;
                    }
                    if (n < CHUNK_ROWS) {
                        symbol = Arrays.copyOf(symbol, n);
                        time = Arrays.copyOf(time, n);
                        for (int c = 0; c < columns; c++) {
                            values[c] = Arrays.copyOf(values[c], n);
                        }
                    }
                    return new Chunk(n, symbol, time, values);
                }
            };
        }
    }
}
