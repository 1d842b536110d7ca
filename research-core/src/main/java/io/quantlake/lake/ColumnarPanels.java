package io.quantlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_millis;

import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelGrid;
import io.quantlake.spark.PartitionResults;
import io.quantlake.spark.PartitionResults.PartitionFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Candles of a Dataset into a {@link Panel} without one driver object per row. Executors turn their partitions
 * into columnar chunks (primitive arrays of at most {@link #CHUNK_ROWS} rows, Java-serialized); the driver
 * <ol>
 *   <li>collects each partition's distinct open times (a {@code long[]} each) and lays out the grid
 *       ({@link PanelGrid#unionTimes}), then</li>
 *   <li>runs one Spark job over all partitions, writing each partition's chunks into the grid's arrays as the
 *       partition's result arrives and dropping them at once ({@link #forEachChunk}).</li>
 * </ol>
 A fixed number of Spark jobs whatever the panel's size: the grid's, the chunks' and, when the input has too few
 * partitions, the shuffle that makes more. So that the driver holds only a few partitions' chunks besides the
 * panel's own arrays, a panel of more than {@link #CHUNK_CELLS} cells is read in at least
 * {@code min(200, max(64, cells / CHUNK_CELLS))} partitions ({@link #partitioned}). Peak driver heap:
 * benchmarks/README.
 */
final class ColumnarPanels {
    /** Rows of one columnar chunk (an executor's partition is cut into chunks of at most this many rows). */
    static final int CHUNK_ROWS = 1 << 16;
    /** Cells (bars × symbols) up to which a panel is read without repartitioning. */
    static final long CHUNK_CELLS = 1L << 16;
    private static final int MIN_SPLIT = 64;
    private static final int MAX_SPLIT = 200;
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
        List<String> columns = new ArrayList<>(Arrays.asList(CANDLE_COLUMNS));
        columns.addAll(Arrays.asList(features));
        Dataset<Row> rows = candles.filter(col("symbol").isin(universe.toArray())).select(select(columns));
        List<long[]> parts = new ArrayList<>();
        RDD<Row> t = rows.select(col("t")).rdd();
        PartitionResults.forEach(t, new DistinctTimes(), long[].class, parts::add);
        long[] times = PanelGrid.unionTimes(parts);
        parts.clear(); // the grid's times replace them
        PanelGrid grid = PanelGrid.empty(interval, times, universe.toArray(new String[0]), Arrays.asList(features));
        long cells = (long) times.length * universe.size();
        forEachChunk(partitioned(rows, t.getNumPartitions(), cells, chunkCells), universe, columns.size(),
                c -> grid.putAll(c.symbol, c.time, c.values, c.rows));
        return grid.build();
    }

    /**
     * {@code panel} with the double {@code columns} of {@code frame} (columns symbol, open_time and {@code columns};
     * at most one row per symbol and time) as features of the same names, aligned to the panel's grid: rows of
     * other symbols or at times off the grid are ignored, cells without a row and NULL values are NaN. Executors
     * turn their partitions into columnar chunks as for {@link #panel}, one Spark job; no driver object per row.
     */
    static Panel withFeatures(Panel panel, Dataset<Row> frame, List<String> columns) {
        return withFeatures(panel, frame, columns, CHUNK_CELLS);
    }

    /** As {@link #withFeatures(Panel, Dataset, List)}, repartitioning above {@code chunkCells} cells. */
    static Panel withFeatures(Panel panel, Dataset<Row> frame, List<String> columns, long chunkCells) {
        List<String> universe = Arrays.asList(panel.symbols());
        long[] times = panel.times();
        int n = universe.size();
        double[][] values = new double[columns.size()][times.length * n];
        for (double[] v : values) {
            Arrays.fill(v, Double.NaN);
        }
        if (times.length > 0) {
            Dataset<Row> rows = frame.filter(col("symbol").isin(universe.toArray())).select(select(columns))
                    .filter(col("t").between(times[0], times[times.length - 1]));
            boolean[] seen = new boolean[times.length * n];
            forEachChunk(partitioned(rows, 0, (long) times.length * n, chunkCells), universe, columns.size(), c -> {
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
            });
        }
        Panel out = panel;
        for (int f = 0; f < columns.size(); f++) {
            out = out.withFeature(columns.get(f), values[f]);
        }
        return out;
    }

    /** symbol, t (open time, UTC epoch ms) and {@code columns} cast to double. */
    private static Column[] select(List<String> columns) {
        List<Column> select = new ArrayList<>();
        select.add(col("symbol"));
        select.add(unix_millis(col("open_time")).as("t"));
        for (String c : columns) {
            select.add(col(c).cast("double").as(c));
        }
        return select.toArray(new Column[0]);
    }

    /**
     * The rows of a panel of {@code cells} cells as an RDD of at least {@code split = min(200, max(64,
     * cells / chunkCells))} partitions: {@code rows}' own partitions when there are that many ({@code parts}),
     * else hash-partitioned by open time into {@code split}. At most 200 ({@code spark.shuffle.sort.bypassMergeThreshold}'s
     * default), so that the shuffle's map side writes every row straight to its partition's file instead of
     * sorting the whole input partition in memory first.
     */
    private static RDD<Row> partitioned(Dataset<Row> rows, int parts, long cells, long chunkCells) {
        if (cells <= chunkCells) {
            return rows.rdd();
        }
        int split = (int) Math.max(MIN_SPLIT, Math.min(MAX_SPLIT, (cells + chunkCells - 1) / chunkCells));
        return parts >= split ? rows.rdd() : rows.repartition(split, col("t")).rdd();
    }

    /**
     * Runs one Spark job over every partition of {@code rows} (symbol, t, {@code columns} doubles): executors turn
     * each partition into chunks ({@link ToChunks}); on the driver {@code sink} takes every chunk of a partition
     * as the partition's result arrives, and the chunks are dropped after it ({@link PartitionResults#forEach}).
     */
    private static void forEachChunk(RDD<Row> rows, List<String> universe, int columns, Consumer<Chunk> sink) {
        PartitionResults.forEach(rows, new ToChunks(universe, columns), Chunk[].class, chunks -> {
            for (int k = 0; k < chunks.length; k++) {
                sink.accept(chunks[k]);
                chunks[k] = null;
            }
        });
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

    /** A partition's (t) rows → its open times, sorted and distinct. */
    private static final class DistinctTimes extends PartitionFunction<Row, long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] apply(scala.collection.Iterator<Row> input) {
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
            return PanelGrid.sortedDistinct(t, n);
        }
    }

    /** A partition's (symbol, t, values...) rows → chunks of at most {@link #CHUNK_ROWS} rows. */
    private static final class ToChunks extends PartitionFunction<Row, Chunk[]> {
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
        public Chunk[] apply(scala.collection.Iterator<Row> input) {
            List<Chunk> out = new ArrayList<>();
            while (input.hasNext()) {
                int[] symbol = new int[CHUNK_ROWS];
                long[] time = new long[CHUNK_ROWS];
                double[][] values = new double[columns][CHUNK_ROWS];
                int n = 0;
                while (n < CHUNK_ROWS && input.hasNext()) {
                    Row r = input.next();
                    symbol[n] = index.get(r.getString(0));
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
                out.add(new Chunk(n, symbol, time, values));
            }
            return out.toArray(new Chunk[0]);
        }
    }
}
