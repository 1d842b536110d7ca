package io.quantlake.sweep;

import io.quantlake.lake.Lake;
import io.quantlake.tearsheet.BarChart;
import io.quantlake.tearsheet.Block;
import io.quantlake.tearsheet.Formats;
import io.quantlake.tearsheet.HeatmapChart;
import io.quantlake.tearsheet.MetricsTable;
import io.quantlake.tearsheet.Note;
import io.quantlake.tearsheet.ReportPage;
import io.quantlake.tearsheet.ScatterChart;
import io.quantlake.tearsheet.Section;
import io.quantlake.tearsheet.Table;
import io.quantlake.tearsheet.ValueFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTML tear sheet of one parameter sweep run ({@code sweep_report.html}), made from its {@link SweepOutcome}
 * and the run's {@code sweep_results} rows ({@link SweepRow}):
 *
 * <ul>
 *   <li>heatmaps of the objective over the two most-varied params (most distinct values; ties by key), over
 *       all bars and as the mean over the folds out of sample; a cell shows the best value (by the objective's
 *       direction) among the sets with that pair of values, whatever their other params;</li>
 *   <li>each set's mean in-sample against its mean out-of-sample objective (scatter);</li>
 *   <li>per fold, the best set's in-sample and out-of-sample objective and the out-of-sample objective of
 *       the fold's in-sample pick (bars);</li>
 *   <li>the Deflated Sharpe Ratio with its inputs, the PBO with the histogram of the CSCV logits λ;</li>
 *   <li>the top {@value #TOP_SETS} sets by the full-sample objective with their varied params and metrics.</li>
 * </ul>
 *
 * <pre>{@code
 * SweepOutcome outcome = Sweep.run(lake, config, Optional.empty());
 * Path report = SweepTearSheet.write(Path.of("out", outcome.runId()), lake, outcome, "Sweep market_neutral");
 * }</pre>
 */
public final class SweepTearSheet {
    /** The report's file name inside the output directory. */
    public static final String REPORT_FILE = "sweep_report.html";
    /** Rows of the top-sets table. */
    public static final int TOP_SETS = 20;
    /** Bins of the λ histogram on each side of 0. */
    public static final int HALF_BINS = 10;
    private static final Set<Objective> PERCENT = Set.of(Objective.TOTAL_RETURN, Objective.CAGR, Objective.VOLATILITY,
            Objective.MAX_DRAWDOWN);

    private SweepTearSheet() {
    }

    /** Reads the run's rows from the lake's {@code sweep_results}, writes {@code outDir/sweep_report.html}. */
    public static Path write(Path outDir, Lake lake, SweepOutcome outcome, String title) {
        return write(outDir, outcome, new SweepResultsTable(lake).rows(outcome.runId()), title);
    }

    /** Writes {@code outDir/sweep_report.html} from rows already read and returns its path. */
    public static Path write(Path outDir, SweepOutcome outcome, List<SweepRow> rows, String title) {
        return page(outcome, rows, title).write(outDir.resolve(REPORT_FILE));
    }

    /** The report page; fails when {@code rows} are empty or lack the best set. */
    public static ReportPage page(SweepOutcome outcome, List<SweepRow> rows, String title) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("sweep run " + outcome.runId() + " has no rows in sweep_results");
        }
        SweepSummary s = outcome.summary();
        Objective o = s.objective();
        SweepSets sets = SweepSets.of(rows);
        String bestHash = s.best().set().hash();
        SweepSets.SetRows best = sets.sets().stream().filter(x -> x.hash().equals(bestHash)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("sweep run " + outcome.runId() + ": the best set "
                        + bestHash + " has no rows in sweep_results"));
        List<Section> sections = new ArrayList<>();
        sections.add(summary(outcome, sets));
        sections.add(heatmaps(sets, o));
        sections.add(inVersusOut(sets, o, best));
        sections.add(folds(s, best));
        sections.add(overfitting(s));
        sections.add(topSets(sets, o));
        return new ReportPage(title, sections);
    }

    private static Section summary(SweepOutcome outcome, SweepSets sets) {
        SweepSummary s = outcome.summary();
        Objective o = s.objective();
        double picked = 0;
        for (SweepSummary.FoldSelection f : s.selections()) {
            picked += f.outOfSample();
        }
        List<MetricsTable.Entry> e = new ArrayList<>();
        e.add(new MetricsTable.Entry("run id", outcome.runId()));
        e.add(new MetricsTable.Entry("parameter sets", outcome.total() + " (" + outcome.evaluated() + " evaluated, "
                + outcome.skipped() + " already in sweep_results)"));
        e.add(new MetricsTable.Entry("folds", Integer.toString(s.folds())));
        e.add(new MetricsTable.Entry("objective", o.code() + (o.higherIsBetter() ? " (higher is better)"
                : " (lower is better)")));
        e.add(new MetricsTable.Entry("best set", s.best().set().hash() + " " + s.best().set().json()));
        e.add(new MetricsTable.Entry("best " + o.code() + ", all bars", format(o, o.value(s.best().full()))));
        e.add(new MetricsTable.Entry("best, mean in-sample", format(o, s.bestInSampleMean())));
        e.add(new MetricsTable.Entry("best, mean out-of-sample", format(o, s.bestOutOfSampleMean())));
        e.add(new MetricsTable.Entry("walk-forward: mean out-of-sample of each fold's in-sample pick",
                format(o, s.selections().isEmpty() ? Double.NaN : picked / s.selections().size())));
        e.add(new MetricsTable.Entry("deflated Sharpe ratio", Formats.ratio(s.deflatedSharpe().dsr())));
        e.add(new MetricsTable.Entry("probability of backtest overfitting",
                s.pbo().map(p -> Formats.ratio(p.pbo())).orElse("n/a")));
        return Section.of("Summary", new Note("Sweep " + outcome.runId() + ": " + sets.sets().size()
                + " parameter sets in sweep_results, " + sets.folds() + " folds; metrics per SIMULATION.md §10 on each"
                + " window's returns (annualized where the metric is)."), new MetricsTable(e));
    }

    private static Section heatmaps(SweepSets sets, Objective o) {
        List<Block> blocks = new ArrayList<>();
        HeatmapChart full = sets.heatmap(o.code() + ", all bars", o, x -> o.value(x.full()), format(o));
        if (full == null) {
            blocks.add(new Note("No parameter varies across the sets: nothing to map."));
            return new Section("Objective over parameters", blocks);
        }
        blocks.add(full);
        blocks.add(sets.heatmap(o.code() + ", mean out of sample over " + sets.folds() + " folds", o,
                x -> x.mean(x.outOfSample(), o), format(o)));
        blocks.add(new Note("Columns: " + sets.varied().get(0) + (sets.varied().size() > 1 ? "; rows: "
                + sets.varied().get(1) : "") + " (the params with the most distinct values). A cell shows the best "
                + o.code() + " (by its direction) among the sets with that pair of values, over the other params"
                + (sets.varied().size() > 2 ? " " + sets.varied().subList(2, sets.varied().size()) : "")
                + "; each heatmap takes its own best, so the two cells may come from different sets. An empty cell"
                + " has no set or no defined value."));
        return new Section("Objective over parameters", blocks);
    }

    private static Section inVersusOut(SweepSets sets, Objective o, SweepSets.SetRows best) {
        int n = sets.sets().size();
        double[] in = new double[n];
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            SweepSets.SetRows x = sets.sets().get(k);
            in[k] = x.mean(x.inSample(), o);
            out[k] = x.mean(x.outOfSample(), o);
        }
        return Section.of("In sample vs out of sample",
                new ScatterChart("Mean " + o.code() + " per set: in sample (x) vs out of sample (y)",
                        "in sample", "out of sample", format(o), format(o), List.of(
                        new ScatterChart.Points("parameter sets", in, out),
                        new ScatterChart.Points("best set (all bars)", new double[] {best.mean(best.inSample(), o)},
                                new double[] {best.mean(best.outOfSample(), o)}))),
                new Note("Each point is one set's " + o.code() + " averaged over the " + sets.folds() + " folds. Points"
                        + " along the diagonal keep their in-sample quality out of sample; a flat or falling cloud"
                        + " means in-sample rank says little about out-of-sample results."));
    }

    private static Section folds(SweepSummary s, SweepSets.SetRows best) {
        Objective o = s.objective();
        int f = s.folds();
        List<String> categories = new ArrayList<>();
        double[] in = new double[f];
        double[] out = new double[f];
        double[] pick = new double[f];
        for (int k = 0; k < f; k++) {
            categories.add("fold " + k);
            in[k] = o.value(best.inSample()[k]);
            out[k] = o.value(best.outOfSample()[k]);
            pick[k] = s.selections().get(k).outOfSample();
        }
        if (f == 0) {
            return Section.of("Best set per fold", new Note("The sweep has no folds."));
        }
        return Section.of("Best set per fold",
                new BarChart(o.code() + " per fold", categories, List.of(
                        new BarChart.Bars("best set, out of sample", out), new BarChart.Bars("best set, in sample", in),
                        new BarChart.Bars("fold's in-sample pick, out of sample", pick)), format(o)),
                new Note("Best set = the best " + o.code() + " over all bars (" + best.hash() + "). The fold's"
                        + " in-sample pick is the set a walk-forward optimiser would choose on that fold's training"
                        + " window; its out-of-sample value is the honest estimate of the optimised strategy."));
    }

    private static Section overfitting(SweepSummary s) {
        DeflatedSharpe d = s.deflatedSharpe();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new MetricsTable(List.of(
                new MetricsTable.Entry("deflated Sharpe ratio (probability true SR > 0)", Formats.ratio(d.dsr())),
                new MetricsTable.Entry("trials N (parameter sets)", Formats.count(d.trials())),
                new MetricsTable.Entry("best set's Sharpe SR*, per bar", Formats.ratio(d.sharpe())),
                new MetricsTable.Entry("expected max Sharpe SR0 of N trials, per bar", Formats.ratio(d.expectedMaxSharpe())),
                new MetricsTable.Entry("variance V of the trials' Sharpe, per bar", String.format(Locale.ROOT, "%.4g",
                        d.trialVariance())),
                new MetricsTable.Entry("skewness g3", Formats.ratio(d.skewness())),
                new MetricsTable.Entry("kurtosis g4 (normal 3)", Formats.ratio(d.kurtosis())),
                new MetricsTable.Entry("returns T", Formats.count(d.returns())))));
        blocks.add(new Note("DSR = Phi((SR* - SR0) sqrt(T - 1) / sqrt(1 - g3 SR* + (g4 - 1)/4 SR*^2)), SR0 = sqrt(V)"
                + " [(1 - gamma) Phi^-1(1 - 1/N) + gamma Phi^-1(1 - 1/(N e))] (Bailey & Lopez de Prado 2014). Sharpe"
                + " ratios here are per bar, not annualized."));
        if (s.pbo().isEmpty()) {
            blocks.add(new Note("Probability of backtest overfitting: n/a (" + s.pboNote() + ")."));
            return new Section("Overfitting", blocks);
        }
        BacktestOverfitting p = s.pbo().get();
        blocks.add(new MetricsTable(List.of(
                new MetricsTable.Entry("probability of backtest overfitting (share of λ <= 0)", Formats.ratio(p.pbo())),
                new MetricsTable.Entry("CSCV blocks S", Formats.count(p.blocks())),
                new MetricsTable.Entry("returns per block", Formats.count(p.blockSize())),
                new MetricsTable.Entry("combinations C(S, S/2)", Formats.count(p.combinations())),
                new MetricsTable.Entry("mean λ", Formats.ratio(p.meanLogit())))));
        blocks.add(logitHistogram(p.logits()));
        blocks.add(new Note("Per combination, λ = ln(ω / (1 - ω)) with ω the out-of-sample relative rank of the"
                + " in-sample best set; bins left of 0 count towards the PBO. Bins are (lower, upper]."));
        return new Section("Overfitting", blocks);
    }

    /**
     * Histogram of the logits: {@code 2·HALF_BINS} bins of width {@code m / HALF_BINS}, {@code m = max |λ|}
     * (1 when all are 0), each {@code (lower, upper]} (the first closed below), so 0 is an edge and the bins
     * left of it hold exactly the λ ≤ 0 that make up the PBO.
     */
    static BarChart logitHistogram(double[] logits) {
        double m = 0;
        for (double l : logits) {
            m = Math.max(m, Math.abs(l));
        }
        m = m > 0 ? m : 1;
        double w = m / HALF_BINS;
        double[] counts = new double[2 * HALF_BINS];
        for (double l : logits) {
            int j = l <= 0 ? HALF_BINS - 1 - (int) Math.floor(-l / w) : HALF_BINS + (int) Math.ceil(l / w) - 1;
            counts[Math.max(0, Math.min(counts.length - 1, j))]++;
        }
        List<String> labels = new ArrayList<>();
        for (int j = 0; j < counts.length; j++) {
            labels.add(String.format(Locale.ROOT, "(%.2f, %.2f]", (j - HALF_BINS) * w, (j + 1 - HALF_BINS) * w));
        }
        return BarChart.of("Logit λ of the in-sample best's out-of-sample rank, per CSCV combination", labels,
                "combinations", counts, ValueFormat.INTEGER);
    }

    private static Section topSets(SweepSets sets, Objective o) {
        List<SweepSets.SetRows> ranked = new ArrayList<>(sets.sets());   // by hash, so ties keep hash order
        ranked.sort(Comparator.comparingDouble((SweepSets.SetRows x) -> -o.score(x.full())));
        List<String> header = new ArrayList<>(List.of("rank", "param_hash"));
        header.addAll(sets.varied());
        header.addAll(List.of(o.code() + " (all bars)", "mean in-sample", "mean out-of-sample", "sharpe",
                "total return", "max drawdown", "turnover"));
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < Math.min(TOP_SETS, ranked.size()); k++) {
            SweepSets.SetRows x = ranked.get(k);
            List<String> row = new ArrayList<>(List.of(Integer.toString(k + 1), x.hash()));
            for (String p : sets.varied()) {
                row.add(x.params().getOrDefault(p, SweepSets.ABSENT));
            }
            row.addAll(List.of(format(o, o.value(x.full())), format(o, x.mean(x.inSample(), o)),
                    format(o, x.mean(x.outOfSample(), o)), Formats.ratio(x.full().sharpe()),
                    Formats.percent(x.full().totalReturn()), Formats.percent(x.full().maxDrawdown()),
                    Formats.ratio(x.full().turnover())));
            rows.add(row);
        }
        List<String> fixed = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : sets.values().entrySet()) {
            if (!sets.varied().contains(e.getKey())) {
                fixed.add(e.getKey() + "=" + e.getValue().get(0));
            }
        }
        return Section.of("Top parameter sets", new Table(header, rows), new Note("The " + rows.size() + " best of "
                + sets.sets().size() + " sets by " + o.code() + " over all bars (ties by param_hash). Same in every"
                + " set: " + (fixed.isEmpty() ? "(none)" : String.join(", ", fixed)) + ". Sharpe annualized;"
                + " turnover per year as a multiple of mean equity."));
    }

    private static ValueFormat format(Objective o) {
        return PERCENT.contains(o) ? ValueFormat.PERCENT : ValueFormat.NUMBER;
    }

    private static String format(Objective o, double v) {
        return PERCENT.contains(o) ? Formats.percent(v) : Formats.ratio(v);
    }
}
