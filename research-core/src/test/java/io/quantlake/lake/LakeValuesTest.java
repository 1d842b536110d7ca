package io.quantlake.lake;

import static io.quantlake.lake.Fixtures.DAY;
import static io.quantlake.lake.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.ingest.QuarantineReason;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The lake's values and pure-Java logic, without Spark. */
class LakeValuesTest {

    @Test
    void tablesHaveTheKeysOfDesignMd() {
        assertEquals(List.of("market", "interval", "symbol", "open_time"), LakeTable.CANDLES.keys());
        assertEquals(List.of("market", "symbol", "funding_time"), LakeTable.FUNDING_RATES.keys());
        assertEquals(List.of("market", "symbol"), LakeTable.SYMBOLS.keys());
        assertEquals(List.of("ingest_run", "source", "line"), LakeTable.QUARANTINE.keys());
        assertEquals(List.of("run_id"), LakeTable.RUNS.keys());
        assertArrayEquals(new String[] {"market", "interval", "symbol", "open_time", "open", "high", "low", "close",
            "volume", "quote_volume", "trades", "taker_buy_base", "taker_buy_quote", "ingest_run"},
                LakeTable.CANDLES.schema().fieldNames());
        assertArrayEquals(new String[] {"ingest_run", "source", "line", "raw", "reason"},
                LakeTable.QUARANTINE.schema().fieldNames());
        assertArrayEquals(new String[] {"run_id", "kind", "config", "data_versions", "metrics", "status", "started",
            "finished"}, LakeTable.RUNS.schema().fieldNames());
        assertEquals("timestamp", LakeTable.CANDLES.schema().apply("open_time").dataType().typeName());
        assertEquals(List.of("open", "high", "low", "close", "volume", "quote_volume", "trades", "taker_buy_base",
                "taker_buy_quote"), LakeTable.CANDLES.comparedColumns(), "ingest_run is bookkeeping, not compared");
        assertEquals(LakeTable.FUNDING_RATES, LakeTable.byName("funding_rates"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LakeTable.byName("candle"));
        assertTrue(e.getMessage().startsWith("unknown lake table 'candle'; known: candles, funding_rates"), e.getMessage());
    }

    @Test
    void recordsBecomeRowsWithNullForValuesNotCarried() {
        Row r = BatchRows.candles(List.of(Fixtures.daily("BTCUSDT", 1, 100)), "run-1").get(0);
        assertEquals("spot", r.getString(0));
        assertEquals("1d", r.getString(1));
        assertEquals(T0 + DAY, r.getTimestamp(3).getTime());
        assertNull(r.get(9), "quote_volume NaN → NULL");
        assertNull(r.get(10), "trades -1 → NULL");
        assertEquals("run-1", r.getString(13));
        Row s = BatchRows.symbols(List.of(Fixtures.symbol("ETHUSDT"))).get(0);
        assertEquals("ETH", s.getString(2));
        assertNull(s.get(5), "unknown onboard time → NULL");
        List<Row> q = BatchRows.quarantine(List.of(
                Fixtures.rejected("a.csv", 3, QuarantineReason.NON_POSITIVE_PRICE),
                Fixtures.rejected("a.csv", 3, QuarantineReason.NEGATIVE_VOLUME),
                Fixtures.rejected("b.csv", 3, QuarantineReason.NEGATIVE_VOLUME)), "run-1");
        assertEquals(2, q.size(), "one row per key (run, source, line)");
        assertEquals(RowFactory.create("run-1", "a.csv", 3L, "raw line 3", "non_positive_price"), q.get(0));
    }

    @Test
    void reportCountsPrintsAndSerialises() throws Exception {
        Map<String, MergeCounts> tables = new LinkedHashMap<>();
        tables.put("candles", new MergeCounts(5, 1, 3));
        tables.put("funding_rates", new MergeCounts(2, 0, 0));
        IngestReport report = new IngestReport("ingest-x", 2, 14, tables,
                new java.util.TreeMap<>(Map.of("negative_volume", 2L, "conflicting_duplicate", 1L)),
                List.of(new SymbolGaps(Market.SPOT, Interval.H4, "BTCUSDT", T0, T0 + DAY, 5)));
        assertEquals(7, report.inserted());
        assertEquals(1, report.updated());
        assertEquals(3, report.unchanged());
        assertEquals(3, report.quarantined());
        assertEquals(MergeCounts.NONE, report.table(LakeTable.SYMBOLS));
        assertEquals(2, report.gaps().get(0).missing(), "7 bars in [T0, T0 + 1d] on 4h, 5 present");
        String text = report.toTable();
        assertTrue(text.startsWith("ingest ingest-x: 2 files, 14 rows read\n"), text);
        assertTrue(text.contains("candles                   5          1          3\n"), text);
        assertTrue(text.contains("quarantined: 3 (conflicting_duplicate 1, negative_volume 2)\n"), text);
        assertTrue(text.contains("spot   4h       BTCUSDT        2024-01-01T00:00:00Z 2024-01-02T00:00:00Z        5        2"),
                text);
        JsonNode json = new ObjectMapper().readTree(report.metricsJson());
        assertEquals(14, json.get("rows_read").asLong());
        assertEquals(1, json.get("tables").get("candles").get("updated").asLong());
        assertEquals(2, json.get("quarantined_by_reason").get("negative_volume").asLong());
        assertEquals("2024-01-02T00:00:00Z", json.get("gaps").get(0).get("last").asText());
        assertEquals(2, json.get("gaps").get(0).get("missing").asLong());
    }

    @Test
    void valuesValidateTheirFields() {
        assertThrows(IllegalArgumentException.class, () -> new MergeCounts(-1, 0, 0));
        assertEquals(new MergeCounts(3, 5, 7), new MergeCounts(1, 2, 3).plus(new MergeCounts(2, 3, 4)));
        assertThrows(IllegalArgumentException.class, () -> new SymbolGaps(Market.SPOT, Interval.D1, "X", T0, T0 - 1, 1));
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> RunRecord.requireValidRunId("bt'; DROP"));
        assertTrue(id.getMessage().contains("got 'bt'; DROP'"), id.getMessage());
        assertTrue(RunRecord.newRunId("backtest", Instant.parse("2024-03-04T05:06:07.089Z"))
                .matches("backtest-20240304T050607\\.089Z-[0-9a-f]{8}"));
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        assertThrows(IllegalArgumentException.class,
                () -> new RunRecord("r", "backtest", null, Map.of(), null, "succeeded", t, t.minusSeconds(1)));
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> new CandleQuery(Market.SPOT, Interval.D1, List.of("BTCUSDT", "BTCUSDT"), T0, T0 + DAY));
        assertTrue(dup.getMessage().contains("'BTCUSDT'"), dup.getMessage());
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> new CandleQuery(Market.SPOT, Interval.D1, List.of("BTCUSDT"), T0, T0));
        assertEquals("start must be before end, got start=2024-01-01T00:00:00Z end=2024-01-01T00:00:00Z", window.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FundingSeries(new String[] {"A"},
                new long[][] {{2, 1}}, new double[][] {{0, 0}}, new double[][] {{1, 1}}), "times must increase");
    }

    @Test
    void aLakeRootIsAnAbsolutePathOrAUri() {
        org.apache.spark.sql.SparkSession spark = io.quantlake.spark.SharedSpark.spark();
        Lake uri = Lake.at(spark, "s3a://bucket/research/lake/");
        assertEquals("s3a://bucket/research/lake/", uri.root());
        assertEquals("s3a://bucket/research/lake/candles", uri.path(LakeTable.CANDLES));
        Lake local = Lake.at(spark, "lake");
        assertEquals(java.nio.file.Paths.get("lake").toAbsolutePath().toString(), local.root());
        assertEquals(local.root() + "/funding_rates", local.path(LakeTable.FUNDING_RATES));
        assertEquals(List.of(), Lake.at(spark, "target/no-such-lake").tableNames(), "a missing root has no tables");
        assertThrows(IllegalArgumentException.class, () -> Lake.at(spark, " "));
    }
}
