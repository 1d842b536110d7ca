package io.quantlake.research;

import io.quantlake.tearsheet.BarChart;
import io.quantlake.tearsheet.Block;
import io.quantlake.tearsheet.Formats;
import io.quantlake.tearsheet.HeatmapChart;
import io.quantlake.tearsheet.Note;
import io.quantlake.tearsheet.ReportPage;
import io.quantlake.tearsheet.Section;
import io.quantlake.tearsheet.Table;
import io.quantlake.tearsheet.TimeSeries;
import io.quantlake.tearsheet.TimeSeriesChart;
import io.quantlake.tearsheet.ValueFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The HTML tear sheet of one factor study ({@link FactorResearchResult}): a summary table (factor ×
 * horizon), the factor correlation heatmap, and per factor its IC and rank IC per date with a trailing
 * mean ({@value #ROLLING_DATES} IC dates) at every horizon, the IC decay across horizons, the quantile mean
 * forward returns (one bar series per horizon), and the top quantile's turnover with the rank
 * autocorrelation per date.
 *
 * <pre>{@code
 * Path report = FactorTearSheet.write(Path.of("out/run-1"), result, "Factor research spot 1d",
 *         "run factor_research-…: 40 symbols, 2022-03-01 to 2025-01-01");
 * }</pre>
 */
public final class FactorTearSheet {
    /** The report's file name inside the output directory. */
    public static final String REPORT_FILE = "factor_report.html";
    /** Window of the trailing mean drawn over the per-date ICs, in IC dates. */
    public static final int ROLLING_DATES = 30;
    /** Header of {@link #summaryTable}. */
    public static final List<String> SUMMARY_HEADER = List.of("factor", "horizon", "dates", "mean IC (Pearson)",
            "IC IR (Pearson)", "t (Pearson)", "mean rank IC", "rank IC IR", "rank t", "rank t (non-overlap)",
            "top-bottom spread");

    private FactorTearSheet() {
    }

    /** Writes {@code outDir/factor_report.html} and returns its path. */
    public static Path write(Path outDir, FactorResearchResult result, String title, String about) {
        return page(result, title, about).write(outDir.resolve(REPORT_FILE));
    }

    /**
     * The report page.
     *
     * @param about a sentence on what was studied (run id, market, interval, universe, dates), shown first
     */
    public static ReportPage page(FactorResearchResult result, String title, String about) {
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of("Summary", new Note(about), new Note(definitions(result)), summaryTable(result)));
        sections.add(correlation(result.correlation()));
        for (String f : result.factors()) {
            sections.add(factor(result, f));
        }
        return new ReportPage(title, sections);
    }

    /**
     * One row per factor and horizon (study order): dates with an IC; the Pearson IC's mean, IR (mean / sd) and
     * t-statistic of the mean; the same three for the rank IC; the t-statistic of the mean rank IC over
     * non-overlapping dates (every horizon-th); and the mean top-minus-bottom quantile spread of forward returns
     * (percent).
     */
    public static Table summaryTable(FactorResearchResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (IcSummary s : result.summaries()) {
            rows.add(List.of(s.factor(), Integer.toString(s.horizon()), Formats.count(s.ic().n()),
                    Formats.ratio(s.meanIc()), Formats.ratio(s.icIrPearson()), Formats.ratio(s.tStatPearson()),
                    Formats.ratio(s.meanRankIc()), Formats.ratio(s.rankIcIr()), Formats.ratio(s.rankTStat()),
                    Formats.ratio(s.rankIcNonOverlapping().tStat()), Formats.percent(s.spread().mean())));
        }
        return new Table(SUMMARY_HEADER, rows);
    }

    private static String definitions(FactorResearchResult r) {
        return "Per date t (a bar open time): a score uses closes up to and including t; the forward return of"
                + " horizon h runs from t's close to the close h of the symbol's own bars later. IC = Pearson, rank"
                + " IC = Spearman correlation of score and forward return across the symbols having both (dates with"
                + " fewer than " + r.spec().minSymbols() + " left out); IR = mean / sd (ddof 1) and t = mean / (sd /"
                + " sqrt(dates)) of the series they name: \"(Pearson)\" of the IC, \"rank\" of the rank IC; t overstates"
                + " significance for h > 1 (overlapping windows): the non-overlap t uses every h-th date. Quantiles: " + r.spec().quantiles() + " buckets by the score's rank per date;"
                + " spread = top minus bottom bucket mean forward return.";
    }

    private static Section correlation(FactorCorrelation c) {
        List<String> names = c.factors();
        int n = names.size();
        double[] values = new double[n * n];
        double[][] m = c.values();
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, values, i * n, n);
        }
        return Section.of("Factor correlation",
                new HeatmapChart("Mean per-date rank (Spearman) correlation between factors", names, names, values,
                        ValueFormat.NUMBER, HeatmapChart.Scale.DIVERGING),
                new Note("Each cell is the mean over dates of the cross-sectional Spearman correlation of two scores,"
                        + " over the symbols valued by both; an empty cell had no such date."));
    }

    private static Section factor(FactorResearchResult r, String f) {
        List<Block> blocks = new ArrayList<>();
        List<Integer> horizons = r.spec().horizons();
        for (int h : horizons) {
            List<IcPoint> points = r.ic(f, h);
            if (points.isEmpty()) {
                blocks.add(new Note("No IC date at horizon " + h + "."));
                continue;
            }
            long[] t = new long[points.size()];
            double[] ic = new double[t.length];
            double[] rank = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                t[k] = points.get(k).ts();
                ic[k] = points.get(k).ic();
                rank[k] = points.get(k).rankIc();
            }
            blocks.add(new TimeSeriesChart(f + ": IC per date, " + bars(h) + " forward", List.of(
                    new TimeSeries("IC", t, ic), new TimeSeries("rank IC", t, rank),
                    new TimeSeries("IC, " + ROLLING_DATES + "-date mean", t, rollingMean(ic, ROLLING_DATES)),
                    new TimeSeries("rank IC, " + ROLLING_DATES + "-date mean", t, rollingMean(rank, ROLLING_DATES))),
                    ValueFormat.NUMBER, TimeSeriesChart.Style.LINE));
        }
        List<String> categories = new ArrayList<>();
        List<IcSummary> decay = r.decay(f);
        double[] meanIc = new double[decay.size()];
        double[] meanRank = new double[decay.size()];
        for (int k = 0; k < meanIc.length; k++) {
            categories.add(bars(decay.get(k).horizon()));
            meanIc[k] = decay.get(k).meanIc();
            meanRank[k] = decay.get(k).meanRankIc();
        }
        blocks.add(new BarChart(f + ": IC decay (mean IC by horizon)", categories, List.of(
                new BarChart.Bars("mean IC", meanIc), new BarChart.Bars("mean rank IC", meanRank)), ValueFormat.NUMBER));
        blocks.add(quantiles(r, f, horizons));
        blocks.add(stability(r, f, decay.get(0)));
        return new Section("Factor " + f, blocks);
    }

    private static Block quantiles(FactorResearchResult r, String f, List<Integer> horizons) {
        int q = r.spec().quantiles();
        List<String> buckets = new ArrayList<>();
        for (int k = 1; k <= q; k++) {
            buckets.add("Q" + k + (k == 1 ? " (lowest)" : k == q ? " (highest)" : ""));
        }
        List<BarChart.Bars> series = new ArrayList<>();
        for (int h : horizons) {
            double[] mean = new double[q];
            Arrays.fill(mean, Double.NaN);
            for (QuantileReturn x : r.quantileReturns(f, h)) {
                mean[x.quantile() - 1] = x.meanFwdReturn();
            }
            series.add(new BarChart.Bars(bars(h), mean));
        }
        return new BarChart(f + ": mean forward return by score quantile", buckets, series, ValueFormat.PERCENT);
    }

    private static Block stability(FactorResearchResult r, String f, IcSummary summary) {
        List<StabilityPoint> points = r.stability(f);
        if (points.isEmpty()) {
            return new Note("No date with enough values for turnover and rank autocorrelation.");
        }
        long[] t = new long[points.size()];
        double[] turnover = new double[t.length];
        double[] autocorr = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            t[k] = points.get(k).ts();
            turnover[k] = points.get(k).turnover();
            autocorr[k] = points.get(k).rankAutocorr();
        }
        return new TimeSeriesChart(f + ": top-quantile turnover (mean " + Formats.percent(summary.meanTurnover())
                + ") and rank autocorrelation (mean " + Formats.ratio(summary.meanRankAutocorr()) + ") per date",
                List.of(new TimeSeries("turnover", t, turnover), new TimeSeries("rank autocorrelation", t, autocorr)),
                ValueFormat.NUMBER, TimeSeriesChart.Style.LINE);
    }

    /**
     * Trailing mean of the finite values among {@code values[k − window + 1 .. k]}; NaN for the first
     * {@code window − 1} indices and where fewer than half the window is finite.
     */
    static double[] rollingMean(double[] values, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("rolling window must be >= 1, got " + window);
        }
        double[] out = new double[values.length];
        double sum = 0.0;
        int finite = 0;
        for (int k = 0; k < values.length; k++) {
            if (Double.isFinite(values[k])) {
                sum += values[k];
                finite++;
            }
            if (k >= window && Double.isFinite(values[k - window])) {
                sum -= values[k - window];
                finite--;
            }
            out[k] = k >= window - 1 && 2 * finite >= window ? sum / finite : Double.NaN;
        }
        return out;
    }

    private static String bars(int h) {
        return h == 1 ? "1 bar" : h + " bars";
    }
}
