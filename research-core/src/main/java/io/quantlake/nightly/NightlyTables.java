package io.quantlake.nightly;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.delta.tables.DeltaTable;
import io.quantlake.lake.Lake;
import io.quantlake.lake.WriterLock;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta tables the nightly pipeline writes, path-based under the lake root, each by one MERGE:
 * <ul>
 *   <li>{@value #ORDERS} — key (run_date, symbol): {@code side} BUY/SELL, {@code quantity} base units,
 *       {@code price} last close, {@code notional} quote currency, {@code reason} ({@link RebalanceOrder.Reason}), {@code filters}
 *       ({@link RebalanceOrder.Filters}; NULL in rows written before the column existed);</li>
 *   <li>{@value #TARGETS} — key (run_date, symbol): {@code target_weight} (NULL = no opinion),
 *       {@code current_weight}, {@code planned_weight} (post-trade, before lot rounding), {@code price},
 *       {@code quantity} held, {@code decision_time} (open time of the decision bar used, NULL when none);</li>
 * </ul>
 * The two nightly tables are replaced per date: matched rows are updated when a value differs, new keys
 * inserted, and rows of the same run_date absent from the new batch deleted — so a rerun of a date leaves
 * exactly that run's rows (idempotent) and other dates untouched. A table written by an older version that
 * lacks a nullable column of the schema gets it added (NULL in its old rows) before the MERGE.
 */
public final class NightlyTables {
    public static final String ORDERS = "nightly_orders";
    public static final String TARGETS = "nightly_targets";

    public static final StructType ORDERS_SCHEMA = new StructType()
            .add("run_date", DataTypes.DateType, false).add("symbol", DataTypes.StringType, false)
            .add("side", DataTypes.StringType, false).add("quantity", DataTypes.DoubleType, false)
            .add("price", DataTypes.DoubleType, false).add("notional", DataTypes.DoubleType, false)
            .add("reason", DataTypes.StringType, false).add("filters", DataTypes.StringType, true);
    public static final StructType TARGETS_SCHEMA = new StructType()
            .add("run_date", DataTypes.DateType, false).add("symbol", DataTypes.StringType, false)
            .add("target_weight", DataTypes.DoubleType, true).add("current_weight", DataTypes.DoubleType, false)
            .add("planned_weight", DataTypes.DoubleType, false).add("price", DataTypes.DoubleType, false)
            .add("quantity", DataTypes.DoubleType, false).add("decision_time", DataTypes.TimestampType, true);
    private static final List<String> DATE_KEYS = List.of("run_date", "symbol");

    private NightlyTables() {
    }

    /** The location of table {@code name}: {@code <lake root>/<name>}. */
    public static String path(Lake lake, String name) {
        return (lake.root().endsWith("/") ? lake.root() : lake.root() + "/") + name;
    }

    /**
     * Replaces the rows of {@code runDate} in {@code table} ({@value #ORDERS} or {@value #TARGETS}) by {@code rows},
     * one MERGE, holding the lake's writer lock.
     */
    public static void replaceDate(Lake lake, String table, StructType schema, LocalDate runDate, List<Row> rows) {
        Dataset<Row> source = lake.spark().createDataFrame(rows, schema);
        try (WriterLock.Hold h = lake.writerLock().acquire()) {
            merge(lake, table, schema, DATE_KEYS, source)
                    .whenNotMatchedBySource(col("t.run_date").equalTo(lit(Date.valueOf(runDate)))).delete()
                    .execute();
        }
    }

    private static void addMissingColumns(Lake lake, String path, StructType schema) {
        List<String> have = List.of(DeltaTable.forPath(lake.spark(), path).toDF().schema().fieldNames());
        for (StructField f : schema.fields()) {
            if (have.contains(f.name())) {
                continue;
            }
            if (!f.nullable()) {
                throw new IllegalStateException("Delta table " + path + " lacks the non-null column " + f.name()
                        + " of this version; it cannot be added to existing rows");
            }
            lake.spark().sql("ALTER TABLE delta.`" + path.replace("`", "``") + "` ADD COLUMNS (" + f.name() + " "
                    + f.dataType().sql() + ")");
        }
    }

    private static io.delta.tables.DeltaMergeBuilder merge(Lake lake, String table, StructType schema, List<String> keys,
                                                           Dataset<Row> source) {
        String path = path(lake, table);
        if (!DeltaTable.isDeltaTable(lake.spark(), path)) {
            DeltaTable.createIfNotExists(lake.spark()).location(path).addColumns(schema).execute();
        } else {
            addMissingColumns(lake, path, schema);
        }
        Column on = null;
        Column differs = null;
        for (String c : schema.fieldNames()) {
            if (keys.contains(c)) {
                Column eq = col("t." + c).equalTo(col("s." + c));
                on = on == null ? eq : on.and(eq);
            } else {
                Column d = not(col("t." + c).eqNullSafe(col("s." + c)));
                differs = differs == null ? d : differs.or(d);
            }
        }
        return DeltaTable.forPath(lake.spark(), path).as("t").merge(source.as("s"), on)
                .whenMatched(differs).updateAll()
                .whenNotMatched().insertAll();
    }
}
