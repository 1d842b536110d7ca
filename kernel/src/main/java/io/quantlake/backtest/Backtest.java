package io.quantlake.backtest;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigException;
import io.quantlake.config.PortfolioSections;
import io.quantlake.portfolio.ManagedRun;
import io.quantlake.metrics.Metrics;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBlocks;
import io.quantlake.panel.PanelGrid;
import io.quantlake.panel.PanelSource;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.sim.SymbolFilter;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.WeightStrategy;
import java.util.Map;

/**
 * Runs a resolved {@link BacktestConfig} on a panel already in memory: the strategy the config built once, the
 * kernel configuration it resolves to ({@link BacktestConfig#simConfig}, the rebalance rule included). No Spark:
 * usable from notebooks, tests and inside sweep tasks. {@link LakeBacktest} adds reading the lake and recording
 * the run. A weight strategy with a {@code risk} cap, {@code sizing} or {@code hedge} section runs through
 * {@link io.quantlake.portfolio.AdvancedPortfolioManager}; a signal or legacy strategy takes {@code sizing} and the
 * {@code risk} caps there too (on its signals; the hedge overlay needs target weights); without these sections
 * the kernel runs exactly as before.
 */
public final class Backtest {
    private Backtest() {
    }

    /**
     * Runs {@code config} on {@code panel} (which must hold exactly the config's universe, interval
     * and window).
     *
     * @param funding per-symbol funding records (usdm), empty for spot
     * @param filters per-symbol exchange filters where known (lot step, min notional), else empty
     */
    public static BacktestOutcome run(Panel panel, BacktestConfig config, Map<String, FundingSchedule> funding,
                                      Map<String, SymbolFilter> filters) {
        ConfiguredStrategy strategy = config.strategy().built();
        panel = config.strategy().exits().withFeatures(panel); // the features strategy.exits computes or reads
        SimConfig sim = config.simConfig(funding, filters);
        PortfolioSections sections = config.portfolio();
        if (sections.any()) {
            if (sections.hedge() != null && !(strategy instanceof ConfiguredStrategy.Weight)) {
                throw new ConfigException("config section hedge needs a weight strategy (the overlay trades against "
                        + "target weights); " + config.strategy().name() + " is a " + (strategy instanceof
                        ConfiguredStrategy.Legacy ? "legacy" : "signal") + " strategy, which takes sizing and risk "
                        + "caps only (" + config.origin() + ")");
            }
            ManagedRun run;
            if (strategy instanceof ConfiguredStrategy.Weight w) {
                run = sections.manager().run(panel, sim, w.strategy());
            } else if (strategy instanceof ConfiguredStrategy.Signal sig) {
                run = sections.manager().run(panel, sim, sig.forMarket(config.market()));
            } else {
                ConfiguredStrategy.Legacy l = (ConfiguredStrategy.Legacy) strategy;
                run = sections.manager().run(panel, sim, l.strategy(), l.maxPositions());
            }
            return new BacktestOutcome(config, run.result(), Metrics.of(run.result()), Map.of(), run.report());
        }
        BacktestResult result = Simulator.run(panel, sim, input(strategy, panel, config));
        return new BacktestOutcome(config, result, Metrics.of(result), Map.of(), null);
    }

    /** Matrices of {@code bars × symbols} doubles a run holds besides the candles and features (targets, own bars, scores, rankings). */
    static final int DERIVED_MATRICES = 6;

    /**
     * The heap one grid bar of a run over {@code symbols} symbols with {@code features} feature columns costs,
     * in bytes: 8 per cell of the five candle columns, the features and the {@value #DERIVED_MATRICES} derived
     * matrices of the strategy and the kernel (an estimate, for the memory budget of {@link #run(PanelSource,
     * BacktestConfig, Map, Map, long)}).
     */
    public static long bytesPerBar(int symbols, int features) {
        return 8L * symbols * (PanelGrid.CANDLE_COLUMNS + features + DERIVED_MATRICES);
    }

