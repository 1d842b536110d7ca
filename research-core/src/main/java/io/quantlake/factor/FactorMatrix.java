package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_millis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Collects one factor to the driver as a dense T×N {@code double[]} aligned with a panel's grid,
 * indexed {@code t * symbols.length + i} like {@link io.quantlake.panel.Panel}, NaN where there is no
 * value (no bar, warm-up, or a symbol/time absent from the frame) — ready for
 * {@code panel.withFeature(name, values)}.
 *
 * <p>The frame must hold one market and one interval (filter first): two rows for the same symbol
 * and time are an error. Rows whose symbol or time is not in {@code symbols} / {@code times} are
 * ignored.
 */
public final class FactorMatrix {
    private FactorMatrix() {
    }

    /** From the wide frame of {@link FactorEngine#wide}: the column {@code factor}. */
    public static double[] fromWide(Dataset<Row> wide, String factor, long[] times, String[] symbols) {
        if (!Arrays.asList(wide.columns()).contains(factor)) {
            throw new IllegalArgumentException("wide frame has no factor column '" + factor + "'; columns: "
                    + Arrays.toString(wide.columns()));
        }
        return collect(wide, factor, times, symbols);
    }

    /** From the long layout of {@link FactorEngine#longTable} (or the Delta table {@code factors}): rows of {@code factor}, column value. */
    public static double[] fromLong(Dataset<Row> longTable, String factor, long[] times, String[] symbols) {
        return collect(longTable.where(col(FactorEngine.FACTOR).equalTo(factor)), FactorEngine.VALUE, times, symbols);
    }

    private static double[] collect(Dataset<Row> frame, String column, long[] times, String[] symbols) {
        Objects.requireNonNull(times, "times");
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < symbols.length; i++) {
            if (index.put(symbols[i], i) != null) {
                throw new IllegalArgumentException("symbol " + symbols[i] + " appears twice in the universe");
            }
        }
        int n = symbols.length;
        double[] out = new double[times.length * n];
        Arrays.fill(out, Double.NaN);
        if (times.length == 0 || n == 0) {
            return out;
        }
        List<Row> rows = frame
                .where(col(FactorFrame.SYMBOL).isin((Object[]) symbols).and(col(column).isNotNull()))
                .select(col(FactorFrame.SYMBOL), unix_millis(col(FactorFrame.TS)), col(column).cast("double"))
                .where(unix_millis(col(FactorFrame.TS)).between(times[0], times[times.length - 1]))
                .collectAsList();
        boolean[] seen = new boolean[out.length];
        for (Row r : rows) {
            int t = Arrays.binarySearch(times, r.getLong(1));
            if (t < 0) {
                continue;
            }
            int cell = t * n + index.get(r.getString(0));
            if (seen[cell]) {
                throw new IllegalArgumentException("two values of " + column + " for " + r.getString(0) + " at " + r.getLong(1)
                        + " ms: filter the frame to one market and interval");
            }
            seen[cell] = true;
            out[cell] = r.getDouble(2);
        }
        return out;
    }
}
