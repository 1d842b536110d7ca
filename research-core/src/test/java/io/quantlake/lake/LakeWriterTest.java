package io.quantlake.lake;

import static io.quantlake.lake.Fixtures.DAY;
import static io.quantlake.lake.Fixtures.T0;
import static io.quantlake.lake.Fixtures.daily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;

import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.ingest.QuarantineReason;
import io.quantlake.spark.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Ingest into a fresh lake: MERGE counts, idempotence, updates, quarantine, gaps and the runs row.
 * One test method because every Delta commit costs seconds.
 */
class LakeWriterTest {

    @Test
    void ingestIsIdempotentCountsChangesAndRecordsTheRun() {
        Lake lake = Lake.at(SharedSpark.spark(), SharedSpark.newTempDir("lake-writer").toString());
        LakeWriter writer = new LakeWriter(lake);
        List<CandleBar> candles = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            if (d != 2) {
                candles.add(daily("BTCUSDT", d, 100 + d)); // BTC misses day 2
            }
            candles.add(daily("ETHUSDT", d, 50 + d));
        }
        IngestBatch first = new IngestBatch(2, 13, candles,
                List.of(Fixtures.funding("BTCUSDT", T0, 0.0001, 100.5), Fixtures.funding("BTCUSDT", T0 + DAY / 3, -0.0002, Double.NaN)),
                List.of(Fixtures.symbol("BTCUSDT")),
                List.of(Fixtures.rejected("a.csv", 7, QuarantineReason.NON_POSITIVE_PRICE),
                        Fixtures.rejected("a.csv", 9, QuarantineReason.WRONG_COLUMN_COUNT)));

        IngestReport r1 = writer.ingest(first, "ingest-test-1", "{\"path\":\"a.csv\"}");
        assertEquals(new MergeCounts(9, 0, 0), r1.table(LakeTable.CANDLES));
        assertEquals(new MergeCounts(2, 0, 0), r1.table(LakeTable.FUNDING_RATES));
        assertEquals(new MergeCounts(1, 0, 0), r1.table(LakeTable.SYMBOLS));
        assertEquals(Map.of("non_positive_price", 1L, "wrong_column_count", 1L), r1.quarantinedByReason());
        assertEquals(2, r1.gaps().size());
        assertEquals("BTCUSDT", r1.gaps().get(0).symbol());
        assertEquals(1, r1.gaps().get(0).missing(), "BTC lacks day 2 inside [day 0, day 4]");
        assertEquals(0, r1.gaps().get(1).missing());
        List<Row> afterFirst = candleRows(lake);

        IngestReport r2 = writer.ingest(first, "ingest-test-2", null);
        assertEquals(0, r2.inserted());
        assertEquals(0, r2.updated());
        assertEquals(12, r2.unchanged(), "9 candles + 2 funding + 1 symbol, all unchanged");
        assertEquals(afterFirst, candleRows(lake), "a second ingest of the same batch changes no row");

        List<CandleBar> fix = List.of(daily("BTCUSDT", 2, 102), daily("ETHUSDT", 4, 54.5));
        IngestReport r3 = writer.ingest(Fixtures.candlesOnly(fix), "ingest-test-3", null);
        assertEquals(new MergeCounts(1, 1, 0), r3.table(LakeTable.CANDLES));
        assertEquals(0, r3.gaps().get(0).missing(), "the gap is filled");
        Row eth4 = lake.read(LakeTable.CANDLES)
                .filter(col("symbol").equalTo("ETHUSDT").and(col("open_time").equalTo(BatchRows.ts(T0 + 4 * DAY))))
                .select("close", "ingest_run", "quote_volume", "trades").first();
        assertEquals(54.5, eth4.getDouble(0));
        assertEquals("ingest-test-3", eth4.getString(1), "an updated row carries the run that changed it");
        assertTrue(eth4.isNullAt(2) && eth4.isNullAt(3), "NaN / -1 (not carried) are stored as NULL");
        assertEquals("ingest-test-1", lake.read(LakeTable.CANDLES)
                .filter(col("symbol").equalTo("ETHUSDT").and(col("open_time").equalTo(BatchRows.ts(T0))))
                .select("ingest_run").first().getString(0), "an unchanged row keeps the run that wrote it");
        assertNull(lake.read(LakeTable.FUNDING_RATES).filter(col("funding_rate").lt(0)).first().get(4),
                "a NaN mark price is stored as NULL");

        List<Row> runs = lake.read(LakeTable.RUNS).orderBy("run_id").collectAsList();
        assertEquals(3, runs.size());
        Row run1 = runs.get(0);
        assertEquals("ingest-test-1", run1.getString(0));
        assertEquals("ingest", run1.getString(1));
        assertEquals("{\"path\":\"a.csv\"}", run1.getString(2));
        assertEquals("succeeded", run1.getString(5));
        Map<String, Long> versions = run1.getJavaMap(3);
        assertEquals(new TreeSet<>(List.of("candles", "funding_rates", "quarantine", "symbols")), new TreeSet<>(versions.keySet()));
        assertTrue(run1.getString(4).startsWith("{\"files\":2,\"rows_read\":13,\"inserted\":12,\"updated\":0,\"unchanged\":0,"),
                run1.getString(4));
        assertEquals(lake.version(LakeTable.CANDLES), runs.get(2).<String, Long>getJavaMap(3).get("candles"),
                "data_versions holds the candles version after the run's commit");

        assertEquals(4, lake.read(LakeTable.QUARANTINE).count(), "2 rows from each of the two runs that had them");
        assertEquals(List.of("candles", "funding_rates", "quarantine", "runs", "symbols"), lake.registerViews());
        Row sql = lake.spark().sql("SELECT count(*), max(close) FROM candles WHERE symbol = 'ETHUSDT'").first();
        assertEquals(5L, sql.getLong(0));
        assertEquals(54.5, sql.getDouble(1));
    }

    @Test
    void aBatchWithTwoRowsForOneKeyIsRejectedBeforeWriting() {
        Lake lake = Lake.at(SharedSpark.spark(), SharedSpark.newTempDir("lake-dup").toString());
        IngestBatch dup = Fixtures.candlesOnly(List.of(daily("BTCUSDT", 0, 100), daily("BTCUSDT", 0, 101)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LakeWriter(lake).ingest(dup));
        assertTrue(e.getMessage().contains("two rows for one key of table candles")
                && e.getMessage().contains("BTCUSDT"), e.getMessage());
    }

    private static List<Row> candleRows(Lake lake) {
        return lake.read(LakeTable.CANDLES).drop("ingest_run").orderBy("symbol", "open_time").collectAsList();
    }
}
