package io.quantlake.bench;

import io.quantlake.market.Interval;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.reference.SmaCrossTpslStrategy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The three {@link SmaCrossVsTa4jBenchmark} methods timed by the calling thread's CPU time, best of
 * {@value #ROUNDS} rounds: a figure that a shared machine disturbs far less than JMH's wall-clock
 * throughput (another process's load mostly lengthens the wall clock, not this thread's CPU time).
 * It leaves out the garbage collector's threads, which favours ta4j (about 100 MB allocated per
 * operation against QuantLake's 12 MB). A fourth line times the decider's pass alone
 * ({@code SmaCrossTpslStrategy.prepare} on the same closes, the one-time part of {@code quantlake}).
 * Run with {@code java -Xmx3g -cp benchmarks.jar io.quantlake.bench.SmaCrossCpuTime}.
 */
public final class SmaCrossCpuTime {
    private static final int ROUNDS = 12;

    private SmaCrossCpuTime() {
    }

    public static void main(String[] args) {
        SmaCrossVsTa4jBenchmark b = new SmaCrossVsTa4jBenchmark();
        b.setUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] close = SyntheticPanels.closes(SmaCrossVsTa4jBenchmark.BARS, 1, SmaCrossVsTa4jBenchmark.VOL,
                SmaCrossVsTa4jBenchmark.SEED);
        CandleWindow series = new CandleWindow().reset("S000",
                SyntheticPanels.grid(Interval.M1, close.length), close, close, close, close, close, 0, close.length);
        SmaCrossTpslStrategy strategy = new SmaCrossTpslStrategy(SmaCrossVsTa4jBenchmark.FAST,
                SmaCrossVsTa4jBenchmark.SLOW, SmaCrossVsTa4jBenchmark.TAKE_PROFIT, SmaCrossVsTa4jBenchmark.STOP_LOSS, 1);
        String[] names = {"quantlake", "quantlakeWithEquity", "ta4j", "sma pass (prepare)"};
        int[] opsPerRound = {20, 20, 2, 20};
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int m = 0; m < names.length; m++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int k = 0; k < opsPerRound[m]; k++) {
                    Object r = switch (m) {
                        case 0 -> b.quantlake();
                        case 1 -> b.quantlakeWithEquity();
                        case 2 -> b.ta4j();
                        default -> strategy.prepare(series, Interval.M1);
                    };
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
