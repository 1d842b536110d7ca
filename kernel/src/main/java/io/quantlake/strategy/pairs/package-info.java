/**
 * Pair trading: the Engle-Granger scan of a panel's ordered pairs ({@link io.quantlake.strategy.pairs.PairScan},
 * behind {@code bin/quantlake pairs}) and the statistical-arbitrage signal strategy
 * ({@link io.quantlake.strategy.pairs.PairTradingStrategy}, config name {@code pair_trading}, params in
 * {@link io.quantlake.strategy.pairs.PairTradingParams}, bound by {@code io.quantlake.config.PairTradingBinder}).
 *
 * <p>Parts: a hedge ratio estimator ({@link io.quantlake.strategy.pairs.RollingOlsHedge},
 * {@link io.quantlake.strategy.pairs.KalmanHedge}) feeds a pair's {@link io.quantlake.strategy.pairs.SpreadModel}
 * (spread and z-score, bar by bar, bars up to {@code t} only); the strategy opens both legs with an exit chain of
 * {@link io.quantlake.strategy.pairs.SpreadCondition}s (z exit and z stop as conditional exits) and a time stop.
 */
package io.quantlake.strategy.pairs;
