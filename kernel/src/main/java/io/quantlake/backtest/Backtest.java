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
import io.quantlake.strategy.ConfiguredStrategy;
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
}
