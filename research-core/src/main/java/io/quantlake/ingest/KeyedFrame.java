package io.quantlake.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * The valid rows of one ingest by key, as {@link KeyedRows} keeps them, in Spark: one aggregation per key (min,
 * max and non-null count of every value column) tells keys whose rows agree — kept once, exact repeats collapse —
 * from keys seen with different values (NULL-safe): every row of such a key is quarantined as
 * {@link QuarantineReason#CONFLICTING_DUPLICATE} with the detail {@link KeyedRows} writes ({@code same key … as
 * <source> line <n> with different values: close 0.622 vs 0.623}) and none is kept.
 *
 * @param keyed     one row per key: key and value columns, {@code conflict_}; persisted (memory, then disk) and
 *                  materialized by {@link #of}: the caller unpersists it
 * @param accepted  one row per key without conflict: the key and value columns
 * @param conflicts the quarantine rows of the conflicting keys, in {@link SparkIngest#QUARANTINE_SCHEMA}
 */
record KeyedFrame(Dataset<Row> keyed, Dataset<Row> accepted, Dataset<Row> conflicts) {
    /** A value column and its name in the record the row-by-row path compares ({@code quote_volume} → {@code quoteVolume}). */
    record Value(String column, String component, boolean isLong) {
    }

    /**
     * Groups {@code valid} (rows with {@code file_id, source, line}, the key and value columns) by
     * {@code keys}; the rows of conflicting keys are taken from {@code validWithText}, the same rows with their
     * {@code raw} text; {@code timeKey} is the key column holding epoch ms, {@code keyText} the key as the detail names
     * it; {@code phase} orders these conflicts after the rows rejected while reading.
     */
    static KeyedFrame of(Dataset<Row> valid, Dataset<Row> validWithText, List<String> keys, String timeKey,
                         List<Value> values, int phase) {
        List<Column> aggs = new ArrayList<>();
        Column conflict = lit(false);
        for (Value v : values) {
            String c = v.column();
            aggs.add(min(c).as(c));
            aggs.add(max(c).as(c + "_hi"));
            aggs.add(count(c).as(c + "_n"));
            conflict = conflict.or(not(col(c).eqNullSafe(col(c + "_hi"))))
                    .or(col(c + "_n").gt(0).and(col(c + "_n").lt(col("n_"))));
        }
        Column[] keyCols = keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        List<Column> out = new ArrayList<>(List.of(keyCols));
        for (Value v : values) {
            out.add(col(v.column()));
        }
        Dataset<Row> keyed = valid.groupBy(keyCols)
                .agg(count(lit(1)).as("n_"), aggs.toArray(new Column[0]))
                .select(conflict.as("conflict_"), col("*"))
                .select(withLast(out, col("conflict_")))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> accepted = keyed.filter(not(col("conflict_"))).select(out.toArray(new Column[0]));
        // materializes the cache; without conflicts (the usual case) the rows' text is never read again
        Dataset<Row> conflictKeys = keyed.filter(col("conflict_")).select(keyCols);
        Dataset<Row> bad = conflictKeys.isEmpty() ? validWithText.limit(0)
                : validWithText.join(conflictKeys, keys.toArray(new String[0]), "left_semi");
        return new KeyedFrame(keyed, accepted, conflictRows(bad, keys, timeKey, values, phase));
    }

    private static Column[] withLast(List<Column> columns, Column last) {
        List<Column> all = new ArrayList<>(columns);
        all.add(last);
        return all.toArray(new Column[0]);
    }

    private static Dataset<Row> conflictRows(Dataset<Row> rows, List<String> keys, String timeKey, List<Value> values,
                                             int phase) {
        WindowSpec w = Window.partitionBy(keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .orderBy("file_id", "line")
                .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
        Column[] valueCols = values.stream().map(v -> col(v.column())).toArray(Column[]::new);
        Column vals = struct(valueCols);
        Column firstRow = first(struct(col("source"), col("line"), vals.as("v"))).over(w);
        Column differs = not(vals.eqNullSafe(firstRow.getField("v")));
        Column firstDifferent = first(when(differs, struct(col("source"), col("line"), vals.as("v"))), true).over(w);
        Dataset<Row> withOther = rows.withColumn("other_", when(differs, firstRow).otherwise(firstDifferent));
        List<Column> diffs = new ArrayList<>();
        for (Value v : values) {
            Column a = col(v.column());
            Column b = col("other_.v." + v.column());
            diffs.add(when(not(a.eqNullSafe(b)), concat(lit(v.component() + " "), show(a, v), lit(" vs "), show(b, v))));
        }
        Column keyText = keys.size() == 4
                ? concat(col(keys.get(0)), lit(" "), col(keys.get(1)), lit(" "), col(keys.get(2)), lit(" " + timeKey + " "))
                : concat(col(keys.get(0)), lit(" "), col(keys.get(1)), lit(" " + timeKey + " "));
        Column t = col(timeKey);
        Column detail = concat(lit("same key "), keyText, t.cast("string"), lit(" ("), RowParsing.iso(t), lit(") as "),
                col("other_.source"), lit(" line "), col("other_.line").cast("string"),
                lit(" with different values: "), concat_ws(", ", diffs.toArray(new Column[0])));
        boolean candles = keys.size() == 4;
        return withOther.select(col("source"), col("line"), col("raw"),
                lit(QuarantineReason.CONFLICTING_DUPLICATE.code()).as("reason"), detail.as("detail"),
                lit(phase).as("q_phase"), col(keys.get(0)).as("q_market"),
                (candles ? col("interval_ms") : lit(0L)).as("q_interval_ms"),
                col(candles ? keys.get(2) : keys.get(1)).as("q_symbol"), t.as("q_time"),
                col("file_id").as("q_file"));
    }

    /** A value as {@link KeyedRows} shows it: doubles as {@link Violation#num} (NULL, not carried, as NaN), longs plain (NULL as -1). */
    private static Column show(Column x, Value v) {
        return v.isLong() ? coalesce(x.cast("string"), lit("-1")) : coalesce(RowParsing.num(x), lit("NaN"));
    }
}
