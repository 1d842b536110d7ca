package io.quantlake.strategy.pairs;

import java.util.List;
import java.util.Locale;

/**
 * The result of a {@link PairScan}: tested pairs sorted by p-value (ties by y, then x), and the pairs that
 * could not be tested.
 *
 * @param rows    tested ordered pairs, best (smallest p-value) first
 * @param skipped pairs whose test was impossible (collinear or constant series, too few common bars)
 */
public record PairScanResult(List<PairScanRow> rows, List<Skipped> skipped) {
    /** A pair left out of the scan and why (the message of the failed test). */
    public record Skipped(String y, String x, String reason) {
    }

    public PairScanResult {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
    }

    /** The rows as CSV: {@link PairScanRow#HEADER} then one line per row, each ending with a newline. */
    public String csv() {
        StringBuilder b = new StringBuilder(PairScanRow.HEADER).append('\n');
        for (PairScanRow r : rows) {
            b.append(r.csv()).append('\n');
        }
        return b.toString();
    }

    /**
     * The rows as a fixed-width table for a terminal (alpha and beta to 6 decimals, the statistic to 4, the
     * p-value to 6 significant digits, the half-life in bars to 2 decimals), then a line counting skipped pairs.
     */
    public String text() {
        int w = 4;
        for (PairScanRow r : rows) {
            w = Math.max(w, Math.max(r.y().length(), r.x().length()));
        }
        String head = "%-" + w + "s  %-" + w + "s  %12s  %10s  %9s  %12s  %4s  %10s  %6s%n";
        String line = "%-" + w + "s  %-" + w + "s  %12.6f  %10.6f  %9.4f  %12.6g  %4d  %10s  %6d%n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, head, "y", "x", "alpha", "beta", "adf_stat",
                "pvalue", "lags", "half_life", "n"));
        for (PairScanRow r : rows) {
            String hl = Double.isInfinite(r.halfLife()) ? "inf" : String.format(Locale.ROOT, "%.2f", r.halfLife());
            b.append(String.format(Locale.ROOT, line, r.y(), r.x(), r.alpha(), r.beta(), r.adfStat(), r.pValue(),
                    r.lags(), hl, r.n()));
        }
        b.append(rows.size()).append(" pairs tested, ").append(skipped.size()).append(" skipped");
        for (Skipped s : skipped) {
            b.append("\n  skipped ").append(s.y()).append(" on ").append(s.x()).append(": ").append(s.reason());
        }
        return b.append('\n').toString();
    }
}
