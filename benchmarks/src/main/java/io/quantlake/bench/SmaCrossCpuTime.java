package io.quantlake.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The three {@link SmaCrossVsTa4jBenchmark} methods timed by the calling thread's CPU time, best of
 * {@value #ROUNDS} rounds: a figure that a shared machine disturbs far less than JMH's wall-clock
 * throughput (another process's load mostly lengthens the wall clock, not this thread's CPU time).
 * It leaves out the garbage collector's threads, which favours ta4j (about 100 MB allocated per
 * operation against QuantLake's 12 MB). Run with
 * {@code java -Xmx3g -cp benchmarks.jar io.quantlake.bench.SmaCrossCpuTime}.
 */
public final class SmaCrossCpuTime {
    private static final int ROUNDS = 12;

    private SmaCrossCpuTime() {
    }

    public static void main(String[] args) {
        SmaCrossVsTa4jBenchmark b = new SmaCrossVsTa4jBenchmark();
        b.setUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] names = {"quantlake", "quantlakeWithEquity", "ta4j"};
        int[] opsPerRound = {20, 20, 2};
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int m = 0; m < names.length; m++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int k = 0; k < opsPerRound[m]; k++) {
                    Object r = m == 0 ? b.quantlake() : m == 1 ? b.quantlakeWithEquity() : b.ta4j();
                    sink += System.identityHashCode(r);
                }
                best[m] = Math.min(best[m], (mx.getCurrentThreadCpuTime() - t0) / opsPerRound[m]);
            }
        }
        System.out.println("thread CPU time per operation, best of " + ROUNDS + " rounds (" + SmaCrossVsTa4jBenchmark.BARS
                + " bars; checksum " + (sink & 0xff) + ")");
        for (int m = 0; m < names.length; m++) {
            double nsPerBar = (double) best[m] / SmaCrossVsTa4jBenchmark.BARS;
            System.out.printf("  %-20s %8.2f ms  %6.2f ns/bar  %.3e bars/s%n", names[m], best[m] / 1e6, nsPerBar,
                    1e9 / nsPerBar);
        }
        System.out.printf("  ratio ta4j / quantlake = %.1f; ta4j / quantlakeWithEquity = %.1f%n",
                (double) best[2] / best[0], (double) best[2] / best[1]);
    }
}
