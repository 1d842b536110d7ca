package io.quantlake.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The parsed values and the checks of one row, in order, each computed once: a value ({@link #value}) and the
 * failure flag of a check ({@link #check}) are columns of their own, each added to the frame as a projection on
 * top of the previous ones, so that a later expression reads the column instead of repeating its expression (a
 * field's regex and cast run once per row, whatever the number of checks reading it). The first check that
 * fails gives the row's {@code reason} (a {@link QuarantineReason} code) and {@code detail} (a when-chain over the
 * flags; a detail text is built only for the check that gives it); a row no check fails has both NULL. Also tracks
 * where the row's epoch fields fix the source's time unit ({@link #unitAt}).
 */
final class RowChecks {
    private record Unit(int after, Column reached, Column micros, Column position) {
    }

    private final List<Column[]> steps = new ArrayList<>();
    private final List<Unit> units = new ArrayList<>();
    private Dataset<Row> frame;

    /** Checks over the rows of {@code frame}. */
    RowChecks(Dataset<Row> frame) {
        this.frame = frame;
    }

    /** Adds the column {@code name} = {@code expr} (over the columns added before it); returns a reference to it. */
    Column value(String name, Column expr) {
        frame = frame.withColumn(name, expr);
        return col(name);
    }

    /**
     * Adds a check: rows for which {@code fails} is true (NULL counts as false) are rejected with {@code reason}
     * and {@code detail}, unless an earlier check rejects them.
     */
    void check(Column fails, QuarantineReason reason, Column detail) {
        Column flag = value("f_" + steps.size() + "_", coalesce(fails, lit(false)));
        steps.add(new Column[] {flag, lit(reason.code()), detail});
    }

    /** The number of checks added so far (a position for {@link #ok(int)}). */
    int size() {
        return steps.size();
    }

    /** True where none of the first {@code n} checks fails. */
    Column ok(int n) {
        Column any = null;
        for (int k = 0; k < n; k++) {
            any = any == null ? steps.get(k)[0] : any.or(steps.get(k)[0]);
        }
        return any == null ? lit(true) : not(any);
    }

    /**
     * Records that, where every check added so far passes and {@code reached} is true, the row holds an epoch value
     * of unit µs ({@code micros}) or ms at position {@code position} of the source (line × 2, + 1 for a second field
     * of the line).
     */
    void unitAt(Column reached, Column micros, Column position) {
        units.add(new Unit(steps.size(), reached, micros, position));
    }

    /** The frame with every value and flag column added. */
    Dataset<Row> frame() {
        return frame;
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
        return first(false);
    }

    /** The first position holding epoch µs in this row, or NULL. */
    Column firstMicros() {
        return first(true);
    }

    private Column first(boolean micros) {
        List<Column> positions = new ArrayList<>();
        for (Unit u : units) {
            Column unit = coalesce(u.micros(), lit(false));
            positions.add(when(ok(u.after()).and(coalesce(u.reached(), lit(false))).and(micros ? unit : not(unit)),
                    u.position()));
        }
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
