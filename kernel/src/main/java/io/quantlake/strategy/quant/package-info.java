/**
 * Quant weight strategies over a whole {@link io.quantlake.panel.Panel} (issue 4, item 2):
 * {@link io.quantlake.strategy.quant.RiskParityStrategy} ({@code risk_parity}: inverse volatility or
 * ERC on a sample or EWMA covariance, optional Ledoit-Wolf shrinkage and volatility target),
 * {@link io.quantlake.strategy.quant.FactorStrategy} ({@code factor}: a
 * {@link io.quantlake.strategy.quant.CompositeScore} of z-scored research factors
 * ({@link io.quantlake.factorspec.FactorRef}, values computed by Spark and read from the panel's features)
 * traded long/short through {@link io.quantlake.strategy.reference.MarketNeutralStrategy} or long-only) and
 * {@link io.quantlake.strategy.quant.BetaNeutralStrategy} ({@code market_neutral_beta}: the market-neutral
 * ranking with a short book scaled to zero {@link io.quantlake.strategy.quant.RollingBeta beta}).
 * {@code io.quantlake.config} binds their {@code strategy.params} (one binder per strategy);
 * {@code StrategyRegistry.all()} registers them. Every strategy decides at bar {@code t} from bars up to
 * {@code t} only and returns 0 for symbols that are not listed or not valid at a decision (SIMULATION.md
 * R6, R7, R25).
 */
package io.quantlake.strategy.quant;
