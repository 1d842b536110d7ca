package io.quantlake.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link WeightRebalanceBenchmark}'s two schedules and their floors {@link BareCloseStreamBenchmark#stream}
 * and {@link BareCloseStreamBenchmark#streamEveryBarInputs}
 * timed by the calling thread's CPU time, best of {@value #ROUNDS} rounds: the weight ratio as a
 * shared machine disturbs it least (see {@link SmaCrossCpuTime}). Run with
 * {@code java -cp benchmarks.jar io.quantlake.bench.WeightCpuTime}.
 */
public final class WeightCpuTime {
    private static final int ROUNDS = 15;
    private static final int KERNEL_OPS = 40;
    private static final int FLOOR_OPS = 200;

    private WeightCpuTime() {
    }

    public static void main(String[] args) {
        WeightRebalanceBenchmark kernel = new WeightRebalanceBenchmark();
        kernel.setUp();
        BareCloseStreamBenchmark floor = new BareCloseStreamBenchmark();
        floor.setUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long bestKernel = Long.MAX_VALUE;
        long bestDaily = Long.MAX_VALUE;
        long bestFloor = Long.MAX_VALUE;
        long bestInputs = Long.MAX_VALUE;
        long rows = 0;
        double sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < KERNEL_OPS; k++) {
                rows += kernel.rebalance().ledger().size();
            }
            bestKernel = Math.min(bestKernel, (mx.getCurrentThreadCpuTime() - t0) / KERNEL_OPS);
            t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < KERNEL_OPS; k++) {
                rows += kernel.rebalanceDaily().ledger().size();
            }
            bestDaily = Math.min(bestDaily, (mx.getCurrentThreadCpuTime() - t0) / KERNEL_OPS);
            t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < FLOOR_OPS; k++) {
                sink += floor.stream();
            }
            bestFloor = Math.min(bestFloor, (mx.getCurrentThreadCpuTime() - t0) / FLOOR_OPS);
            t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < FLOOR_OPS; k++) {
                sink += floor.streamEveryBarInputs();
            }
            bestInputs = Math.min(bestInputs, (mx.getCurrentThreadCpuTime() - t0) / FLOOR_OPS);
        }
        double assetBars = WeightRebalanceBenchmark.ASSET_BARS;
        System.out.printf("thread CPU time per operation, best of %d rounds (%d asset-bars; %d ledger rows per run pair; checksum %.3e)%n",
                ROUNDS, WeightRebalanceBenchmark.ASSET_BARS, rows / ((long) ROUNDS * KERNEL_OPS), sink);
        System.out.printf("  %-22s %8.1f us  %.3e asset-bars/s%n", "floor", bestFloor / 1e3, assetBars * 1e9 / bestFloor);
        System.out.printf("  %-22s %8.1f us  %.3e asset-bars/s  ratio %.2f%n", "targets+opens+closes", bestInputs / 1e3,
                assetBars * 1e9 / bestInputs, (double) bestInputs / bestFloor);
        System.out.printf("  %-22s %8.1f us  %.3e asset-bars/s  ratio %.2f (%.2f of its input stream)%n",
                "kernel, every bar", bestKernel / 1e3, assetBars * 1e9 / bestKernel, (double) bestKernel / bestFloor,
                (double) bestKernel / bestInputs);
        System.out.printf("  %-22s %8.1f us  %.3e asset-bars/s  ratio %.2f%n", "kernel, daily", bestDaily / 1e3,
                assetBars * 1e9 / bestDaily, (double) bestDaily / bestFloor);
    }
}
