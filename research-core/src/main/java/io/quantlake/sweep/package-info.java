/**
 * Parameter sweeps with overfitting control (issue 5, item 2): a grid or seeded random search over
 * any strategy's {@code strategy.params}, distributed on Spark so that each task simulates many
 * parameter sets against one broadcast panel, validated by walk-forward or purged k-fold windows,
 * written to the Delta table {@code sweep_results}, resumable by run id, and judged by the Deflated
 * Sharpe Ratio and the Probability of Backtest Overfitting.
 *
 * <p>Entry points: {@link io.quantlake.sweep.SweepConfig#load(java.nio.file.Path)} (sweep YAML with
 * {@code base:}) or {@link io.quantlake.sweep.SweepConfig#load(java.nio.file.Path, java.nio.file.Path)}
 * (base YAML, sweep YAML), then {@link io.quantlake.sweep.Sweep#run}. The spark-submit job is
 * {@code io.quantlake.jobs.SweepJob}.
 *
 * <p>How a fold is measured: every set is simulated once over the whole panel (its lookbacks warm
 * up from the first bar, so no window starts cold), and a fold's in-sample and out-of-sample rows
 * are {@link io.quantlake.sweep.WindowMetrics} of the returns of that window's bars only. Strategies
 * are causal (a decision at bar t uses data up to t), so a window's returns never see later data;
 * they do carry the positions and costs that earlier bars left, as live trading would. Nothing is
 * fitted per fold: the in-sample rows are what a selection rule would look at, the out-of-sample
 * rows what it would then get ({@link io.quantlake.sweep.SweepSummary} reports that selection per
 * fold).
 *
 * <p>Kernel-side classes (parameter sets, folds, metrics, DSR, PBO, {@link io.quantlake.sweep.SetEvaluator})
 * are pure Java; {@link io.quantlake.sweep.Sweep}, {@link io.quantlake.sweep.SweepResultsTable} and the
 * task class are the Spark side. A run's rows read back as plain {@link io.quantlake.sweep.SweepRow}s
 * ({@link io.quantlake.sweep.SweepResultsTable#rows(String)}) feed its report,
 * {@link io.quantlake.sweep.SweepTearSheet}.
 */
package io.quantlake.sweep;
