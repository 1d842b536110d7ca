/**
 * Self-contained HTML reports (tear sheets) and the backtest tear sheet.
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
 * <p><b>The backtest tear sheet</b> ({@link io.quantlake.tearsheet.BacktestTearSheet}) reads a backtest output
 * directory in CLI.md's formats ({@link io.quantlake.tearsheet.BacktestOutput}: equity.csv, ledger.csv,
 * targets.csv, metrics.json), so it depends on none of the kernel's types, and writes {@code report.html}
 * there: metrics, equity against an optional {@link io.quantlake.tearsheet.Benchmark}, drawdown, monthly
 * returns, rolling Sharpe, exposure, target weights, turnover, round trips and ledger counts. Its
 * calculations are plain functions tested on their own: {@link io.quantlake.tearsheet.PerformanceSeries},
 * {@link io.quantlake.tearsheet.MonthlyReturns}, {@link io.quantlake.tearsheet.TradeStatistics},
 * {@link io.quantlake.tearsheet.LedgerSummary}.
 *
 * <p><b>The factor tear sheet</b> ({@link io.quantlake.tearsheet.FactorTearSheet}) draws a
 * {@link io.quantlake.research.FactorResearchResult} into {@code factor_report.html}: the summary table (factor x
 * horizon), the factor correlation heatmap, and per factor the IC and rank IC per date with a trailing mean, the IC
 * decay across horizons, the quantile mean forward returns and the turnover and rank autocorrelation.
 *
 * <p><b>The sweep tear sheet</b> ({@link io.quantlake.tearsheet.SweepTearSheet}) draws a
 * {@link io.quantlake.sweep.SweepOutcome} and the run's {@code sweep_results} rows
 * ({@link io.quantlake.sweep.SweepRow}, read from a lake or given as plain records) into {@code sweep_report.html}:
 * heatmaps of the objective over the two most-varied params (all bars, mean out of sample; best over the other
 * params per cell), in-sample vs out-of-sample per set, the best set per fold, the Deflated Sharpe Ratio with its
 * inputs, the PBO with the histogram of its logits, and the top sets.
 */
package io.quantlake.tearsheet;