    /**
     * The default memory budget of a run's panel: a quarter of the maximum heap ({@link Runtime#maxMemory()}),
     * in bytes.
     */
    public static long defaultBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /**
     * Runs {@code config} on the panel {@code source} reads: as {@link #run(Panel, BacktestConfig, Map, Map)} on
     * the whole panel when its grid fits {@code budgetBytes} ({@link #bytesPerBar} per bar), else in consecutive
     * time blocks that do ({@link PanelBlocks}, each with the strategy's declared warm-up), with the same results
     * bit for bit ({@link Simulator#run(PanelBlocks, SimConfig, java.util.function.Function)}). In blocks, a
     * strategy that does not declare its warm-up, exit features that depend on all history (an ATR trailing
     * stop) and the portfolio sections (risk, sizing, hedge: they read the whole panel) are errors naming the
     * strategy or section and the budget.
     *
     * @param features    the feature columns of the source's panels
     * @param budgetBytes the memory budget of the run's panel, bytes
     */
    public static BacktestOutcome run(PanelSource source, BacktestConfig config, Map<String, FundingSchedule> funding,
                                      Map<String, SymbolFilter> filters, int features, long budgetBytes) {
        int bars = source.context().times().length;
        long perBar = bytesPerBar(source.symbols().length, features);
        if ((long) bars * perBar <= budgetBytes) {
            return run(source.rows(0, bars), config, funding, filters);
        }
        ConfiguredStrategy strategy = config.strategy().built();
        String budget = "the panel (" + bars + " bars × " + source.symbols().length + " symbols, about "
                + ((long) bars * perBar >> 20) + " MB) is over the memory budget of " + (budgetBytes >> 20)
                + " MB, so it runs in time blocks";
        if (config.portfolio().any()) {
            throw new ConfigException(budget + ", and the portfolio sections (risk, sizing, hedge) read the whole "
                    + "panel; raise the memory budget or remove them (" + config.origin() + ")");
        }
        int warmup = WeightStrategy.maxWarmup(warmup(strategy), config.strategy().exits().warmupBars());
        if (warmup < 0) {
            throw new ConfigException(budget + ", and strategy " + config.strategy().name() + " does not declare the "
                    + "history it reads (warmupBars()), or its exits compute a feature over all history (an ATR "
                    + "trailing stop); raise the memory budget or declare the warm-up (" + config.origin() + ")");
        }
        SimConfig sim = config.simConfig(funding, filters);
        PanelBlocks blocks = new PanelBlocks(source, PanelBlocks.blockBars(budgetBytes, perBar, warmup), warmup,
                config.strategy().exits()::withFeatures);
        BacktestResult result = Simulator.run(blocks, sim, p -> input(strategy, p, config));
        return new BacktestOutcome(config, result, Metrics.of(result), Map.of(), null);
    }

    /** The declared warm-up of {@code strategy}'s tier ({@link WeightStrategy#warmupBars}, {@link io.quantlake.strategy.LegacyStrategy#warmupBars}). */
    private static int warmup(ConfiguredStrategy strategy) {
        if (strategy instanceof ConfiguredStrategy.Weight w) {
            return w.strategy().warmupBars();
        }
        if (strategy instanceof ConfiguredStrategy.Signal sig) {
            return sig.strategy().warmupBars();
        }
        return Math.max(0, ((ConfiguredStrategy.Legacy) strategy).strategy().warmupBars());
    }

    /** What drives the kernel for {@code strategy} over {@code panel}: a weight strategy's targets over it, else the strategy. */
    private static StrategyInput input(ConfiguredStrategy strategy, Panel panel, BacktestConfig config) {
        if (strategy instanceof ConfiguredStrategy.Weight w) {
            return StrategyInput.weights(w.strategy(), panel);
        }
        if (strategy instanceof ConfiguredStrategy.Signal sig) {
            return StrategyInput.signals(sig.forMarket(config.market()));
        }
        ConfiguredStrategy.Legacy l = (ConfiguredStrategy.Legacy) strategy;
        return StrategyInput.legacy(l.strategy(), l.maxPositions());
    }
}
