package io.quantlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_json;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.MapType;

/**
 * Idempotent upsert of rows into a lake table: one Delta MERGE (one commit) on the table's key,
 * the source given the table's derived columns first ({@link LakeLayout#withDerivedColumns}),
 * updating a matched row only when a compared value differs (NULL-safe), inserting new keys; made
 * holding the lake's {@link WriterLock}.
 */
final class DeltaMerge {
    private DeltaMerge() {
    }

    /**
     * Merges {@code rows} (in {@code table}'s schema, keys unique) into {@code table} and returns
     * the counts. Counts come from the commit's operation metrics; unchanged = rows − inserted −
     * updated. An empty {@code rows} writes nothing.
     *
     * @throws IllegalArgumentException when two rows share a key (named in the message)
     */
    static MergeCounts upsert(Lake lake, LakeTable table, List<Row> rows) {
        if (rows.isEmpty()) {
            return MergeCounts.NONE;
        }
        requireUniqueKeys(table, rows);
        return upsert(lake, table, lake.spark().createDataFrame(rows, table.schema()), rows.size());
    }

    /**
     * Merges a Dataset (the columns of {@code table}'s schema, by name; at most one row per key, which
     * the caller guarantees: it is not checked here) into {@code table} in one commit and returns the counts.
     */
    static MergeCounts upsert(Lake lake, LakeTable table, Dataset<Row> source) {
        return upsert(lake, table, source, -1);
    }

    /**
     * Writes {@code source} ({@code rows} rows, in {@code table}'s schema by name, at most one per key: the caller
     * guarantees both) into {@code table} in one commit, as {@link #upsert(Lake, LakeTable, Dataset)} would: when the
     * table holds no row in {@code partitions} (a filter over its partition columns covering every row of
     * {@code source}), no key of it can be present, and the rows are appended (all inserted, no join with the
     * table); otherwise one join with those partitions counts new and changed keys: none (a re-ingest) writes
     * nothing, else the rows are MERGEd.
     */
    static MergeCounts insertOrMerge(Lake lake, LakeTable table, Dataset<Row> source, long rows, Column partitions) {
        if (rows == 0) {
            return MergeCounts.NONE;
        }
        Dataset<Row> stored = LakeLayout.withDerivedColumns(table, source);
        try (WriterLock.Hold h = lake.writerLock().acquire()) {
            Dataset<Row> present = lake.read(table).filter(partitions);
            if (!present.isEmpty()) {
                // one join tells new and changed keys; a MERGE would rewrite every file it matches, changed or not
                Column absent = col("t." + table.keys().get(0)).isNull();
                Row changes = stored.as("s").join(present.as("t"), keyMatch(table), "left")
                        .agg(count(when(absent, 1)), count(when(not(absent).and(anyDifferent(table)), 1))).first();
                if (changes.getLong(0) == 0 && changes.getLong(1) == 0) {
                    return new MergeCounts(0, 0, rows);
                }
                return merge(lake, table, stored, rows);
            }
            long before = lake.version(table);
            stored.write().format("delta").mode("append").save(lake.path(table));
            Row last = lake.table(table).history(1).select("version", "operation", "operationMetrics").first();
            long written = last.getLong(0) == before + 1 ? metric(last.getJavaMap(2), "numOutputRows") : -1;
            if (written != rows) {
                throw new IllegalStateException("expected one WRITE of " + rows + " rows to " + lake.path(table)
                        + " at version " + (before + 1) + ", found " + last.getString(1) + " at version " + last.getLong(0)
                        + " writing " + written + " (concurrent writer?)");
            }
            return new MergeCounts(rows, 0, 0);
        }
    }

    /**
     * The MERGE, holding the lake's writer lock from the version read to the counts; {@code knownRows} is the
     * source's row count, or -1 when it must come from the commit.
     */
    private static MergeCounts upsert(Lake lake, LakeTable table, Dataset<Row> source, long knownRows) {
        Dataset<Row> stored = LakeLayout.withDerivedColumns(table, source);
        try (WriterLock.Hold h = lake.writerLock().acquire()) {
            return merge(lake, table, stored, knownRows);
        }
    }

