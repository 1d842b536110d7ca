package io.quantlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * What the lake holds: per market and interval the number of symbols, the first and last bar open
 * time and the number of candles; and the number of quarantined rows.
 */
public record LakeSummary(List<Entry> candles, long fundingRows, long symbolRows, long quarantinedRows) {

    /** One market × interval. Times are bar open times (UTC). */
    public record Entry(String market, String interval, long symbols, Timestamp first, Timestamp last, long rows) {
    }

    public LakeSummary {
        candles = List.copyOf(candles);
    }

    /** Reads the summary; tables that do not exist yet count as empty. */
    public static LakeSummary of(Lake lake) {
        List<Entry> entries = new ArrayList<>();
        if (lake.exists(LakeTable.CANDLES)) {
            List<Row> rows = lake.read(LakeTable.CANDLES)
                    .groupBy(col("market"), col("interval"))
                    .agg(countDistinct(col("symbol")).as("symbols"), min(col("open_time")).as("first"),
                            max(col("open_time")).as("last"), count(col("open_time")).as("rows"))
                    .orderBy(col("market"), col("interval"))
                    .collectAsList();
            for (Row r : rows) {
                entries.add(new Entry(r.getString(0), r.getString(1), r.getLong(2), r.getTimestamp(3),
                        r.getTimestamp(4), r.getLong(5)));
            }
        }
        return new LakeSummary(entries, countRows(lake, LakeTable.FUNDING_RATES), countRows(lake, LakeTable.SYMBOLS),
                countRows(lake, LakeTable.QUARANTINE));
    }

    private static long countRows(Lake lake, LakeTable table) {
        return lake.exists(table) ? lake.read(table).count() : 0L;
    }

    /** A fixed-width text table for the console. */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-6s %-8s %8s  %-20s  %-20s %10s%n", "market", "interval", "symbols", "first bar (UTC)",
                "last bar (UTC)", "candles"));
        for (Entry e : candles) {
            out.append(String.format("%-6s %-8s %8d  %-20s  %-20s %10d%n", e.market(), e.interval(), e.symbols(),
                    e.first().toInstant(), e.last().toInstant(), e.rows()));
        }
        out.append(String.format("funding rows: %d   symbol rows: %d   quarantined rows: %d%n", fundingRows, symbolRows,
                quarantinedRows));
        return out.toString();
    }
}
