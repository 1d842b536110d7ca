package io.quantlake.replay;

import java.util.Objects;

/**
 * The first difference between a run's stored outputs and its replay.
 *
 * @param table    the table compared, e.g. {@code equity}, {@code ledger}
 * @param row      0-based row in the table's order for the run (equity by time, ledger by seq)
 * @param at       the row's time (ISO-8601 UTC) on whichever side has the row, for reading it back
 * @param column   the differing column, or {@code null} when one side has no row {@code row}
 * @param stored   the stored value (or "no row" with the stored row count)
 * @param replayed the replayed value (or "no row" with the replayed row count)
 */
public record Difference(String table, int row, String at, String column, String stored, String replayed) {
    public Difference {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(replayed, "replayed");
        if (row < 0) {
            throw new IllegalArgumentException("row must be >= 0, got " + row);
        }
    }

    /** One line: {@code equity row 5 (2024-01-06T00:00:00Z) column cash: stored 100.5, replayed 100.25}. */
    public String describe() {
        return table + " row " + row + " (" + at + ")" + (column == null ? "" : " column " + column) + ": stored "
                + stored + ", replayed " + replayed;
    }
}
