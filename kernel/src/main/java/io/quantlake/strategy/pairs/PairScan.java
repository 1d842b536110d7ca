package io.quantlake.strategy.pairs;

import io.quantlake.panel.Panel;
import io.quantlake.stats.CointegrationResult;
import io.quantlake.stats.EngleGranger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Engle-Granger scan of every ordered pair {@code (y, x)}, {@code y != x}, of a panel's symbols
 * ({@code bin/quantlake pairs}).
 *
 * <p>Each pair is tested on the bars in {@code [start, end)} where <em>both</em> symbols have a close (an inner
 * join on the grid: a bar missing for either symbol is dropped for that pair only, so different pairs may use
 * different bars; {@link PairScanRow#n()} says how many). Prices are log closes by default
 * ({@link PriceScale}). The test is {@link EngleGranger#coint(double[], double[])}, as statsmodels'
 * {@code coint(y, x)}; a pair for which it throws (perfectly collinear or constant series, too few common
 * bars) is skipped and listed in {@link PairScanResult#skipped()}.
 */
public final class PairScan {
    /** Sort order of the rows: p-value ascending, then y, then x. */
    public static final Comparator<PairScanRow> BY_PVALUE = Comparator.comparingDouble(PairScanRow::pValue)
            .thenComparing(PairScanRow::y).thenComparing(PairScanRow::x);

    private PairScan() {
    }

    /**
     * Scans {@code panel} with {@code options} (the one call behind {@code bin/quantlake pairs}).
     *
     * @throws IllegalArgumentException when a requested symbol is not in the panel, naming it and the panel's symbols
     */
    public static PairScanResult scan(Panel panel, PairScanOptions options) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(options, "options");
        List<String> names = options.symbols().isEmpty() ? List.of(panel.symbols()) : options.symbols();
        int from = 0;
        while (from < panel.bars() && panel.times()[from] < options.startMs()) {
            from++;
        }
        int to = from;
        while (to < panel.bars() && panel.times()[to] < options.endMs()) {
            to++;
        }
        double[][] series = new double[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            int i = panel.indexOf(names.get(k));
            if (i < 0) {
                throw new IllegalArgumentException("symbol " + names.get(k) + " is not in the " + panel.interval()
                        + " panel; it holds " + String.join(", ", panel.symbols()));
            }
            series[k] = column(panel, i, from, to, options.price());
        }
        return scan(names, series, 0, to - from);
    }

    /**
     * Scans grid-aligned series: {@code series[k][t]} is symbol {@code names.get(k)}'s price at grid bar
     * {@code t} (NaN when missing), tested over bars {@code [from, to)}.
     */
    public static PairScanResult scan(List<String> names, double[][] series, int from, int to) {
        if (names.size() != series.length) {
            throw new IllegalArgumentException(names.size() + " names for " + series.length + " series");
        }
        List<PairScanRow> rows = new ArrayList<>();
        List<PairScanResult.Skipped> skipped = new ArrayList<>();
        for (int a = 0; a < series.length; a++) {
            for (int b = 0; b < series.length; b++) {
                if (a == b) {
                    continue;
                }
                try {
                    rows.add(PairScanRow.of(names.get(a), names.get(b), test(series[a], series[b], from, to)));
                } catch (IllegalArgumentException e) {
                    skipped.add(new PairScanResult.Skipped(names.get(a), names.get(b), e.getMessage()));
                }
            }
        }
        rows.sort(BY_PVALUE);
        return new PairScanResult(rows, skipped);
    }

    /**
     * The Engle-Granger test of {@code y} on {@code x} over the common bars of grid range {@code [from, to)}.
     *
     * @throws IllegalArgumentException when the test is impossible (too few common bars, collinear or constant)
     */
    public static CointegrationResult test(double[] y, double[] x, int from, int to) {
        AlignedPair p = AlignedPair.join(y, x, from, to);
        return EngleGranger.coint(p.y(), p.x());
    }

    /** Symbol {@code i}'s scaled closes at grid bars {@code [from, to)} (NaN where it has no bar). */
    static double[] column(Panel panel, int i, int from, int to, PriceScale price) {
        double[] out = new double[to - from];
        double[] close = panel.close();
        for (int t = from; t < to; t++) {
            double c = close[panel.at(t, i)];
            try {
                out[t - from] = price.apply(c);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(panel.symbols()[i] + " at " + java.time.Instant.ofEpochMilli(panel.times()[t])
                        + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
