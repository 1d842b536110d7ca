package io.quantlake.backtest;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigException;
import io.quantlake.config.PortfolioSections;
import io.quantlake.portfolio.AdvancedPortfolioManager;
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
import io.quantlake.strategy.SignalStrategy;
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
            requireWeightsForHedge(config, strategy);
            return managed(sections.manager(), strategy, config, sim, panel, null);
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
     * bit for bit ({@link Simulator#run(PanelBlocks, SimConfig, java.util.function.Function)}; the portfolio
     * sections through {@link io.quantlake.portfolio.AdvancedPortfolioManager#run(PanelBlocks, SimConfig,
     * java.util.function.Function)}, their warm-up counted, {@link io.quantlake.portfolio.AdvancedPortfolioManager#warmupBars};
     * an ATR trailing stop's Wilder recursion carried from block to block, {@link
     * io.quantlake.config.ExitChain#blockFeatures}). In blocks, a strategy that does not declare its warm-up is an
     * error naming the strategy and the budget.
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
        PortfolioSections sections = config.portfolio();
        int warmup = blockWarmup(config);
        if (warmup < 0) {
            throw new ConfigException(budget + ", and strategy " + config.strategy().name() + " does not declare the "
                    + "history it reads (warmupBars()); raise the memory budget or declare the warm-up ("
                    + config.origin() + ")");
        }
        if (sections.any()) {
            requireWeightsForHedge(config, strategy);
        }
        SimConfig sim = config.simConfig(funding, filters);
        PanelBlocks blocks = new PanelBlocks(source, PanelBlocks.blockBars(budgetBytes, perBar, warmup), warmup,
                config.strategy().exits().blockFeatures());
        if (sections.any()) {
            return managed(sections.manager(), strategy, config, sim, null, blocks);
        }
        BacktestResult result = Simulator.run(blocks, sim, p -> input(strategy, p, config));
        return new BacktestOutcome(config, result, Metrics.of(result), Map.of(), null);
    }

    /**
     * The own bars of history a run of {@code config} in time blocks reads before each block's first bar: the
     * strategy's declared warm-up, its exits' and its portfolio sections' ({@link
     * io.quantlake.portfolio.AdvancedPortfolioManager#warmupBars}); -1 when the strategy does not declare it (such a
     * config runs on the whole panel only).
     */
    public static int blockWarmup(BacktestConfig config) {
        int warmup = WeightStrategy.maxWarmup(warmup(config.strategy().built()), config.strategy().exits().warmupBars());
        if (warmup < 0) {
            return -1;
        }
        PortfolioSections sections = config.portfolio();
        return sections.any() ? Math.max(warmup, sections.manager().warmupBars()) : warmup;
    }

    /**
     * Runs {@code strategy} behind the portfolio sections of {@code manager} over {@code panel}, or when it is null
     * over {@code blocks}.
     */
    private static BacktestOutcome managed(AdvancedPortfolioManager manager, ConfiguredStrategy strategy,
                                           BacktestConfig config, SimConfig sim, Panel panel, PanelBlocks blocks) {
        ManagedRun run;
        if (strategy instanceof ConfiguredStrategy.Weight w) {
            run = panel != null ? manager.run(panel, sim, w.strategy())
                    : manager.run(blocks, sim, p -> w.strategy().targets(p));
        } else if (strategy instanceof ConfiguredStrategy.Signal sig) {
            SignalStrategy s = sig.forMarket(config.market());
            run = panel != null ? manager.run(panel, sim, s) : manager.run(blocks, sim, s);
        } else {
            ConfiguredStrategy.Legacy l = (ConfiguredStrategy.Legacy) strategy;
            run = panel != null ? manager.run(panel, sim, l.strategy(), l.maxPositions())
                    : manager.run(blocks, sim, l.strategy(), l.maxPositions());
        }
        return new BacktestOutcome(config, run.result(), Metrics.of(run.result()), Map.of(), run.report());
    }

    /** The hedge overlay trades against target weights: with a signal or legacy strategy it is a config error. */
    private static void requireWeightsForHedge(BacktestConfig config, ConfiguredStrategy strategy) {
        if (config.portfolio().hedge() != null && !(strategy instanceof ConfiguredStrategy.Weight)) {
            throw new ConfigException("config section hedge needs a weight strategy (the overlay trades against "
                    + "target weights); " + config.strategy().name() + " is a " + (strategy instanceof
                    ConfiguredStrategy.Legacy ? "legacy" : "signal") + " strategy, which takes sizing and risk "
                    + "caps only (" + config.origin() + ")");
        }
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
