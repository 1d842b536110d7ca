package io.quantlake.bench;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.sim.FundingMissing;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A parameter sweep of CLI.md's {@code market_neutral} in one JVM on one thread: {@value #SETS}
 * parameter sets over one {@value #BARS}-bar × {@value #SYMBOLS}-symbol panel of seeded random
 * walks. Each set computes its targets ({@link MarketNeutralStrategy#targets}: momentum scores,
 * schedule, ranking) and runs {@link Simulator#run}. Grid: lookback {@link #LOOKBACKS} × skip
 * {@link #SKIPS} × top = bottom {@link #COUNTS} × schedule {@code every: N} {@link #EVERY}
 * = 10 × 5 × 4 × 5 = 1,000 sets; long and short ratio 0.5, band 0, usdm, max leverage 1,
 * taker 4 bps, maker 2 bps, slippage 1 bp, fills at the next open, funding charged as zero
 * (no funding records).
 *
 * <p>One invocation runs the whole sweep and counts as {@value #SETS} operations, so JMH's
 * ops/s is sets per second and its B/op is bytes per set.
 */
@State(Scope.Benchmark)
@Threads(1)
public class MarketNeutralSweepBenchmark extends ModestSettings {
    static final int BARS = 2_000;
    static final int SYMBOLS = 50;
    static final int SETS = 1_000;
    static final long SEED = 7L;
    static final int[] LOOKBACKS = {10, 20, 30, 45, 60, 90, 120, 180, 240, 360};
    static final int[] SKIPS = {0, 1, 2, 3, 5};
    static final int[] COUNTS = {3, 5, 8, 12};
    static final int[] EVERY = {1, 5, 10, 20, 40};

    private Panel panel;
    private SimConfig config;
    private List<MarketNeutralStrategy> sets;

    @Setup(Level.Trial)
    public void setUp() {
        panel = SyntheticPanels.walks(Interval.H4, BARS, SYMBOLS, 0.02, SEED);
        config = SimConfig.builder(Market.USDM, 100_000).costs(4, 2, 1).fundingMissing(FundingMissing.ZERO).build();
        sets = grid();
        if (sets.size() != SETS) {
            throw new IllegalStateException("sweep grid has " + sets.size() + " sets, expected " + SETS);
        }
    }

    static List<MarketNeutralStrategy> grid() {
        List<MarketNeutralStrategy> out = new ArrayList<>(SETS);
        for (int lookback : LOOKBACKS) {
            for (int skip : SKIPS) {
                for (int count : COUNTS) {
                    for (int every : EVERY) {
                        out.add(MarketNeutralStrategy.momentum(lookback, skip, count, count, 0.5, 0.5,
                                new RebalanceSchedule.Every(every)));
                    }
                }
            }
        }
        return out;
    }

    /** The whole sweep; each set's final equity goes to the blackhole. */
    @Benchmark
    @OperationsPerInvocation(SETS)
    public void sweep(Blackhole bh) {
        for (int k = 0; k < sets.size(); k++) {
            bh.consume(Simulator.run(panel, config, StrategyInput.weights(sets.get(k), panel)).finalEquity());
        }
    }
}
