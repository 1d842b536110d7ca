package io.quantlake.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor of {@link WeightRebalanceBenchmark}: a bare loop that streams the same
 * {@value WeightRebalanceBenchmark#BARS} × {@value WeightRebalanceBenchmark#SYMBOLS} close matrix
 * bar by bar ({@code close[t * N + i]}, the kernel's layout and order) and sums it with four
 * independent accumulators (which the JIT packs into vector adds), returning the one total so JMH
 * consumes it once per pass. A {@code Blackhole} call per row (an earlier version of this floor)
 * made the loop about 2.6 times slower, which flattered the kernel's ratio.
 * One operation = one pass = {@value WeightRebalanceBenchmark#ASSET_BARS} asset-bars.
 */
@State(Scope.Benchmark)
public class BareCloseStreamBenchmark extends ModestSettings {
    private double[] close;
    private double[] open;
    private double[] targets;
    private int n;
    private int bars;

    @Setup(Level.Trial)
    public void setUp() {
        bars = WeightRebalanceBenchmark.BARS;
        n = WeightRebalanceBenchmark.SYMBOLS;
        io.quantlake.panel.Panel panel = SyntheticPanels.walks(io.quantlake.market.Interval.H1, bars, n,
                WeightRebalanceBenchmark.VOL, WeightRebalanceBenchmark.SEED);
        close = panel.close();
        open = panel.open();
        targets = WeightRebalanceBenchmark.randomTargets(bars, n, 1,
                WeightRebalanceBenchmark.SEED + 1).weights();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public double stream() {
        double[] c = close;
        int symbols = n;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int t = 0; t < bars; t++) {
            int row = t * symbols;
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
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The floor of a decision at every bar with fills at the next open: the three matrices such a
     * run cannot avoid reading in full (the target weights of every bar, the opens its orders fill
     * at and the closes it marks at), streamed and summed bar by bar as {@link #stream} does the
     * closes. Reported beside the close-only floor: its ratio to that floor is what reading three
     * matrices instead of one costs on this machine, before any arithmetic of the kernel.
     */
    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public double streamEveryBarInputs() {
        double[] c = close;
        double[] o = open;
        double[] w = targets;
        int symbols = n;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int t = 0; t < bars; t++) {
            int row = t * symbols;
            int i = 0;
            for (; i + 3 < symbols; i += 4) {
                int k = row + i;
                s0 += w[k] + o[k] + c[k];
                s1 += w[k + 1] + o[k + 1] + c[k + 1];
                s2 += w[k + 2] + o[k + 2] + c[k + 2];
                s3 += w[k + 3] + o[k + 3] + c[k + 3];
            }
            for (; i < symbols; i++) {
                s0 += w[row + i] + o[row + i] + c[row + i];
            }
        }
        return (s0 + s1) + (s2 + s3);
    }
}
