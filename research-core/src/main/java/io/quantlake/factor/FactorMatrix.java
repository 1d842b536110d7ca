package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_millis;

import io.quantlake.panel.Panel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
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
        return collect(wide, List.of(factor), times, symbols).get(0);
    }

    /** From the long layout of {@link FactorEngine#longTable} (or the Delta table {@code factors}): rows of {@code factor}, column value. */
    public static double[] fromLong(Dataset<Row> longTable, String factor, long[] times, String[] symbols) {
        return collect(longTable.where(col(FactorEngine.FACTOR).equalTo(factor)), List.of(FactorEngine.VALUE), times, symbols).get(0);
    }

    /**
     * {@code panel} with one feature per name of {@code factors}, read from the wide frame in one
     * collect and aligned with the panel's times and symbols (see {@link Panel#withFeature}).
     */
    public static Panel withFeatures(Panel panel, Dataset<Row> wide, List<String> factors) {
        List<double[]> values = collect(wide, factors, panel.times(), panel.symbols());
        Panel out = panel;
        for (int f = 0; f < factors.size(); f++) {
            out = out.withFeature(factors.get(f), values.get(f));
        }
        return out;
    }

    private static List<double[]> collect(Dataset<Row> frame, List<String> columns, long[] times, String[] symbols) {
        Objects.requireNonNull(times, "times");
        for (String c : columns) {
            if (!Arrays.asList(frame.columns()).contains(c)) {
                throw new IllegalArgumentException("frame has no factor column '" + c + "'; columns: " + Arrays.toString(frame.columns()));
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < symbols.length; i++) {
            if (index.put(symbols[i], i) != null) {
                throw new IllegalArgumentException("symbol " + symbols[i] + " appears twice in the universe");
            }
        }
        int n = symbols.length;
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            double[] m = new double[times.length * n];
            Arrays.fill(m, Double.NaN);
            out.add(m);
        }
        if (times.length == 0 || n == 0) {
            return out;
        }
        List<Column> select = new ArrayList<>(List.of(col(FactorFrame.SYMBOL), unix_millis(col(FactorFrame.TS))));
        for (String c : columns) {
            select.add(col(c).cast("double"));
        }
        List<Row> rows = frame
                .where(col(FactorFrame.SYMBOL).isin((Object[]) symbols))
                .where(unix_millis(col(FactorFrame.TS)).between(times[0], times[times.length - 1]))
                .select(select.toArray(Column[]::new))
                .collectAsList();
        boolean[] seen = new boolean[times.length * n];
        for (Row r : rows) {
            int t = Arrays.binarySearch(times, r.getLong(1));
            if (t < 0) {
                continue;
            }
            int cell = t * n + index.get(r.getString(0));
            if (seen[cell]) {
                throw new IllegalArgumentException("two rows for " + r.getString(0) + " at " + r.getLong(1)
                        + " ms: filter the frame to one market and interval");
            }
            seen[cell] = true;
            for (int c = 0; c < columns.size(); c++) {
                out.get(c)[cell] = r.isNullAt(2 + c) ? Double.NaN : r.getDouble(2 + c);
            }
        }
        return out;
    }
}
