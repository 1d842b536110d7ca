import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_millis;

import io.quantlake.lake.CandleQuery;
import io.quantlake.lake.CandleStore;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.spark.SparkSessions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Peak driver heap of a panel read from the lake (issue 13 item 4), not part of mvn verify: writes SYMBOLS × BARS
 * 1h candles into a fresh lake, reads them once to warm up, then reads the panel again while a thread runs a full
 * GC every 50 ms and records the heap in use after it (the live heap). Peak = max(live heap during the read) −
 * live heap before it, compared with the panel's own arrays (times + five double matrices). For contrast, the same window collected as one Spark Row per candle (the old path).
 * Usage: benchmarks/panel-heap/run.sh [symbols] [bars] [columnar] (columnar: skip the Row path)
 */
public final class PanelHeap {
    private static final long T0 = 1_704_067_200_000L;
    private static final long HOUR = 3_600_000L;
    private static final long SAMPLE_MS = 50;

    public static void main(String[] args) throws Exception {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int bars = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path dir = Files.createTempDirectory("panel-heap-lake");
        SparkSession spark = SparkSessions.getOrCreate("panel-heap", "local[2]", dir.resolve("warehouse"), 2);
        Lake lake = Lake.at(spark, dir.resolve("lake").toString());
        Column bar = floor(col("id").divide(symbols));
        Column sym = pmod(col("id"), lit(symbols));
        Dataset<Row> rows = spark.range(0, (long) symbols * bars).select(lit("spot").as("market"), lit("1h").as("interval"),
                concat(lit("S"), sym.cast("string")).as("symbol"), timestamp_millis(bar.multiply(HOUR).plus(T0)).as("open_time"),
                col("id").cast("double").as("open"), col("id").plus(2).cast("double").as("high"),
                col("id").minus(1).cast("double").as("low"), col("id").plus(0.5).as("close"),
                col("id").divide(3).as("volume"), lit(null).cast("double").as("quote_volume"),
                lit(null).cast("long").as("trades"), lit(null).cast("double").as("taker_buy_base"),
                lit(null).cast("double").as("taker_buy_quote"), lit("bench").as("ingest_run"));
        lake.merge(LakeTable.CANDLES, rows);
        List<String> universe = new ArrayList<>();
        for (int i = 0; i < symbols; i++) {
            universe.add("S" + i);
        }
        CandleQuery q = new CandleQuery(Market.SPOT, Interval.H1, universe, T0, T0 + bars * HOUR);
        CandleStore store = new CandleStore(lake);

        Panel warm = store.panel(q);
        long panelBytes = 8L * warm.bars() + 5L * 8 * warm.bars() * warm.symbolCount();
        warm = null;
        measure("columnar panel (CandleStore.panel)", panelBytes, () -> store.panel(q));
        if (args.length > 2 && args[2].equals("columnar")) {
            spark.stop();
            return;
        }
        Dataset<Row> window = store.candles(q).select(col("symbol"), col("open_time"), col("open"), col("high"),
                col("low"), col("close"), col("volume"));
        measure("one Row per candle (collectAsList + PanelBuilder)", panelBytes, () -> {
            List<Row> all = window.collectAsList();
            PanelBuilder b = Panel.builder(Interval.H1, universe.toArray(new String[0]));
            for (Row r : all) {
                b.bar(r.getString(0), r.getTimestamp(1).getTime(), r.getDouble(2), r.getDouble(3), r.getDouble(4),
                        r.getDouble(5), r.getDouble(6));
            }
            return b.build();
        });
        spark.stop();
    }

    private interface Read {
        Panel run();
    }

    private static void measure(String name, long panelBytes, Read read) throws InterruptedException {
        long base = usedAfterFullGc();
        AtomicLong peak = new AtomicLong(base);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> { // live heap = heap in use right after a full collection
            while (running.get()) {
                peak.accumulateAndGet(usedAfterFullGc(), Math::max);
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        long start = System.nanoTime();
        sampler.start();
        Panel p = read.run();
        running.set(false);
        sampler.join();
        long ms = (System.nanoTime() - start) / 1_000_000;
        long live = Math.max(peak.get(), usedAfterFullGc()) - base;
        System.out.printf("%s: %d bars x %d symbols, panel arrays %.1f MB, peak live heap above baseline %.1f MB "
                        + "(%.2fx the panel; sampled every %d ms after a full GC), %d ms%n", name, p.bars(),
                p.symbolCount(), panelBytes / 1e6, live / 1e6, (double) live / panelBytes, SAMPLE_MS, ms);
    }

    private static long usedAfterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
