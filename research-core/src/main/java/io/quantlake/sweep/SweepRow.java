package io.quantlake.sweep;

import java.util.Objects;

/**
 * One row of {@code sweep_results} as a plain record (see {@link SweepResultsTable} for the columns),
 * without the run id and the {@code period_returns}: what a report of one run reads.
 *
 * @param paramHash the set's stable id
 * @param params    the set's complete params, canonical JSON
 * @param fold      0-based fold; −1 on the {@code full} row
 * @param split     {@link SweepResultsTable#FULL}, {@link SweepResultsTable#IN_SAMPLE} or
 *                  {@link SweepResultsTable#OUT_OF_SAMPLE}
 * @param start     open time of the window's first bar, epoch ms UTC
 * @param end       end of the window's last bar (exclusive), epoch ms UTC
 * @param metrics   the window's metrics (NULL columns as NaN)
 */
public record SweepRow(String paramHash, String params, int fold, String split, long start, long end,
                       WindowMetrics metrics) {
    public SweepRow {
        Objects.requireNonNull(paramHash, "paramHash");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(metrics, "metrics");
        if (!SweepResultsTable.FULL.equals(split) && !SweepResultsTable.IN_SAMPLE.equals(split)
                && !SweepResultsTable.OUT_OF_SAMPLE.equals(split)) {
            throw new IllegalArgumentException("sweep row " + paramHash + ": unknown split '" + split + "'");
        }
        if (SweepResultsTable.FULL.equals(split) != (fold == -1) || fold < -1) {
            throw new IllegalArgumentException("sweep row " + paramHash + ": fold " + fold + " with split " + split
                    + " (the full row has fold -1, fold rows 0, 1, ...)");
        }
    }
}
