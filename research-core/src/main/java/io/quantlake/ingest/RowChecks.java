package io.quantlake.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The checks of one row, in order, as Column expressions: the first that fails gives the row's
 * {@code reason} (a {@link QuarantineReason} code) and {@code detail}; a row no check fails has both NULL. Also
 * tracks where the row's epoch fields fix the source's time unit ({@link #unitAt}).
 */
final class RowChecks {
    private final List<Column[]> steps = new ArrayList<>();
    private final List<Column> millisAt = new ArrayList<>();
    private final List<Column> microsAt = new ArrayList<>();
    private Column ok = lit(true);

    /** Adds a check: rows for which {@code fails} is true (NULL counts as false) are rejected with {@code reason}. */
    void check(Column fails, QuarantineReason reason, Column detail) {
        Column f = coalesce(fails, lit(false));
        steps.add(new Column[] {f, lit(reason.code()), detail});
        ok = ok.and(not(f));
    }

    /** True where no check added so far fails. */
    Column ok() {
        return ok;
    }

    /**
     * Records that, where {@code reached} is true, the row holds an epoch value of unit µs ({@code micros}) or ms
     * at position {@code position} of the source (line × 2, + 1 for a second field of the line).
     */
    void unitAt(Column reached, Column micros, Column position) {
        millisAt.add(when(coalesce(reached, lit(false)).and(not(micros)), position));
        microsAt.add(when(coalesce(reached, lit(false)).and(micros), position));
    }

    /** The reason code of the first failed check, or NULL. */
    Column reason() {
        return chain(1);
    }

    /** The detail of the first failed check, or NULL. */
    Column detail() {
        return chain(2);
    }

    /** The first position holding epoch ms in this row, or NULL. */
    Column firstMillis() {
        return first(millisAt);
    }

    /** The first position holding epoch µs in this row, or NULL. */
    Column firstMicros() {
        return first(microsAt);
    }

    private static Column first(List<Column> positions) {
        if (positions.isEmpty()) {
            return lit(null).cast("long");
        }
        return positions.size() == 1 ? positions.get(0)
                : org.apache.spark.sql.functions.least(positions.toArray(new Column[0]));
    }

    private Column chain(int part) {
        Column c = null;
        for (Column[] s : steps) {
            c = c == null ? when(s[0], s[part]) : c.when(s[0], s[part]);
        }
        return c == null ? lit(null).cast("string") : c;
    }
}
