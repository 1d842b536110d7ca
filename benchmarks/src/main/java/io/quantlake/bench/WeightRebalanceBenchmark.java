package io.quantlake.bench;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.TargetWeights;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The weight path of the kernel: one {@link Simulator#run} of a target-weight matrix over a
 * {@value #BARS}-bar × {@value #SYMBOLS}-symbol panel of seeded random walks (full data, no gaps).
 * Targets are decided at every bar: random long-only weights summing to 1 (normalised exponential
 * draws, so |w − cw| often exceeds the band and the kernel trades), band {@value #BAND}, spot,
 * taker 5 bps, maker 2 bps, slippage 1 bp, fills at the next open. Targets are built once in
 * {@link #setUp()}, outside the measured method.
 *
 * <p>One operation = one run = {@value #ASSET_BARS} asset-bars; asset-bars/s = {@value #ASSET_BARS}
 * × ops/s. The floor it is compared with is {@link BareCloseStreamBenchmark} over the same close
 * matrix ({@link RatioRunner} prints the ratio).
 */
@State(Scope.Benchmark)
public class WeightRebalanceBenchmark extends ModestSettings {
    static final int BARS = 2_000;
    static final int SYMBOLS = 200;
    static final int ASSET_BARS = BARS * SYMBOLS;
    static final long SEED = 20_240_101L;
    static final double VOL = 0.01;
    static final double BAND = 0.01;

    private Panel panel;
    private SimConfig config;
    private StrategyInput input;

    @Setup(Level.Trial)
    public void setUp() {
        panel = SyntheticPanels.walks(Interval.H1, BARS, SYMBOLS, VOL, SEED);
        config = SimConfig.builder(Market.SPOT, 1_000_000).costs(5, 2, 1).build();
        input = StrategyInput.weights(randomTargets(BARS, SYMBOLS, BAND, SEED + 1));
        BacktestResult check = Simulator.run(panel, config, input);
        if (check.ledger().size() < BARS) {
            throw new IllegalStateException("weight benchmark trades too little to measure rebalancing: "
                    + check.ledger().size() + " ledger rows over " + BARS + " bars");
        }
    }

    /** Long-only random targets at every bar: {@code w_i = e_i / Σ e}, {@code e_i ~ Exp(1)}. */
    static TargetWeights randomTargets(int bars, int symbols, double band, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[bars * symbols];
        for (int t = 0; t < bars; t++) {
            double sum = 0;
            for (int i = 0; i < symbols; i++) {
                double e = -Math.log(1.0 - rnd.nextDouble());
                w[t * symbols + i] = e;
                sum += e;
            }
            for (int i = 0; i < symbols; i++) {
                w[t * symbols + i] /= sum;
            }
        }
        boolean[] decision = new boolean[bars];
        Arrays.fill(decision, true);
        return new TargetWeights(bars, symbols, decision, w, band, false);
    }

    /** One full backtest; the result is returned so JMH consumes it. */
    @Benchmark
    public BacktestResult rebalance() {
        return Simulator.run(panel, config, input);
    }
}
