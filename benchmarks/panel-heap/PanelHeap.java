import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_millis;

import io.quantlake.backtest.FactorPanels;
import io.quantlake.factorspec.FactorRef;
import io.quantlake.lake.CandleQuery;
import io.quantlake.lake.CandleStore;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.spark.SparkSessions;
import java.lang.management.GarbageCollectorMXBean;
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
 * GC every 50 ms and records the heap in use after it (the live heap; a sample whose collection the JVM skipped,
 * because a thread held the GC locker in a JNI critical region, still holds garbage and is discarded). Peak =
 * max(live heap during the read) − baseline, the smaller of the live heap before the read and after it once the
 * panel is dropped (Spark frees state of earlier reads meanwhile: the heap before alone can exceed the heap during
 * the read minus the panel), compared with the panel's own arrays (times + five double matrices). For contrast, the same window collected as one Spark Row per candle (the old path).
 * Usage: benchmarks/panel-heap/run.sh [symbols] [bars] [columnar|factors] (columnar: skip the Row path; factors:
 * instead, two factors and two Spark-computed columns attached to the panel, against the two feature arrays); with
 * {@code -Dpanelheap.histogram=N} each sample is a class histogram of the live heap (jcmd's GC.class_histogram, a
 * full GC too) and the N largest classes of the peak sample are printed: where the excess above the panel goes.
 */
