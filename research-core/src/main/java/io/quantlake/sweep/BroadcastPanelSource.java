package io.quantlake.sweep;

import io.quantlake.market.Interval;
import io.quantlake.panel.BlockContext;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelGrid;
import io.quantlake.panel.PanelSource;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.BlockManager;
import org.apache.spark.storage.BroadcastBlockId;

/**
 * A sweep's panel shipped to the executors as consecutive chunks of grid rows, one Spark broadcast per chunk
 * (issue 13, item 6), read back by a task's block run ({@link io.quantlake.backtest.Backtest#run(PanelSource,
 * io.quantlake.config.BacktestConfig, Map, Map, int, long)}) one range at a time: {@link #rows} fetches only the
 * chunks the range overlaps. The driver reads the chunks from the lake one at a time ({@link #broadcast}) and
 * never holds the whole panel.
 *
 * <p>What Spark keeps (TorrentBroadcast, Spark 4.1): a broadcast stores its value deserialized in the block
 * manager (storage level MEMORY_AND_DISK) of the driver when created and of each executor that reads it, plus its
 * serialized, compressed pieces (MEMORY_AND_DISK_SER) — until the broadcast is destroyed; the memory store moves
 * them to disk only when its storage region is full, and that region does not see the simulator's arrays. Left
 * alone, every executor would end up holding every chunk deserialized. So the deserialized copy is removed from
 * the local block manager right after it is broadcast (driver) and right after a range is copied out of it
 * (executor): what stays is the serialized pieces (about the chunk's size; spilled to disk under storage
 * pressure) and the broadcast handle's soft reference to the value (cleared by the GC before memory runs out),
 * so strongly held on a task are only the chunks of the range being copied and the block panel itself.
 */
final class BroadcastPanelSource implements PanelSource, Serializable {
    private static final long serialVersionUID = 1L;

    private final Interval interval;
    private final String[] symbols;
    private final long[] times;
    private final int[] firstBar;
    private final int[] lastBar;
    private final int chunkBars;
    private final List<Broadcast<PanelGrid>> chunks;
    private transient BlockContext context;

    private BroadcastPanelSource(Interval interval, String[] symbols, long[] times, int[] firstBar, int[] lastBar,
                                 int chunkBars, List<Broadcast<PanelGrid>> chunks) {
        this.interval = interval;
        this.symbols = symbols;
        this.times = times;
        this.firstBar = firstBar;
        this.lastBar = lastBar;
        this.chunkBars = chunkBars;
        this.chunks = List.copyOf(chunks);
    }

    /**
     * Reads {@code source} in chunks of {@code chunkBars} grid rows (one at a time, on the driver) and broadcasts
     * each; {@link #destroy} removes them when the sweep is done.
     */
    static BroadcastPanelSource broadcast(JavaSparkContext jsc, PanelSource source, int chunkBars) {
        if (chunkBars < 1) {
            throw new IllegalArgumentException("a chunk must hold >= 1 bar, got " + chunkBars);
        }
        BlockContext context = source.context();
        long[] times = context.times();
        int n = source.symbols().length;
        int[] first = new int[n];
        int[] last = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = context.firstBar(i);
            int delisting = context.delistingBar(i);
            last[i] = first[i] < 0 ? -1 : delisting >= 0 ? delisting : times.length - 1;
        }
        List<Broadcast<PanelGrid>> chunks = new ArrayList<>();
        try {
            for (int from = 0; from < times.length; from += chunkBars) {
                Broadcast<PanelGrid> b = jsc.broadcast(PanelGrid.of(source.rows(from, Math.min(times.length,
                        from + chunkBars))));
                chunks.add(b);
                release(b);
            }
        } catch (RuntimeException e) {
            chunks.forEach(Broadcast::destroy);
            throw e;
        }
        return new BroadcastPanelSource(source.interval(), source.symbols().clone(), times, first, last, chunkBars,
                chunks);
    }

    /** Number of broadcast chunks. */
    int chunkCount() {
        return chunks.size();
    }

    /** The broadcasts, chunk by chunk. */
    List<Broadcast<PanelGrid>> chunks() {
        return chunks;
    }

    /** Removes every chunk's broadcast from the driver and the executors. */
    void destroy() {
        chunks.forEach(Broadcast::destroy);
    }

    @Override
    public BlockContext context() {
        if (context == null) {
            context = new BlockContext(times, firstBar, lastBar);
        }
        return context;
    }

    @Override
    public String[] symbols() {
        return symbols.clone();
    }

    @Override
    public Interval interval() {
        return interval;
    }

    /**
     * The grid rows {@code [from, to)}, copied out of the chunks they overlap (each fetched from the block manager,
     * or from the driver and other executors the first time, then released locally).
     */
    @Override
    public Panel rows(int from, int to) {
        if (from < 0 || to > times.length || from >= to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of a grid of " + times.length + " bars");
        }
        int n = symbols.length;
        int bars = to - from;
        double[][] columns = null;
        String[] features = null;
        for (int k = from / chunkBars; k <= (to - 1) / chunkBars; k++) {
            Broadcast<PanelGrid> b = chunks.get(k);
            Panel chunk = b.value().build();
            release(b);
            if (columns == null) {
                features = chunk.features().keySet().toArray(new String[0]);
                columns = new double[PanelGrid.CANDLE_COLUMNS + features.length][bars * n];
            }
            int chunkStart = k * chunkBars;
            int a = Math.max(from, chunkStart);
            int z = Math.min(to, chunkStart + chunk.bars());
            double[][] src = columnsOf(chunk, features);
            for (int c = 0; c < columns.length; c++) {
                System.arraycopy(src[c], (a - chunkStart) * n, columns[c], (a - from) * n, (z - a) * n);
            }
        }
        Map<String, double[]> f = new LinkedHashMap<>();
        for (int j = 0; j < features.length; j++) {
            f.put(features[j], columns[PanelGrid.CANDLE_COLUMNS + j]);
        }
        return new Panel(interval, java.util.Arrays.copyOfRange(times, from, to), symbols.clone(), columns[0],
                columns[1], columns[2], columns[3], columns[4], f);
    }

    /** The value columns of {@code chunk} in {@link PanelGrid}'s order, the features named {@code features}. */
    private static double[][] columnsOf(Panel chunk, String[] features) {
        double[][] m = new double[PanelGrid.CANDLE_COLUMNS + features.length][];
        m[0] = chunk.open();
        m[1] = chunk.high();
        m[2] = chunk.low();
        m[3] = chunk.close();
        m[4] = chunk.volume();
        for (int j = 0; j < features.length; j++) {
            m[PanelGrid.CANDLE_COLUMNS + j] = chunk.feature(features[j]);
        }
        return m;
    }

    /**
     * Drops the deserialized value of {@code b} from this JVM's block manager (its serialized pieces stay, so a
     * later {@link Broadcast#value} deserializes them again without a network fetch).
     */
    static void release(Broadcast<?> b) {
        SparkEnv env = SparkEnv.get();
        if (env == null) {
            return;
        }
        BlockManager blocks = env.blockManager();
        BroadcastBlockId id = new BroadcastBlockId(b.id(), "");
        if (blocks.memoryStore().contains(id)) {
            blocks.removeBlock(id, false);
        }
    }
}
