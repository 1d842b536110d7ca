package io.quantlake.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The memory-bound floor of {@link WeightRebalanceBenchmark}: stream the same
 * {@value WeightRebalanceBenchmark#BARS} × {@value WeightRebalanceBenchmark#SYMBOLS} close matrix
 * bar by bar ({@code close[t * N + i]}, the kernel's layout and order) and sum it. Four independent
 * accumulators per bar row keep the loop bound by loads rather than by the latency of one chain
 * of floating-point adds; each row's sum goes to the {@link Blackhole}, so nothing is elided.
 * One operation = one pass = {@value WeightRebalanceBenchmark#ASSET_BARS} asset-bars.
 */
@State(Scope.Benchmark)
public class BareCloseStreamBenchmark extends ModestSettings {
    private double[] close;
    private int n;
    private int bars;

    @Setup(Level.Trial)
    public void setUp() {
        bars = WeightRebalanceBenchmark.BARS;
        n = WeightRebalanceBenchmark.SYMBOLS;
        close = SyntheticPanels.walks(io.quantlake.market.Interval.H1, bars, n, WeightRebalanceBenchmark.VOL,
                WeightRebalanceBenchmark.SEED).close();
    }

    @Benchmark
    public void stream(Blackhole bh) {
        double[] c = close;
        int symbols = n;
        for (int t = 0; t < bars; t++) {
            int row = t * symbols;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = 0;
            for (; i + 3 < symbols; i += 4) {
                s0 += c[row + i];
                s1 += c[row + i + 1];
                s2 += c[row + i + 2];
                s3 += c[row + i + 3];
            }
            for (; i < symbols; i++) {
                s0 += c[row + i];
            }
            bh.consume(s0 + s1 + s2 + s3);
        }
    }
}
