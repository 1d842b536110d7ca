/**
 * CLI.md's reference strategies ({@code monthly_rebalance}, {@code inverse_vol},
 * {@code market_neutral}, {@code sma_cross_tpsl}), records of typed params that know nothing of YAML
 * ({@code io.quantlake.config} binds {@code strategy.params} to them, one binder per strategy).
 * Weight strategies return {@link io.quantlake.strategy.TargetWeights} already forced to 0 for
 * symbols that do not exist or are not valid at a decision bar (SIMULATION.md R6, R7, R25).
 */
package io.quantlake.strategy.reference;
