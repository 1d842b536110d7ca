package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.TargetWeights;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md 17 without JMH: the weight path's bar loop allocates nothing per bar. Bytes allocated by
 * the running thread grow with the bar count only by the arrays sized once per run (result columns,
 * the recorded targets): {@code 8 N + 50} bytes per bar. One object per bar would add at least 16
 * bytes per bar.
 */
class WeightPathAllocationTest {
    private static final int N = 3;

    private static Panel panel(int bars) {
        long[] times = new long[bars];
        double[] px = new double[bars * N];
        for (int t = 0; t < bars; t++) {
            times[t] = t * 86_400_000L;
            for (int i = 0; i < N; i++) {
                px[t * N + i] = 100 + 10 * Math.sin(t * 0.1 + i);
            }
        }
        String[] symbols = {"A", "B", "C"};
        return new Panel(Interval.D1, times, symbols, px, px, px, px, px, java.util.Map.of());
    }

    private static TargetWeights weights(int bars) {
        boolean[] d = new boolean[bars];
        double[] w = new double[bars * N];
        Arrays.fill(w, Double.NaN);
        d[0] = true; // one decision: the ledger does not grow with the bar count
        Arrays.fill(w, 0, N, 0.3);
        return new TargetWeights(bars, N, d, w);
    }

    private static long allocated(Panel p, TargetWeights w, SimConfig c) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        Simulator.run(p, c, StrategyInput.weights(w));
        return mx.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void barLoopAllocatesNothingPerBar() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "thread allocation counters not available on this JVM");
        SimConfig c = SimConfig.builder(Market.USDM, 1e6).costs(4, 2, 1).fundingMissing(FundingMissing.ZERO).build();
        Panel small = panel(20_000);
        Panel large = panel(40_000);
        TargetWeights ws = weights(20_000);
        TargetWeights wl = weights(40_000);
        for (int k = 0; k < 5; k++) { // warm up: class loading and JIT
            allocated(small, ws, c);
            allocated(large, wl, c);
        }
        long perBar = (allocated(large, wl, c) - allocated(small, ws, c)) / 20_000;
        // per bar: 5 result columns (40) + invested (1) + times copy (8) + recorded targets (8 N + 1) = 8 N + 50
        assertTrue(perBar < 8 * N + 50 + 12, "the weight path allocates " + perBar + " bytes per bar");
    }
}
