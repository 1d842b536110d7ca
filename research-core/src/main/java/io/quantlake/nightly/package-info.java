/**
 * The nightly pipeline ({@code bin/quantlake nightly}, {@code NightlyResearchJob}): for a run date D, incremental
 * ingest, factors, the configured strategy's target weights on the bars that closed by D 00:00 UTC, and the
 * minimum-trade rebalance orders from a current-positions file — to Delta ({@code nightly_targets},
 * {@code nightly_orders}, {@code factors}, {@code runs}) and to {@code orders-D.csv} / {@code orders-D.json}.
 *
 * <pre>{@code
 * NightlyConfig cfg = NightlyConfig.load(Path.of("conf/nightly.yaml"));
 * try (NightlyLock lock = NightlyLock.tryAcquire(NightlyLock.location(lakeRoot, cfg.output())).orElseThrow()) {
 *     NightlyOutcome o = new NightlyRun(lake, System.out).run(cfg, backtestCfg, factors, positions, date, out);
 * }
 * RebalancePlan plan = OrderPlanner.plan(holdings, targets, backtestCfg.rebalance(), true, filters);
 * }</pre>
 *
 * {@link io.quantlake.nightly.OrderPlanner} is pure Java (no Spark); {@link io.quantlake.nightly.NightlyRun}
 * orchestrates the Spark steps.
 */
package io.quantlake.nightly;
