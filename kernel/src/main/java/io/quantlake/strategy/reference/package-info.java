/**
 * CLI.md's reference strategies ({@code monthly_rebalance}, {@code inverse_vol},
 * {@code market_neutral}, {@code sma_cross_tpsl}) and the {@link
 * io.quantlake.strategy.reference.StrategyRegistry} that builds them from {@code strategy.params}.
 * Weight strategies return {@link io.quantlake.strategy.TargetWeights} already forced to 0 for
 * symbols that do not exist or are not valid at a decision bar (SIMULATION.md R6, R7, R25).
 */
package io.quantlake.strategy.reference;
