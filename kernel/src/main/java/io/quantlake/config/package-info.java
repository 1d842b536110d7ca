/**
 * The resolve step: YAML bound once, strictly, into the immutable backtest spec
 * {@link io.quantlake.config.BacktestConfig}. {@link io.quantlake.config.ConfigLoader} reads a file once,
 * {@link io.quantlake.config.ConfigNode} gives typed getters whose errors name the key path, the file, the
 * accepted values and the value found. Every YAML binder lives here: the sections ({@code Costs},
 * {@code RiskLimits}, {@code PortfolioSections}), one {@link io.quantlake.config.StrategyBinder} per strategy
 * (named by {@link io.quantlake.config.StrategyRegistry}) sharing the selection binding and the band/schedule
 * binding, which yields the {@link io.quantlake.schedule.RebalanceRule}, and the exit chain of {@code strategy.exits}
 * ({@link io.quantlake.config.ExitChainBinder} → {@link io.quantlake.config.ExitChain}). Nothing below this package reads YAML:
 * strategies, the portfolio layer and the kernel receive typed values (docs/ARCHITECTURE.md).
 */
package io.quantlake.config;
