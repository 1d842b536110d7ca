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
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Candles of a Dataset into a {@link Panel} without one driver object per row. Tasks turn their partitions into
 * columnar chunks (primitive arrays of at most {@link #CHUNK_ROWS} rows); the driver
 * <ol>
 *   <li>collects each partition's distinct open times (a {@code long[]} each) and lays out the grid
 *       ({@link PanelGrid#unionTimes}), then</li>
 *   <li>runs one Spark job over all partitions that puts every chunk into the grid's arrays ({@link #forEachChunk}),
 *       in one of two ways ({@link Delivery}): in local mode the tasks run in the driver's JVM and put their chunks
 *       into the arrays themselves, one reused chunk buffer per task, so nothing is shipped, shuffled or held
 *       besides the arrays; on a cluster each partition's chunks are the task's result (Java-serialized), written
 *       into the arrays as the result arrives and dropped at once.</li>
 * </ol>
 * A fixed number of Spark jobs whatever the panel's size: the grid's, the chunks' and, on a cluster when the input
 * has too few partitions, the shuffle that makes more: so that the driver holds only a few partitions' chunks
 * besides the panel's own arrays, a panel of more than {@link #CHUNK_CELLS} cells is then read in at least
 * {@code min(200, max(64, cells / CHUNK_CELLS))} partitions ({@link #partitioned}). Peak driver heap:
 * benchmarks/README.
 */
final class ColumnarPanels {
    /** Rows of one columnar chunk: a task puts (or ships) its partition's rows this many at a time. */
    static final int CHUNK_ROWS = 1 << 12;
    /** Cells (bars × symbols) up to which a panel is read without repartitioning when tasks ship their chunks. */
    static final long CHUNK_CELLS = 1L << 16;
    private static final int MIN_SPLIT = 64;
    private static final int MAX_SPLIT = 200;
    private static final String[] CANDLE_COLUMNS = {"open", "high", "low", "close", "volume"};
    /** The sinks of the reads under way in this JVM, by read key: tasks running here put their chunks into them. */
    private static final ConcurrentHashMap<String, LocalSink> SINKS = new ConcurrentHashMap<>();

    private ColumnarPanels() {
    }

    /** How a partition's chunks reach the panel's arrays. */
    enum Delivery {
        /**
         * Tasks running in the driver's JVM (local mode) put their chunks into the arrays themselves (a task that
         * finds no sink, e.g. in another JVM, ships its chunks instead); no shuffle.
         */
        IN_PROCESS,
        /** Each partition's chunks are its task's result, put into the arrays as it arrives (a cluster). */
        RESULTS;

        /** {@link #IN_PROCESS} when {@code spark} runs its tasks in this JVM (a local master), else {@link #RESULTS}. */
        static Delivery of(SparkSession spark) {
            return spark.sparkContext().isLocal() ? IN_PROCESS : RESULTS;
        }
    }

    /**
     * How a panel is read.
     *
     * @param chunkCells cells (bars × symbols) above which shipped chunks come from at least 64 partitions
     * @param chunkRows  rows per chunk
     * @param delivery   how the chunks reach the arrays
     */
    record Reading(long chunkCells, int chunkRows, Delivery delivery) {
        Reading {
            if (chunkCells < 1 || chunkRows < 1) {
                throw new IllegalArgumentException("chunkCells " + chunkCells + " and chunkRows " + chunkRows
                        + " must be positive");
            }
            Objects.requireNonNull(delivery, "delivery");
        }

        /** The defaults for {@code spark}: {@link #CHUNK_CELLS}, {@link #CHUNK_ROWS}, {@link Delivery#of}. */
        static Reading of(SparkSession spark) {
            return new Reading(CHUNK_CELLS, CHUNK_ROWS, Delivery.of(spark));
        }
    }

    /** A panel read and the number of its chunks that arrived as task results (0 when the tasks put every chunk). */
    record Read(Panel panel, long shippedChunks) {
        Read {
            Objects.requireNonNull(panel, "panel");
        }
    }

    /**
     * The panel of {@code candles} (columns symbol, open_time, open, high, low, close, volume and the
     * {@code features}; one interval, at most one row per symbol and time) over {@code universe} in that order;
     * rows of other symbols are ignored, NULL values are NaN.
     */
    static Panel panel(Dataset<Row> candles, Interval interval, List<String> universe, String... features) {
        return read(candles, interval, universe, Reading.of(candles.sparkSession()), features).panel();
    }

    /** As {@link #panel(Dataset, Interval, List, String...)}, read {@code how}. */
    static Read read(Dataset<Row> candles, Interval interval, List<String> universe, Reading how, String... features) {
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
        long shipped = forEachChunk(partitioned(rows, t.getNumPartitions(), cells, how), universe, columns.size(), how,
                c -> grid.putAll(c.symbol, c.time, c.values, c.rows));
        return new Read(grid.build(), shipped);
    }

    /**
     * {@code panel} with the double {@code columns} of {@code frame} (columns symbol, open_time and {@code columns};
     * at most one row per symbol and time) as features of the same names, aligned to the panel's grid: rows of
     * other symbols or at times off the grid are ignored, cells without a row and NULL values are NaN. The chunks
     * reach the arrays as for {@link #panel}, one Spark job; no driver object per row.
     */
    static Panel withFeatures(Panel panel, Dataset<Row> frame, List<String> columns) {
        return withFeatures(panel, frame, columns, Reading.of(frame.sparkSession())).panel();
    }

    /** As {@link #withFeatures(Panel, Dataset, List)}, read {@code how}. */
    static Read withFeatures(Panel panel, Dataset<Row> frame, List<String> columns, Reading how) {
        List<String> universe = Arrays.asList(panel.symbols());
        long[] times = panel.times();
        int n = universe.size();
        double[][] values = new double[columns.size()][times.length * n];
        for (double[] v : values) {
            Arrays.fill(v, Double.NaN);
        }
        long shipped = 0;
        if (times.length > 0) {
            Dataset<Row> rows = frame.filter(col("symbol").isin(universe.toArray())).select(select(columns))
                    .filter(col("t").between(times[0], times[times.length - 1]));
            boolean[] seen = new boolean[times.length * n];
            shipped = forEachChunk(partitioned(rows, 0, (long) times.length * n, how), universe, columns.size(), how,
                    c -> {
                        for (int k = 0; k < c.rows; k++) {
                            int t = Arrays.binarySearch(times, c.time[k]);
                            if (t < 0) {
                                continue;
                            }
                            int cell = t * n + c.symbol[k];
                            if (seen[cell]) {
                                throw new IllegalArgumentException("two rows of " + universe.get(c.symbol[k])
                                        + " at open_time " + c.time[k] + ": one market and interval per frame");
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
        return new Read(out, shipped);
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
     * The rows of a panel of {@code cells} cells as an RDD: {@code rows}' own partitions when the tasks put their
     * chunks in process (a partition's size costs nothing then) or the panel has at most {@code how.chunkCells()}
     * cells; else at least {@code split = min(200, max(64, cells / chunkCells))} partitions: {@code rows}' own
     * when there are that many ({@code parts}), else hash-partitioned by open time into {@code split}. At most 200
     * ({@code spark.shuffle.sort.bypassMergeThreshold}'s default), so that the shuffle's map side writes every row
     * straight to its partition's file instead of sorting the whole input partition in memory first.
     */
    private static RDD<Row> partitioned(Dataset<Row> rows, int parts, long cells, Reading how) {
        long chunkCells = how.chunkCells();
        if (how.delivery() == Delivery.IN_PROCESS || cells <= chunkCells) {
            return rows.rdd();
        }
        int split = (int) Math.max(MIN_SPLIT, Math.min(MAX_SPLIT, (cells + chunkCells - 1) / chunkCells));
        return parts >= split ? rows.rdd() : rows.repartition(split, col("t")).rdd();
    }

    /**
     * Runs one Spark job over every partition of {@code rows} (symbol, t, {@code columns} doubles) that passes each
     * chunk ({@link ToChunks}) to {@code sink}, one chunk at a time: in the task itself when it runs in this JVM and
     * {@code how} is {@link Delivery#IN_PROCESS}, else on the driver as the partition's result arrives (the chunks are
     * dropped after it; {@link PartitionResults#forEach}). The sink's first exception is rethrown after the job
     * and ends the read.
     *
     * @return the number of chunks that arrived as task results
     */
    private static long forEachChunk(RDD<Row> rows, List<String> universe, int columns, Reading how,
                                     Consumer<Chunk> sink) {
        LocalSink local = new LocalSink(sink);
        String key = how.delivery() == Delivery.IN_PROCESS ? UUID.randomUUID().toString() : null;
        if (key != null) {
            SINKS.put(key, local);
        }
        long[] shipped = {0};
        try {
            PartitionResults.forEach(rows, new ToChunks(universe, columns, how.chunkRows(), key), Chunk[].class,
                    chunks -> {
                        for (int k = 0; k < chunks.length; k++) {
                            local.accept(chunks[k]);
                            chunks[k] = null;
                            shipped[0]++;
                        }
                    });
        } finally {
            if (key != null) {
                SINKS.remove(key);
            }
        }
        local.rethrow();
        return shipped[0];
    }

    /** Rows of one partition as primitive arrays: symbol index (universe order), open time (ms), value columns. */
    public static final class Chunk implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Rows in use: the arrays may be longer (a task's reused buffer). */
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

    /**
     * The driver's sink of one read, shared by the tasks of its JVM and the driver's result handler: one chunk at a
     * time; after its first exception it takes no more chunks, and {@link #rethrow} throws that exception.
     */
    private static final class LocalSink {
        private final Consumer<Chunk> sink;
        private RuntimeException failure;

        LocalSink(Consumer<Chunk> sink) {
            this.sink = sink;
        }

        /** Passes {@code chunk} on unless the read failed; false when it has. */
        synchronized boolean accept(Chunk chunk) {
            if (failure == null) {
                try {
                    sink.accept(chunk);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            return failure == null;
        }

        synchronized void fail(RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        }

        synchronized void rethrow() {
            if (failure != null) {
                throw failure;
            }
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

    /**
     * A partition's (symbol, t, values...) rows → chunks of at most {@code chunkRows} rows: put into the read's
     * {@link LocalSink} when the task runs in the driver's JVM (one buffer, reused; the result is empty), else the
     * task's result.
     */
    private static final class ToChunks extends PartitionFunction<Row, Chunk[]> {
        private static final long serialVersionUID = 1L;
        private final HashMap<String, Integer> index = new HashMap<>();
        private final int columns;
        private final int chunkRows;
        /** The read's key in {@link #SINKS}, null when the chunks are shipped. */
        private final String sinkKey;

        ToChunks(List<String> universe, int columns, int chunkRows, String sinkKey) {
            for (int i = 0; i < universe.size(); i++) {
                index.put(universe.get(i), i);
            }
            this.columns = columns;
            this.chunkRows = chunkRows;
            this.sinkKey = sinkKey;
        }

        @Override
        public Chunk[] apply(scala.collection.Iterator<Row> input) {
            LocalSink local = sinkKey == null ? null : SINKS.get(sinkKey);
            TaskContext task = TaskContext.get();
            if (local != null && task != null && (task.attemptNumber() > 0 || task.stageAttemptNumber() > 0)) {
                // an earlier attempt may have put some of the partition's rows already
                local.fail(new IllegalStateException("partition " + task.partitionId() + " of a panel read ran again"
                        + " (task attempt " + task.attemptNumber() + ", stage attempt " + task.stageAttemptNumber()
                        + ") after a failure; read the panel again"));
                return new Chunk[0];
            }
            List<Chunk> out = new ArrayList<>();
            int[] symbol = null;
            long[] time = null;
            double[][] values = null;
            while (input.hasNext()) {
                if (symbol == null || local == null) {
                    symbol = new int[chunkRows];
                    time = new long[chunkRows];
                    values = new double[columns][chunkRows];
                }
                int n = 0;
                while (n < chunkRows && input.hasNext()) {
                    Row r = input.next();
                    symbol[n] = index.get(r.getString(0));
                    time[n] = r.getLong(1);
                    for (int c = 0; c < columns; c++) {
                        values[c][n] = r.isNullAt(2 + c) ? Double.NaN : r.getDouble(2 + c);
                    }
                    n++;
                }
                if (local != null) {
                    if (!local.accept(new Chunk(n, symbol, time, values))) {
                        break; // the read failed: the driver rethrows its error after the job
                    }
                } else if (n < chunkRows) {
                    double[][] trimmed = new double[columns][];
                    for (int c = 0; c < columns; c++) {
                        trimmed[c] = Arrays.copyOf(values[c], n);
                    }
                    out.add(new Chunk(n, Arrays.copyOf(symbol, n), Arrays.copyOf(time, n), trimmed));
                } else {
                    out.add(new Chunk(n, symbol, time, values));
                }
            }
            return out.toArray(new Chunk[0]);
        }
    }
}
