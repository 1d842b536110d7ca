package io.quantlake.bench;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceRule;
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
 * {@value #BARS}-bar × {@value #SYMBOLS}-symbol panel of seeded hourly random walks (full data, no
 * gaps): spot, band {@value #BAND}, taker 5 bps, maker 2 bps, slippage 1 bp, fills at the next open.
 * Targets are fresh random long-only weights summing to 1 (normalised exponential draws) at each
 * decision, built once in {@link #setUp()}, outside the measured methods. Two schedules:
 * <ul>
 *   <li>{@link #rebalance}: a decision at every bar. The heaviest case: every bar computes
 *       {@code E'}, the band pass over the 200 targets and the orders of the symbols outside their
 *       band (most buys are then cut to the little cash the sells freed);</li>
 *   <li>{@link #rebalanceDaily}: a decision every {@value #DAILY} bars (a daily schedule on hourly
 *       bars, fresh targets each day); the bars in between mark the book to market.</li>
 * </ul>
 *
 * <p>One operation = one run = {@value #ASSET_BARS} asset-bars; asset-bars/s = {@value #ASSET_BARS}
 * × ops/s. The floor both are compared with is {@link BareCloseStreamBenchmark} over the same close
 * matrix ({@link RatioRunner} prints the ratios).
 */
@State(Scope.Benchmark)
public class WeightRebalanceBenchmark extends ModestSettings {
    static final int BARS = 2_000;
    static final int SYMBOLS = 200;
    static final int ASSET_BARS = BARS * SYMBOLS;
    static final long SEED = 20_240_101L;
    static final double VOL = 0.01;
    static final double BAND = 0.01;
    /** Bars between decisions of {@link #rebalanceDaily}. */
    static final int DAILY = 24;

    private Panel panel;
    private SimConfig config;
    private StrategyInput everyBar;
    private StrategyInput daily;

    @Setup(Level.Trial)
    public void setUp() {
        panel = SyntheticPanels.walks(Interval.H1, BARS, SYMBOLS, VOL, SEED);
        config = SimConfig.builder(Market.SPOT, 1_000_000).costs(5, 2, 1).rebalance(RebalanceRule.NONE.withBand(BAND))
                .build();
        everyBar = StrategyInput.weights(randomTargets(BARS, SYMBOLS, 1, SEED + 1));
        daily = StrategyInput.weights(randomTargets(BARS, SYMBOLS, DAILY, SEED + 1));
        requireTrades(everyBar, BARS);
        requireTrades(daily, BARS / DAILY);
    }

    private void requireTrades(StrategyInput input, int decisions) {
        BacktestResult check = Simulator.run(panel, config, input);
        if (check.ledger().size() < decisions) {
            throw new IllegalStateException("weight benchmark trades too little to measure rebalancing: "
                    + check.ledger().size() + " ledger rows for " + decisions + " decisions");
        }
    }

    /**
     * Long-only random targets at the bars {@code t ≡ 0 (mod every)}: {@code w_i = e_i / Σ e},
     * {@code e_i ~ Exp(1)}; NaN (no decision) elsewhere.
     */
    static TargetWeights randomTargets(int bars, int symbols, int every, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[bars * symbols];
        Arrays.fill(w, Double.NaN);
        boolean[] decision = new boolean[bars];
        for (int t = 0; t < bars; t += every) {
            decision[t] = true;
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
        return new TargetWeights(bars, symbols, decision, w);
    }

    /** One full backtest deciding at every bar; the result is returned so JMH consumes it. */
    @Benchmark
    public BacktestResult rebalance() {
        return Simulator.run(panel, config, everyBar);
    }

    /** One full backtest deciding every {@value #DAILY} bars. */
    @Benchmark
    public BacktestResult rebalanceDaily() {
        return Simulator.run(panel, config, daily);
    }
}
