package io.quantlake.backtest;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigException;
import io.quantlake.config.PortfolioSections;
import io.quantlake.portfolio.ManagedRun;
import io.quantlake.metrics.Metrics;
import io.quantlake.panel.Panel;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.sim.SymbolFilter;
import io.quantlake.strategy.reference.ConfiguredStrategy;
import io.quantlake.strategy.reference.ExitChainConfig;
import io.quantlake.strategy.reference.StrategyRegistry;
import java.util.Map;

/**
 * Runs a {@link BacktestConfig} on a panel already in memory: resolves the configuration to the
 * kernel's {@link SimConfig}, builds the strategy from the registry and simulates. No Spark: usable
 * from notebooks, tests and inside sweep tasks. {@link LakeBacktest} adds reading the lake and
 * recording the run. A weight strategy with a {@code risk} cap, {@code sizing} or {@code hedge} section runs
 * through {@link io.quantlake.portfolio.AdvancedPortfolioManager}; a signal or legacy strategy takes
 * {@code sizing} and the {@code risk} caps there too (on its signals; the hedge overlay needs target weights);
 * without these sections the kernel runs exactly as before.
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
        return run(panel, config, funding, filters, StrategyRegistry.all());
    }

    /** As {@link #run(Panel, BacktestConfig, Map, Map)} with a registry holding user strategies too. */
    public static BacktestOutcome run(Panel panel, BacktestConfig config, Map<String, FundingSchedule> funding,
                                      Map<String, SymbolFilter> filters, StrategyRegistry registry) {
        ConfiguredStrategy strategy = registry.create(config.strategy());
        panel = ExitChainConfig.bind(config.strategy()).withFeatures(panel); // features strategy.exits computes
        SimConfig sim = simConfig(config, funding, filters);
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
        StrategyInput input;
        if (strategy instanceof ConfiguredStrategy.Weight w) {
            input = StrategyInput.weights(w.strategy(), panel);
        } else if (strategy instanceof ConfiguredStrategy.Signal sig) {
            input = StrategyInput.signals(sig.forMarket(config.market()));
        } else {
            ConfiguredStrategy.Legacy l = (ConfiguredStrategy.Legacy) strategy;
            input = StrategyInput.legacy(l.strategy(), l.maxPositions());
        }
        BacktestResult result = Simulator.run(panel, sim, input);
        return new BacktestOutcome(config, result, Metrics.of(result), Map.of(), null);
    }

    /** The kernel configuration of {@code config} (SIMULATION.md defaults where the file is silent). */
    public static SimConfig simConfig(BacktestConfig config, Map<String, FundingSchedule> funding,
                                      Map<String, SymbolFilter> filters) {
        SimConfig.Builder b = SimConfig.builder(config.market(), config.capital())
                .executionPrice(config.execution())
                .costs(config.costs().takerBps(), config.costs().makerBps(), config.costs().slippageBps())
                .maxLeverage(config.risk().maxLeverage())
                .maintenanceMargin(config.risk().maintenanceMargin())
                .fundingMissing(config.funding())
                .rebalanceMode(config.rebalance())
                .funding(funding)
                .filters(filters);
        config.risk().breaker().ifPresent(b::circuitBreaker);
        return b.build();
    }
}
