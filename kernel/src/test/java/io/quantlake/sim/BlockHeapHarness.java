package io.quantlake.sim;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.BlockContext;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.panel.PanelBlocks;
import io.quantlake.panel.PanelSource;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.reference.InverseVolStrategy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import io.quantlake.metrics.Metrics;
import io.quantlake.tearsheet.BacktestFiles;
import io.quantlake.tearsheet.BacktestTearSheet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A heap measurement of a long run in time blocks (issue 13 item 5), not a unit test: {@code inverse_vol} (weekly, or
 * daily with {@code -Dschedule=daily}) over {@code symbols × bars} synthetic 1m bars generated block by block (the
 * whole panel never exists), blocks of 1,440 bars; then its outputs as {@code backtest} writes them (equity.csv,
 * ledger.csv, targets.csv, metrics.json, report.html) to a temporary directory. Prints per size the wall time of the
 * run and of the outputs, the peak heap of the pools, and the heap after a full GC with the result held (its equity
 * rows, ledger blocks and target chunks are in scratch files; the grid's times, 8 bytes a bar, stay). Run with a
 * small heap, e.g. {@code java -Xmx96m -cp kernel/target/classes:kernel/target/test-classes:<deps>
 * io.quantlake.sim.BlockHeapHarness 50 100000 400000 800000 1600000}.
 */
public final class BlockHeapHarness {
    private BlockHeapHarness() {
    }

    public static void main(String[] args) throws Exception {
        int symbols = Integer.parseInt(args[0]);
        for (int k = 1; k < args.length; k++) {
            int bars = Integer.parseInt(args[k]);
            resetPeaks();
            long start = System.nanoTime();
            BacktestResult r = run(symbols, bars);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long runPeak = peak();
            long held = usedAfterGc();
            resetPeaks();
            Path dir = Files.createTempDirectory("block-heap-harness");
            start = System.nanoTime();
            Metrics m = BacktestFiles.write(r, dir);
            BacktestTearSheet.write(dir, r, m, Optional.empty(), "BlockHeapHarness");
            long outMs = (System.nanoTime() - start) / 1_000_000;
            long outPeak = peak();
            long afterOutputs = usedAfterGc();
            long bytes = 0;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    bytes += Files.size(f);
                    Files.delete(f);
                }
            }
            Files.delete(dir);
            System.out.printf("%d symbols × %d bars: run %d ms (peak heap %.1f MB), outputs %d ms (%.1f MB written, "
                    + "peak heap %.1f MB); heap after GC with the result held %.1f MB, after the outputs %.1f MB; "
                    + "%d decisions (%d target cells held), ledger %d rows (%d held), final equity %.2f%n",
                    symbols, bars, ms, runPeak / 1e6, outMs, bytes / 1e6, outPeak / 1e6, held / 1e6,
                    afterOutputs / 1e6, r.recordedTargets().decisions(), r.recordedTargets().ownCells(),
                    r.ledger().size(), r.ledger().residentRows(), r.finalEquity());
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peak usage since {@link #resetPeaks}, bytes (garbage included). */
    private static long peak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            peak += pool.getType() == MemoryType.HEAP ? pool.getPeakUsage().getUsed() : 0;
        }
        return peak;
    }

    /** Heap in use after a full GC (the heap pools' usage after the collection), bytes. */
    private static long usedAfterGc() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            used += pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null
                    ? pool.getCollectionUsage().getUsed() : 0;
        }
        return used;
    }

    private static BacktestResult run(int symbols, int bars) {
        String[] names = new String[symbols];
        int[] first = new int[symbols];
        int[] last = new int[symbols];
        for (int i = 0; i < symbols; i++) {
            names[i] = "S" + i + "USDT";
            last[i] = bars - 1;
        }
        long t0 = 1_704_067_200_000L;
        long[] times = new long[bars];
        for (int t = 0; t < bars; t++) {
            times[t] = t0 + t * Interval.M1.millis();
        }
        BlockContext context = new BlockContext(times, first, last);
        PanelSource source = new PanelSource() {
            @Override
            public BlockContext context() {
                return context;
            }

            @Override
            public String[] symbols() {
                return names;
            }

            @Override
            public Interval interval() {
                return Interval.M1;
            }

            @Override
            public Panel rows(int from, int to) {
                PanelBuilder b = Panel.builder(Interval.M1, names);
                for (int i = 0; i < symbols; i++) {
                    for (int t = from; t < to; t++) {
                        double c = price(t, i);
                        double o = price(t - 1, i);
                        b.bar(names[i], times[t], o, Math.max(o, c) * 1.001, Math.min(o, c) * 0.999, c, 10);
                    }
                }
                return b.build();
            }
        };
        InverseVolStrategy w = new InverseVolStrategy(60, "daily".equals(System.getProperty("schedule"))
                ? new RebalanceSchedule.Daily() : new RebalanceSchedule.Weekly(1));
        PanelBlocks blocks = new PanelBlocks(source, 1440, w.warmupBars());
        return Simulator.run(blocks, SimConfig.builder(Market.SPOT, 100_000).build(),
                p -> StrategyInput.weights(w, p));
    }

    /** A deterministic close of symbol {@code i} at bar {@code t}. */
    private static double price(int t, int i) {
        return 100 * (1 + i) * Math.exp(0.05 * Math.sin(t * 1e-3 * (1 + 0.1 * i)) + 0.003 * Math.sin(t * 0.37 + i));
    }
}
