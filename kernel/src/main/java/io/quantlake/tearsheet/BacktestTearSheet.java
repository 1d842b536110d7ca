package io.quantlake.tearsheet;

import io.quantlake.ledger.RoundTrip;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Interval;
import io.quantlake.metrics.Metrics;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.RecordedTargets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTML tear sheet of one backtest, drawn from the run's own arrays ({@link BacktestResult}: equity rows,
 * ledger, targets) and its {@link Metrics}, the same values {@link BacktestFiles} writes: summary metrics
 * (metrics.json's keys), equity against an optional benchmark, drawdown, monthly returns heatmap and yearly
 * returns, rolling Sharpe, exposure and leverage, target weights, monthly turnover, round-trip statistics and
 * ledger counts by event type.
 *
 * <pre>{@code
 * BacktestResult r = Simulator.run(panel, simConfig, input);
 * Path report = BacktestTearSheet.write(Path.of("out/mr"), r, Metrics.of(r),
 *         Optional.of(Benchmark.buyAndHold(panel, "BTCUSDT")), "monthly_rebalance 2024");
 * }</pre>
 */
public final class BacktestTearSheet {
    /** The report's file name inside the output directory. */
    public static final String REPORT_FILE = "report.html";
    private static final Set<String> PERCENT_METRICS =
            Set.of("total_return", "cagr", "volatility", "max_drawdown", "win_rate", "time_in_market");
    private static final Set<String> MONEY_METRICS = Set.of("fees", "funding");
    /** Most decision bars shown as columns of the target weights heatmap. */
    public static final int MAX_TARGET_COLUMNS = 400;
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    private BacktestTearSheet() {
    }

    /** Writes {@code dir/report.html} (the directory is created if needed) and returns its path. */
    public static Path write(Path dir, BacktestResult result, Metrics metrics, Optional<Benchmark> benchmark,
                             String title) {
        return page(result, metrics, benchmark, title).write(dir.resolve(REPORT_FILE));
    }

    /** The report page of a run with at least one bar, on the bars of its interval. */
    public static ReportPage page(BacktestResult result, Metrics metrics, Optional<Benchmark> benchmark,
                                  String title) {
        if (result.bars() == 0) {
            throw new IllegalArgumentException("a tear sheet needs at least one bar; the run has none");
        }
        long[] times = result.times();
        Lines lines = new Lines(result, benchmark);
        List<Section> sections = new ArrayList<>();
        sections.add(summary(result, metrics));
        sections.add(equity(lines, benchmark));
        sections.add(returns(result.interval(), lines));
        sections.add(exposure(result, lines));
        LedgerSummary ledger = LedgerSummary.of(result.ledger(), times);
        sections.add(turnover(ledger, metrics));
        sections.add(trades(TradeStatistics.of(result.ledger(), times)));
        sections.add(ledgerCounts(ledger));
        return new ReportPage(title, sections);
    }

    private static Section summary(BacktestResult result, Metrics metrics) {
        long[] t = result.times();
        List<MetricsTable.Entry> rows = new ArrayList<>();
        for (Map.Entry<String, Double> m : BacktestFiles.metricsByKey(metrics).entrySet()) {
            rows.add(new MetricsTable.Entry(m.getKey(), formatMetric(m.getKey(), m.getValue())));
        }
        return Section.of("Summary",
                new Note(result.bars() + " bars of " + result.interval().code() + " from " + Instant.ofEpochMilli(t[0])
                        + " to " + Instant.ofEpochMilli(t[t.length - 1]) + " (bar open times, UTC); "
                        + result.ledger().size() + " ledger rows. Metrics as in metrics.json (SIMULATION.md §10)."),
                new MetricsTable(rows));
    }

    /** A metrics.json value as table text: fractions as percentages, fees and funding in USDT. */
    static String formatMetric(String key, double v) {
        if (PERCENT_METRICS.contains(key)) {
            return Formats.percent(v);
        }
        if (MONEY_METRICS.contains(key)) {
            return Formats.money(v);
        }
        return BacktestFiles.TRADES.equals(key) ? Formats.count(v) : Formats.ratio(v);
    }

    /**
     * The per-bar lines of the charts, computed in one pass over the run's equity rows read chunk by chunk
     * ({@link BacktestResult#readRows}) and downsampled as they go ({@link Downsampler.Stream}): the same points
     * the page would keep of whole arrays, without arrays over all bars (a run in time blocks is read back from
     * its scratch files).
     */
    private static final class Lines {
        final TimeSeries equity;
        final TimeSeries drawdown;
        /** The benchmark's line and drawdown; null without a benchmark. */
        final TimeSeries bench;
        final TimeSeries benchDrawdown;
        final MonthlyReturns monthly;
        final int window;
        final TimeSeries sharpe;
        final TimeSeries gross;
        final TimeSeries net;

        Lines(BacktestResult run, Optional<Benchmark> benchmark) {
            long[] times = run.times();
            int bars = times.length;
            Interval interval = run.interval();
            window = PerformanceSeries.rollingWindow(interval);
            Downsampler.Stream[] s = new Downsampler.Stream[7];
            for (int k = 0; k < s.length; k++) {
                s[k] = new Downsampler.Stream(bars, Downsampler.MAX_POINTS);
            }
            PerformanceSeries.Drawdown dd = new PerformanceSeries.Drawdown();
            PerformanceSeries.Drawdown benchDd = new PerformanceSeries.Drawdown();
            PerformanceSeries.BenchmarkLine line = benchmark.map(PerformanceSeries.BenchmarkLine::new).orElse(null);
            PerformanceSeries.RollingSharpe rolling = new PerformanceSeries.RollingSharpe(window,
                    interval.periodsPerYear());
            MonthlyReturns.Builder months = new MonthlyReturns.Builder(times);
            int chunk = Math.min(bars, BacktestResult.CHUNK_BARS);
            double[] e = new double[chunk];
            double[] g = new double[chunk];
            double[] x = new double[chunk];
            for (int from = 0; from < bars; from += chunk) {
                int to = Math.min(bars, from + chunk);
                run.readRows(from, to, e, null, g, x, null, null);
                for (int k = 0; k < to - from; k++) {
                    double eq = e[k];
                    s[0].add(eq);
                    s[1].add(dd.next(eq));
                    if (line != null) {
                        double b = line.next(times[from + k], eq);
                        s[2].add(b);
                        s[3].add(benchDd.next(b));
                    }
                    months.add(eq);
                    s[4].add(rolling.next(eq));
                    s[5].add(PerformanceSeries.overEquity(g[k], eq));
                    s[6].add(PerformanceSeries.overEquity(x[k], eq));
                }
            }
            String name = benchmark.map(Benchmark::name).orElse(null);
            equity = s[0].series("strategy", times);
            drawdown = s[1].series("strategy", times);
            bench = line != null ? s[2].series(name, times) : null;
            benchDrawdown = line != null ? s[3].series(name, times) : null;
            monthly = months.build();
            sharpe = s[4].series("rolling Sharpe", times);
            gross = s[5].series("gross / equity", times);
            net = s[6].series("net / equity", times);
        }
    }

    private static Section equity(Lines run, Optional<Benchmark> benchmark) {
        List<TimeSeries> lines = new ArrayList<>();
        List<TimeSeries> underwater = new ArrayList<>();
        lines.add(run.equity);
        underwater.add(run.drawdown);
        List<Block> blocks = new ArrayList<>();
        if (run.bench != null) {
            String name = benchmark.get().name();
            lines.add(run.bench);
            underwater.add(run.benchDrawdown);
            blocks.add(new Note("Benchmark " + name + " scaled to the strategy's equity at the first bar where it"
                    + " has a close: B_t = E_s * close_t / close_s, close_t = its last close at or before bar t."));
        }
        blocks.add(new TimeSeriesChart("Equity (USDT, at each bar's close)", lines, ValueFormat.NUMBER,
                TimeSeriesChart.Style.LINE));
        blocks.add(new TimeSeriesChart("Drawdown (underwater): E_t / max(E_s, s <= t) - 1", underwater,
                ValueFormat.PERCENT, TimeSeriesChart.Style.AREA));
        return new Section("Equity and drawdown", blocks);
    }

    private static Section returns(Interval interval, Lines run) {
        MonthlyReturns monthly = run.monthly;
        List<String> years = new ArrayList<>();
        List<List<String>> yearly = new ArrayList<>();
        for (int y = 0; y < monthly.years(); y++) {
            years.add(Integer.toString(monthly.firstYear() + y));
            yearly.add(List.of(years.get(y), Formats.percent(monthly.yearly()[y])));
        }
        int window = run.window;
        return Section.of("Returns",
                new HeatmapChart("Monthly returns (UTC calendar months)", MONTHS, years, monthly.values(),
                        ValueFormat.PERCENT, HeatmapChart.Scale.DIVERGING),
                new Note("A month's return is its last close's equity over the previous month's (the first month"
                        + " starts from the first bar's equity)."),
                new Table(List.of("year", "return"), yearly),
                TimeSeriesChart.lines("Rolling Sharpe (" + window + " bars of " + interval.code() + ", annualized)",
                        ValueFormat.NUMBER, run.sharpe),
                new Note("mean(r) / stdev(r, ddof=1) * sqrt(" + Formats.count(interval.periodsPerYear())
                        + ") over the last " + window + " bar returns r_t = E_t / E_t-1 - 1; the window is the bars"
                        + " in 30 days, at least " + PerformanceSeries.MIN_ROLLING_WINDOW + "."));
    }

    private static Section exposure(BacktestResult run, Lines lines) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(TimeSeriesChart.lines("Exposure over equity (gross = leverage, net = long - short)",
                ValueFormat.PERCENT, lines.gross, lines.net));
        if (run.recordedTargets().decisions() > 0) {
            blocks.add(targetWeights(run.recordedTargets(), run.times(), run.symbols()));
        }
        return new Section("Exposure and leverage", blocks);
    }

    /**
     * The targets (targets.csv's rows) as a heatmap: rows are the universe's symbols in order, columns decision
     * bars in time order (every k-th when there are more than {@link #MAX_TARGET_COLUMNS}, see
     * {@link Downsampler#stride}); an empty cell is a NaN target (no opinion).
     */
    private static Chart targetWeights(RecordedTargets targets, long[] times, String[] symbols) {
        int n = symbols.length;
        int decisions = targets.decisions();
        boolean midnight = true;
        for (int k = 0; k < decisions; k++) {
            midnight &= times[targets.decisionBar(k)] % 86_400_000L == 0;
        }
        int[] kept = Downsampler.stride(decisions, MAX_TARGET_COLUMNS);
        List<String> columns = new ArrayList<>(kept.length);
        double[] values = new double[n * kept.length];
        for (int c = 0; c < kept.length; c++) {
            String iso = Instant.ofEpochMilli(times[targets.decisionBar(kept[c])]).toString();
            columns.add(midnight ? iso.substring(0, 10) : iso.substring(0, 16).replace('T', ' '));
            for (int i = 0; i < n; i++) {
                values[i * kept.length + c] = targets.weight(kept[c], i);
            }
        }
        String note = kept.length < decisions ? ", 1 in " + kept[1] + " of " + decisions + " shown"
                : "";
        return new HeatmapChart("Target weights at decision bars (targets.csv" + note + "; green long, red short)",
                columns, List.of(symbols), values, ValueFormat.PERCENT, HeatmapChart.Scale.DIVERGING);
    }

    private static Section turnover(LedgerSummary ledger, Metrics metrics) {
        return Section.of("Turnover",
                BarChart.of("Traded notional per month (USDT, sum of |qty| * price of trade rows)", ledger.months(),
                        "traded", ledger.monthlyTraded(), ValueFormat.NUMBER),
                new Note("Annualized turnover (metrics.json, R28: traded notional / mean equity * ppy / T): "
                        + Formats.ratio(metrics.turnover()) + "."));
    }

    private static Section trades(TradeStatistics stats) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new MetricsTable(List.of(
                new MetricsTable.Entry("round trips", Formats.count(stats.trades())),
                new MetricsTable.Entry("win rate", Formats.percent(stats.winRate())),
                new MetricsTable.Entry("profit factor", Formats.ratio(stats.profitFactor())),
                new MetricsTable.Entry("mean PnL (USDT)", Formats.money(stats.meanPnl())),
                new MetricsTable.Entry("mean win (USDT)", Formats.money(stats.meanWin())),
                new MetricsTable.Entry("mean loss (USDT)", Formats.money(stats.meanLoss())),
                new MetricsTable.Entry("best (USDT)", Formats.money(stats.best())),
                new MetricsTable.Entry("worst (USDT)", Formats.money(stats.worst())),
                new MetricsTable.Entry("mean holding (bars)", Formats.ratio(stats.meanHoldingBars())),
                new MetricsTable.Entry("longest holding (bars)", Formats.count(stats.maxHoldingBars())))));
        blocks.add(new Note("A round trip runs from a position's opening row to the trade row that takes it to 0"
                + " (SIMULATION.md R29), per symbol and side; PnL is the realized PnL of its rows, fees and funding"
                + " excluded."));
        if (stats.trades() > 0) {
            blocks.add(new ScatterChart("Round trips: PnL against holding bars", "holding bars", "PnL (USDT)",
                    ValueFormat.INTEGER, ValueFormat.NUMBER, List.of(points("won", stats, true),
                    points("lost or flat", stats, false))));
        }
        return new Section("Trades", blocks);
    }

    private static ScatterChart.Points points(String name, TradeStatistics stats, boolean won) {
        int n = 0;
        for (RoundTrip r : stats.trips()) {
            n += r.won() == won ? 1 : 0;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (RoundTrip r : stats.trips()) {
            if (r.won() == won) {
                x[i] = r.holdingBars();
                y[i++] = r.pnl();
            }
        }
        return new ScatterChart.Points(name, x, y);
    }

    private static Section ledgerCounts(LedgerSummary ledger) {
        List<List<String>> byType = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        List<Double> shownCounts = new ArrayList<>();
        for (TradeEventType type : TradeEventType.values()) {
            int k = type.ordinal();
            byType.add(List.of(type.name(), Formats.count(ledger.typeCounts()[k])));
            if (ledger.typeCounts()[k] > 0) {
                shown.add(type.name());
                shownCounts.add((double) ledger.typeCounts()[k]);
            }
        }
        List<List<String>> byReason = new ArrayList<>();
        for (Map.Entry<String, Integer> e : ledger.reasonCounts().entrySet()) {
            String[] typeReason = e.getKey().split(" ", 2);
            byReason.add(List.of(typeReason[0], typeReason[1], Formats.count(e.getValue())));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(List.of("event type", "rows"), byType));
        if (!shown.isEmpty()) {
            double[] values = new double[shown.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = shownCounts.get(k);
            }
            blocks.add(BarChart.of("Ledger rows by event type", shown, "rows", values, ValueFormat.INTEGER));
        }
        blocks.add(new Table(List.of("event type", "reason", "rows"), byReason));
        return new Section("Ledger events", blocks);
    }
}
