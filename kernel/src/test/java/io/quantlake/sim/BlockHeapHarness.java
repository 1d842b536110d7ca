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

/**
 * A heap measurement of a long run in time blocks (issue 13 item 5), not a unit test: {@code inverse_vol} (weekly)
 * over {@code symbols × bars} synthetic 1m bars generated block by block (the whole panel never exists), blocks of
 * 1,440 bars; prints the peak heap of the pools after each run and the result's retained recorded targets. Run with
 * a small heap, e.g. {@code java -Xmx96m -cp kernel/target/classes:kernel/target/test-classes:<deps>
 * io.quantlake.sim.BlockHeapHarness 50 100000 400000}: a bars × symbols targets matrix of the longer run alone
 * (160 MB) would not fit.
 */
public final class BlockHeapHarness {
    private BlockHeapHarness() {
    }

    public static void main(String[] args) {
        int symbols = Integer.parseInt(args[0]);
        for (int k = 1; k < args.length; k++) {
            int bars = Integer.parseInt(args[k]);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long start = System.nanoTime();
            BacktestResult r = run(symbols, bars);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                peak += pool.getType() == MemoryType.HEAP ? pool.getPeakUsage().getUsed() : 0;
            }
            System.gc();
            long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf("%d symbols × %d bars: %d ms, peak heap %.1f MB, heap after GC %.1f MB (result held), "
                    + "%d decisions, %d target cells held (a matrix: %d), ledger %d rows, final equity %.2f%n",
                    symbols, bars, ms, peak / 1e6, used / 1e6, r.recordedTargets().decisions(),
                    r.recordedTargets().ownCells(), (long) bars * symbols, r.ledger().size(), r.finalEquity());
        }
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
        InverseVolStrategy w = new InverseVolStrategy(60, new RebalanceSchedule.Weekly(1));
        PanelBlocks blocks = new PanelBlocks(source, 1440, w.warmupBars());
        return Simulator.run(blocks, SimConfig.builder(Market.SPOT, 100_000).build(),
                p -> StrategyInput.weights(w, p));
    }

    /** A deterministic close of symbol {@code i} at bar {@code t}. */
    private static double price(int t, int i) {
        return 100 * (1 + i) * Math.exp(0.05 * Math.sin(t * 1e-3 * (1 + 0.1 * i)) + 0.003 * Math.sin(t * 0.37 + i));
    }
}
