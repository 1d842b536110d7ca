package io.quantlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.unix_millis;

import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The physical layout of the lake's time series ({@link LakeTable#partitionColumns()}): {@code candles} is
 * partitioned by market, interval and {@link LakeTable#MONTH}, {@code funding_rates} by market and month, where
 * month is the UTC calendar month {@code 'yyyy-MM'} of the row's time, derived by the writer
 * ({@link #withDerivedColumns}). A window read filters on the partition columns
 * ({@link #monthsOf(long, long)}), so Delta lists only the files of the window's months.
 *
 * <p>Partitions, not liquid clustering: Delta (4.3) clusters only on {@code OPTIMIZE}, so files a MERGE writes
 * span every key until then and skipping depends on min/max statistics; a partition filter excludes other
 * partitions' files from the file list always.
 *
 * <p>A lake written before this layout (an unpartitioned {@code candles} or {@code funding_rates}) is refused
 * with one line naming {@code quantlake lake upgrade}, which rewrites the tables in place ({@link #upgrade}).
 */
public final class LakeLayout {
    private static final long DAY_MS = 86_400_000L;

    private LakeLayout() {
    }

    /** The UTC month {@code 'yyyy-MM'} of {@code time} (a timestamp column), independent of the session time zone. */
    public static Column month(Column time) {
        Column day = floor(unix_millis(time).divide(lit(DAY_MS))).cast("int");
        return substring(date_from_unix_date(day).cast("string"), 1, 7);
    }

    /** The UTC month {@code 'yyyy-MM'} of {@code epochMs} (UTC epoch milliseconds). */
    public static String month(long epochMs) {
        return YearMonth.from(Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC)).toString();
    }

    /**
     * The partition filter of the window {@code [startMs, endMs)} (UTC epoch ms): the months from that of
     * {@code startMs} to that of {@code endMs - 1}, both included ('yyyy-MM' strings sort as months).
     */
    public static Column monthsOf(long startMs, long endMs) {
        if (startMs >= endMs) {
            throw new IllegalArgumentException("window start " + Instant.ofEpochMilli(startMs)
                    + " must be before its end " + Instant.ofEpochMilli(endMs));
        }
        return col(LakeTable.MONTH).between(month(startMs), month(endMs - 1));
    }

    /**
     * {@code rows} (with the columns of {@code table}'s {@link LakeTable#schema()}, by name; extra columns are
     * dropped) in the stored column order, with the derived {@link LakeTable#MONTH} where the table has one:
     * the one place a writer of the lake derives it.
     */
    public static Dataset<Row> withDerivedColumns(LakeTable table, Dataset<Row> rows) {
        List<Column> columns = new ArrayList<>();
        for (String name : table.schema().fieldNames()) {
            columns.add(col(name));
        }
        if (table.hasMonth()) {
            columns.add(month(col(table.monthSource())).as(LakeTable.MONTH));
        }
        return rows.select(columns.toArray(new Column[0]));
    }

    /**
     * Fails with one line telling the user to run {@code quantlake lake upgrade} when the existing Delta table
     * {@code table} at {@code path} is not partitioned as {@link LakeTable#partitionColumns()} says.
     */
    static void requireLayout(DeltaTable delta, LakeTable table, String lakeRoot) {
        List<String> actual = partitionColumns(delta);
        if (!actual.equals(table.partitionColumns())) {
            throw new IllegalStateException("table " + table + " of the lake at " + lakeRoot + " has partitions "
                    + actual + ", expected " + table.partitionColumns() + " (written before QuantLake partitioned it); "
                    + "run `quantlake lake upgrade --lake " + lakeRoot + "` once to rewrite it in place");
        }
    }

    /** The partition columns of a Delta table, in order. */
    static List<String> partitionColumns(DeltaTable delta) {
        Row detail = delta.detail().select("partitionColumns").first();
        return detail.isNullAt(0) ? List.of() : new ArrayList<>(detail.<String>getList(0));
    }

    /**
     * Rewrites every partitioned table of {@code lake} that has the old layout (no partitions) in place: one
     * Delta commit per table (overwrite with the new partitioning and the derived month), holding the writer
     * lock. Rows are unchanged; earlier versions stay readable by time travel (until a VACUUM). Returns the
     * names of the tables rewritten (empty when the lake is already current).
     */
    public static List<String> upgrade(Lake lake) {
        List<String> done = new ArrayList<>();
        for (LakeTable t : LakeTable.values()) {
            if (t.partitionColumns().isEmpty() || !lake.exists(t)) {
                continue;
            }
            try (WriterLock.Hold h = lake.writerLock().acquire()) {
                DeltaTable delta = DeltaTable.forPath(lake.spark(), lake.path(t));
                List<String> actual = partitionColumns(delta);
                if (actual.equals(t.partitionColumns())) {
                    continue;
                }
                if (!actual.isEmpty()) {
                    throw new IllegalStateException("table " + t + " of the lake at " + lake.root()
                            + " has unexpected partitions " + actual + "; expected none or " + t.partitionColumns());
                }
                withDerivedColumns(t, delta.toDF()).write().format("delta").mode("overwrite")
                        .option("overwriteSchema", "true")
                        .partitionBy(t.partitionColumns().toArray(new String[0]))
                        .save(lake.path(t));
                done.add(t.tableName());
            }
        }
        return done;
    }

    /** Whether {@code rows} has a column {@code name} (an old version read by time travel may lack the month). */
    static boolean hasColumn(Dataset<Row> rows, String name) {
        return Arrays.asList(rows.columns()).contains(name);
    }
}