public final class PanelHeap {
    private static final long T0 = 1_704_067_200_000L;
    private static final long HOUR = 3_600_000L;
    private static final long SAMPLE_MS = 50;
    private static final int HISTOGRAM = Integer.getInteger("panelheap.histogram", 0);
    private static final GarbageCollectorMXBean FULL_GC = oldGenerationCollector();

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
        // Delta's MERGE above left its source materialized (about 70 MB here), freed only when Spark's cleaner
        // gets to it, maybe in the middle of the measured read: free it now, so the baseline holds no garbage-to-be.
        for (org.apache.spark.api.java.JavaRDD<?> cached
                : org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).getPersistentRDDs().values()) {
            cached.unpersist(true);
        }
        long panelBytes = 8L * warm.bars() + 5L * 8 * warm.bars() * warm.symbolCount();
        if (args.length > 2 && args[2].equals("factors")) { // factor columns onto the panel, which stays in the baseline
            Panel panel = warm;
            long featureBytes = 2L * 8 * panel.bars() * panel.symbolCount();
            List<FactorRef> factors = List.of(FactorRef.of("mom_10_1"), FactorRef.of("rev_3"));
            FactorPanels.attach(panel, store, q, factors, "panel-heap"); // warm-up
            measure("2 factors computed in Spark (FactorPanels.attach: mom_10_1, rev_3)", featureBytes,
                    () -> FactorPanels.attach(panel, store, q, factors, "panel-heap"));
            Dataset<Row> frame = store.candles(q).select(col("symbol"), col("open_time"),
                    col("close").minus(col("open")).as("r1"), col("volume").multiply(2).as("lv"));
            CandleStore.withFeatures(panel, frame, List.of("r1", "lv")); // warm-up
            measure("2 columns computed in Spark (CandleStore.withFeatures, no shuffle)", featureBytes,
                    () -> CandleStore.withFeatures(panel, frame, List.of("r1", "lv")));
            spark.stop();
            return;
        }
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
        String[] baseHistogram = {""};
        long base = liveHeap(baseHistogram);
        while (base < 0) {
            base = liveHeap(baseHistogram);
        }
        AtomicLong peak = new AtomicLong(base);
        AtomicLong samples = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        String[] peakHistogram = {""};
        Thread sampler = new Thread(() -> {
            String[] histogram = {""};
            while (running.get()) {
                long live = liveHeap(histogram);
                samples.incrementAndGet();
                if (live < 0) {
                    skipped.incrementAndGet();
                } else if (live > peak.get()) {
                    peak.set(live);
                    peakHistogram[0] = histogram[0];
                }
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
        long after = liveHeap(new String[1]);
        long peakLive = Math.max(peak.get(), after);
        int bars = p.bars();
        int symbols = p.symbolCount();
        p = null; // the baseline after the read: what the read left besides the panel
        String[] endHistogram = {""};
        long end = liveHeap(endHistogram);
        while (end < 0) {
            end = liveHeap(endHistogram);
        }
        long live = peakLive - Math.min(base, end);
        System.out.printf("%s: %d bars x %d symbols, arrays %.1f MB, peak live heap above baseline %.1f MB "
                        + "(%.2fx the arrays; baseline min(before %.1f MB, after without the panel %.1f MB); "
                        + "%d samples every %d ms after a full GC, %d skipped: GC locker held), %d ms%n",
                name, bars, symbols, panelBytes / 1e6, live / 1e6, (double) live / panelBytes, base / 1e6, end / 1e6,
                samples.get(), SAMPLE_MS, skipped.get(), ms);
        if (HISTOGRAM > 0) {
            print("live heap at the peak sample minus before the read",
                    minus(classes(peakHistogram[0]), classes(baseHistogram[0])));
            print("live heap before the read minus after it without the panel",
                    minus(classes(baseHistogram[0]), classes(endHistogram[0])));
        }
    }

    /** Per class of {@code a}: its {instances, bytes} in {@code a} minus those in {@code b}. */
    private static List<java.util.Map.Entry<String, long[]>> minus(java.util.Map<String, long[]> a,
                                                                  java.util.Map<String, long[]> b) {
        List<java.util.Map.Entry<String, long[]>> out = new ArrayList<>();
        for (java.util.Map.Entry<String, long[]> e : a.entrySet()) {
            long[] other = b.getOrDefault(e.getKey(), new long[2]);
            out.add(java.util.Map.entry(e.getKey(), new long[] {e.getValue()[0] - other[0], e.getValue()[1] - other[1]}));
        }
        return out;
    }

    private static void print(String title, List<java.util.Map.Entry<String, long[]>> classes) {
        classes.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        System.out.println(title + ", largest classes (instances, MB):");
        for (java.util.Map.Entry<String, long[]> e : classes.subList(0, Math.min(HISTOGRAM, classes.size()))) {
            System.out.printf("  %-60s %+9d %+8.1f%n", e.getKey(), e.getValue()[0], e.getValue()[1] / 1e6);
        }
    }

    /** Class name → {instances, bytes} of a class histogram's lines ("  1:  12998  102187880  [J (java.base@17)"). */
    private static java.util.Map<String, long[]> classes(String histogram) {
        java.util.Map<String, long[]> m = new java.util.HashMap<>();
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                m.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return m;
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The class histogram of the live heap (a full GC first), as jcmd GC.class_histogram prints it. */
    private static String histogram() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("class histogram: " + e, e);
        }
    }

    /**
     * The live heap: bytes in use right after a full collection ({@code System.gc()}, or the class histogram's when
     * {@code panelheap.histogram} is set, stored in {@code histogram[0]}); -1 when the JVM skipped the collection
     * (a thread in a JNI critical region holds the GC locker, e.g. a checksum or codec): then the heap in use
     * still holds garbage and is no sample of the live heap.
     */
    private static long liveHeap(String[] histogram) {
        long fullGcs = FULL_GC.getCollectionCount();
        if (HISTOGRAM > 0) {
            histogram[0] = histogram();
        } else {
            System.gc();
        }
        long used = used();
        return FULL_GC.getCollectionCount() == fullGcs ? -1 : used;
    }

    /** The full collector (ParallelGC's "PS MarkSweep", G1's "G1 Old Generation"): its count grows with every full GC. */
    private static GarbageCollectorMXBean oldGenerationCollector() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().contains("MarkSweep") || gc.getName().contains("Old")) {
                return gc;
            }
        }
        throw new IllegalStateException("no full collector among the JVM's: run with -XX:+UseParallelGC (run.sh)");
    }
}