    private static MergeCounts merge(Lake lake, LakeTable table, Dataset<Row> source, long knownRows) {
        DeltaTable target = lake.table(table);
        long before = lake.version(table);
        target.as("t")
                .merge(source.as("s"), keyMatch(table))
                .whenMatched(anyDifferent(table)).updateAll()
                .whenNotMatched().insertAll()
                .execute();
        Row last = target.history(1).select("version", "operation", "operationMetrics").first();
        if (last.getLong(0) == before) {
            return new MergeCounts(0, 0, knownRows >= 0 ? knownRows : source.count());
        }
        if (!"MERGE".equals(last.getString(1))) {
            throw new IllegalStateException("expected a MERGE commit on " + lake.path(table) + " at version "
                    + last.getLong(0) + ", found " + last.getString(1) + " (concurrent writer?)");
        }
        Map<String, String> metrics = last.getJavaMap(2);
        long inserted = metric(metrics, "numTargetRowsInserted");
        long updated = metric(metrics, "numTargetRowsUpdated");
        long rows = knownRows >= 0 ? knownRows : metric(metrics, "numSourceRows");
        return new MergeCounts(inserted, updated, rows - inserted - updated);
    }

    private static long metric(Map<String, String> metrics, String name) {
        String v = metrics.get(name);
        if (v == null) {
            throw new IllegalStateException("Delta MERGE commit lacks operation metric " + name + "; has " + metrics.keySet()
                    + " (is spark.databricks.delta.history.metricsEnabled off?)");
        }
        return Long.parseLong(v);
    }

    /**
     * {@code t.k1 = s.k1 AND ...} over the key columns, and the derived month where the table has one (a function
     * of the key, so the match is the same; it lets Delta prune the target's files by partition).
     */
    static Column keyMatch(LakeTable table) {
        List<String> columns = new ArrayList<>(table.keys());
        if (table.hasMonth()) {
            columns.add(LakeTable.MONTH);
        }
        Column on = null;
        for (String k : columns) {
            Column eq = col("t." + k).equalTo(col("s." + k));
            on = on == null ? eq : on.and(eq);
        }
        return on;
    }

    /** {@code NOT (t.c <=> s.c) OR ...} over the compared columns (maps compared as JSON text). */
    static Column anyDifferent(LakeTable table) {
        Column differs = null;
        for (String c : table.comparedColumns()) {
            Column t = col("t." + c);
            Column s = col("s." + c);
            if (table.schema().apply(c).dataType() instanceof MapType) { // maps have no equality in Spark SQL
                t = to_json(t);
                s = to_json(s);
            }
            Column d = not(t.eqNullSafe(s));
            differs = differs == null ? d : differs.or(d);
        }
        return differs;
    }

    /**
     * Rejects {@code rows} (in {@code table}'s column order up to its keys) when two share a key.
     *
     * @throws IllegalArgumentException naming the table and the key
     */
    static void requireUniqueKeys(LakeTable table, List<Row> rows) {
        int[] keyIdx = new int[table.keys().size()];
        for (int k = 0; k < keyIdx.length; k++) {
            keyIdx[k] = table.schema().fieldIndex(table.keys().get(k));
        }
        Set<List<Object>> seen = new HashSet<>(rows.size() * 2);
        for (Row r : rows) {
            Object[] key = new Object[keyIdx.length];
            for (int k = 0; k < keyIdx.length; k++) {
                key[k] = r.get(keyIdx[k]);
            }
            if (!seen.add(List.of(key))) {
                throw new IllegalArgumentException("two rows for one key of table " + table + ": "
                        + table.keys() + " = " + List.of(key) + "; a batch must hold at most one row per key");
            }
        }
    }
}
