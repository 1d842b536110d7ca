package io.quantlake.sim;

import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBlocks;
import java.util.Objects;
import java.util.function.Function;

/**
 * The simulation kernel: one engine for the three strategy tiers (SIMULATION.md). Pure Java over
 * the panel's primitive arrays; the weight path allocates nothing per bar. The rules are
 * {@link BarLoop} (§12.2, one method per step), {@link WeightExecutor} (§5), {@link SignalExecutor}
 * and {@link LotExits} (§7), {@link FundingStep} (§8), {@link Breaker} (§9) and {@link Account} (§3, §4, §6).
 *
 * <p>Fast paths, each its own class and each bit-identical to the plain rule path (which
 * {@link #run(Panel, SimConfig, StrategyInput, DecisionHook, boolean)} selects for the equivalence
 * tests): {@link QuietBars}, {@link BandPrefilter}, {@link LegacyEventLoop} (with the prepared deciders
 * of a {@link io.quantlake.strategy.SeriesLegacyStrategy}, such as the SMA lane pass of {@code sma_cross_tpsl}).
 */
public final class Simulator {
    private Simulator() {
    }

    /** Runs one backtest of {@code input} over {@code panel} with {@code config}. */
    public static BacktestResult run(Panel panel, SimConfig config, StrategyInput input) {
        return run(panel, config, input, null, true);
    }

    /**
     * Runs one backtest block by block ({@link PanelBlocks}: the time blocks of a panel too large for the memory
     * budget, each with its strategy's warm-up), with the same results, bit for bit, as
     * {@link #run(Panel, SimConfig, StrategyInput)} over the whole panel. {@code input} makes the strategy's input
     * from each block panel: a weight strategy's targets over that block ({@link StrategyInput#weights(
     * io.quantlake.strategy.WeightStrategy, Panel)}), or the same signal or legacy strategy for every block.
     */
    public static BacktestResult run(PanelBlocks blocks, SimConfig config, Function<Panel, StrategyInput> input) {
        return run(blocks, config, input, true);
    }

    /** {@link #run(PanelBlocks, SimConfig, Function)}; {@code fastPaths} as for the one-panel run. */
    static BacktestResult run(PanelBlocks blocks, SimConfig config, Function<Panel, StrategyInput> input,
                              boolean fastPaths) {
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(input, "input");
        return BlockRun.run(blocks, config, input, fastPaths);
    }

    /**
     * Runs target weights through a {@link DecisionHook} (risk manager, position optimizer, hedge
     * overlay) called at each decision; everything else is {@link #run(Panel, SimConfig, StrategyInput)}.
     */
    public static BacktestResult run(Panel panel, SimConfig config, StrategyInput.Weights input, DecisionHook hook) {
        Objects.requireNonNull(hook, "hook");
        return run(panel, config, input, hook, true);
    }

    /**
     * {@link #run(Panel, SimConfig, StrategyInput)} with {@code hook} (weights only; null = none);
     * {@code fastPaths} false forces the plain rule path: every bar through every step of
     * {@link BarLoop}, every order through the band rule, a legacy strategy's {@code decide} at every
     * valid bar. The results are the same bits either way.
     */
    static BacktestResult run(Panel panel, SimConfig config, StrategyInput input, DecisionHook hook, boolean fastPaths) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(input, "input");
        SimState s = new SimState(panel, config);
        if (input instanceof StrategyInput.Weights w) {
            return new BarLoop(s, new WeightExecutor(s, w.targets(), hook, fastPaths), null, fastPaths).run();
        }
        if (input instanceof StrategyInput.Legacy l) {
            LegacySignalAdapter adapter = new LegacySignalAdapter(l.strategy(), l.maxPositions(), fastPaths);
            SignalExecutor signals = new SignalExecutor(s, adapter);
            if (fastPaths && LegacyEventLoop.applies(s, l)) {
                return LegacyEventLoop.run(s, signals, adapter);
            }
            return new BarLoop(s, null, signals, fastPaths).run();
        }
        SignalExecutor signals = new SignalExecutor(s, ((StrategyInput.Signals) input).strategy());
        return new BarLoop(s, null, signals, fastPaths).run();
    }
}
