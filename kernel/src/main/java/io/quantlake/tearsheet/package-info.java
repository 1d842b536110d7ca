/**
 * Self-contained HTML reports (tear sheets), a backtest's output files and its tear sheet. No Spark: a program on
 * the kernel alone writes both.
 *
 * <p><b>The page builder</b> ({@link io.quantlake.tearsheet.ReportPage}) is generic, for backtest, factor and
 * sweep reports alike: a title and {@link io.quantlake.tearsheet.Section}s of {@link io.quantlake.tearsheet.Block}s
 * — {@link io.quantlake.tearsheet.Note}, {@link io.quantlake.tearsheet.MetricsTable},
 * {@link io.quantlake.tearsheet.Table} and the sealed {@link io.quantlake.tearsheet.Chart} family
 * ({@link io.quantlake.tearsheet.TimeSeriesChart} on a UTC time axis, {@link io.quantlake.tearsheet.BarChart},
 * {@link io.quantlake.tearsheet.HeatmapChart} with a color scale, {@link io.quantlake.tearsheet.ScatterChart}).
 * The page inlines the ECharts 5.3.1 bundle once and each chart's data as JSON, so it opens offline from
 * {@code file://}; all text is HTML-escaped; the same input gives the same bytes; a time series longer than
 * 5,000 points is downsampled by {@link io.quantlake.tearsheet.Downsampler} (min/max buckets).
 *
 * <pre>{@code
 * ReportPage page = new ReportPage("Factor momentum", List.of(
 *         Section.of("Information coefficient",
 *                 TimeSeriesChart.lines("Rank IC per date", ValueFormat.NUMBER, new TimeSeries("h=5", times, ic)),
 *                 BarChart.of("Mean forward return by quantile", List.of("Q1", "Q2", "Q3"), "h=5", means,
 *                         ValueFormat.PERCENT),
 *                 new MetricsTable(List.of(new MetricsTable.Entry("IC IR", Formats.ratio(icir)))))));
 * page.write(outDir.resolve("report.html"));
 * }</pre>
 *
 * <p><b>A backtest's files</b> ({@link io.quantlake.tearsheet.BacktestFiles}): equity.csv, ledger.csv,
 * targets.csv and metrics.json in CLI.md's formats, written from the run's {@link io.quantlake.sim.BacktestResult}.
 *
 * <p><b>The backtest tear sheet</b> ({@link io.quantlake.tearsheet.BacktestTearSheet}) draws the same run from its
 * arrays, not from those files: the {@link io.quantlake.sim.BacktestResult} (equity rows, ledger, targets) and its
 * {@link io.quantlake.metrics.Metrics}, into {@code report.html}: metrics (metrics.json's keys), equity against an
 * optional {@link io.quantlake.tearsheet.Benchmark}, drawdown, monthly returns, rolling Sharpe, exposure, target
 * weights, turnover, round trips and ledger counts. Its calculations are plain functions tested on their own:
 * {@link io.quantlake.tearsheet.PerformanceSeries}, {@link io.quantlake.tearsheet.MonthlyReturns},
 * {@link io.quantlake.tearsheet.TradeStatistics}, {@link io.quantlake.tearsheet.LedgerSummary}.
 *
 * <p>The factor and sweep tear sheets use this page builder from the Spark side, next to the results they draw:
 * {@code io.quantlake.research.FactorTearSheet} and {@code io.quantlake.sweep.SweepTearSheet} (research-core).
 */
package io.quantlake.tearsheet;
