/**
 * The factor library (Spark side): per-symbol time-series factors as Column expressions over
 * {@code (symbol, time)} windows, cross-sectional operations per bar time, composites, and the
 * engine that writes the long layout of the Delta table {@code factors} or a wide frame for
 * strategies.
 *
 * <pre>{@code
 * Composite qm = Composite.of("quality_momentum", new Momentum(30, 1), 1.0)
 *         .plus(new RealizedVolatility(20), -0.5);
 * FactorEngine engine = new FactorEngine(
 *         List.of(new Momentum(30, 1), new Beta(60, MarketProxy.btc()), new Liquidity(20)), List.of(qm));
 * Dataset<Row> rows = engine.longTable(candles);   // market, interval, factor, symbol, ts, value, rank, zscore
 * Dataset<Row> wide = engine.wide(candles);        // market, interval, symbol, ts, mom_30_1, beta_btcusdt_60, …
 * Panel p = CandleStore.withFeatures(panel, wide.where(col("market").equalTo("spot").and(col("interval").equalTo("1d")))
 *         .withColumnRenamed("ts", "open_time"), List.of("mom_30_1", "quality_momentum"));   // columnar, no Row per cell
 * }</pre>
 *
 * <p>User factors: {@link io.quantlake.factor.UserFactor} is a Spark SQL expression from a config
 * ({@code lag(x, k)}, {@code AGG(x) over last N}), checked on the Catalyst tree by {@code FactorExpression} (columns,
 * look-ahead, functions) with its warm-up derived; {@link io.quantlake.factor.FactorDefinitions#resolve} turns a
 * config entry (name, optional expression, origin) into a factor.
 *
 * <p>Timing: a value at bar {@code ts} uses only bars with {@code open_time <= ts}; returns,
 * moving windows and momentum use each symbol's own bars (SIMULATION.md §12.9). Warm-up: every
 * {@link io.quantlake.factor.Factor} declares the own bars it needs and is null before them.
 */
package io.quantlake.factor;
