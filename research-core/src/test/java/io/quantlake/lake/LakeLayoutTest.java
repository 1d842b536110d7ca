package io.quantlake.lake;

import static io.quantlake.lake.Fixtures.DAY;
import static io.quantlake.lake.Fixtures.T0;
import static io.quantlake.lake.Fixtures.bar;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ingest.CandleBar;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.spark.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The partitioned layout of candles (market, interval, month): a tiny lake of two months × two intervals, a
 * one-month read listing only that month's files, the month's derivation, and a lake of the old layout refused
 * until {@code lake upgrade} rewrites it.
 */
class LakeLayoutTest {
    /** 2024-02-01T00:00:00Z. */
    private static final long FEB = T0 + 31 * DAY;
    private static final long HOUR = 3_600_000L;

    @Test
    void aOneMonthReadListsOnlyThatMonthsFiles() {
        SparkSession spark = SharedSpark.spark();
        Path root = SharedSpark.newTempDir("lake-layout");
        Lake lake = Lake.at(spark, root.toString());
        List<CandleBar> candles = new ArrayList<>();
        for (long start : new long[] {T0, FEB}) { // January and February
            for (int d = 0; d < 3; d++) {
                for (String s : List.of("BTCUSDT", "ETHUSDT")) {
                    candles.add(bar(Market.SPOT, Interval.D1, s, start + d * DAY, 100 + d));
                    candles.add(bar(Market.SPOT, Interval.H4, s, start + d * DAY + 4 * HOUR, 200 + d));
                }
            }
        }
        candles.add(bar(Market.SPOT, Interval.H4, "BTCUSDT", FEB - 4 * HOUR, 300)); // the last 4h bar of January
        new LakeWriter(lake).ingest(Fixtures.candlesOnly(candles), "ingest-layout-1", null);

        assertEquals(LakeTable.CANDLES.partitionColumns(),
                LakeLayout.partitionColumns(lake.table(LakeTable.CANDLES)));
        assertEquals(List.of("2024-01", "2024-02"), lake.read(LakeTable.CANDLES).select("month").distinct()
                .orderBy("month").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        assertEquals(1L, lake.read(LakeTable.CANDLES).filter(col("open_time").equalTo(new Timestamp(FEB - 4 * HOUR))
                .and(col("month").equalTo("2024-01"))).count(), "20:00 on 31 January is January (UTC)");

        CandleQuery january1d = new CandleQuery(Market.SPOT, Interval.D1, List.of("BTCUSDT", "ETHUSDT"), T0, FEB);
        CandleStore.PanelRead read = new CandleStore(lake).read(january1d);
        assertArrayEquals(new long[] {T0, T0 + DAY, T0 + 2 * DAY}, read.panel().times());
        Path candlesDir = root.resolve("candles");
        List<Path> month = parquet(candlesDir.resolve("market=spot/interval=1d/month=2024-01"));
        List<Path> all = parquet(candlesDir);
        assertTrue(all.size() >= 4 && month.size() < all.size(), "one file set per (interval, month): " + all);
        ScanStats scan = read.scan().orElseThrow();
        assertEquals(new ScanStats(month.size(), size(month), all.size(), size(all)), scan,
                "the read lists exactly the files of spot/1d/2024-01");
        assertTrue(scan.describe().startsWith(month.size() + " of " + all.size() + " files, "), scan.describe());
    }

    @Test
    void theMonthIsTheUtcMonthWhateverTheSessionTimeZone() {
        assertEquals("2024-01", LakeLayout.month(FEB - 1));
        assertEquals("2024-02", LakeLayout.month(FEB));
        assertEquals("1969-12", LakeLayout.month(-1));
        SparkSession spark = SharedSpark.spark();
        String zone = spark.conf().get("spark.sql.session.timeZone");
        try {
            spark.conf().set("spark.sql.session.timeZone", "America/New_York");
            List<Row> rows = List.of(RowFactory.create(new Timestamp(FEB - 1)), RowFactory.create(new Timestamp(FEB)),
                    RowFactory.create(new Timestamp(-1)));
            StructType schema = new StructType().add("t", DataTypes.TimestampType);
            List<String> months = spark.createDataFrame(rows, schema).select(LakeLayout.month(col("t")))
                    .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
            assertEquals(List.of("2024-01", "2024-02", "1969-12"), months);
        } finally {
            spark.conf().set("spark.sql.session.timeZone", zone);
        }
        assertThrows(IllegalArgumentException.class, () -> LakeLayout.monthsOf(FEB, FEB));
    }

    @Test
    void aLakeOfTheOldLayoutIsRefusedUntilUpgradedInPlace() {
        SparkSession spark = SharedSpark.spark();
        Path root = SharedSpark.newTempDir("lake-old-layout");
        Lake lake = Lake.at(spark, root.toString());
        List<CandleBar> candles = List.of(bar(Market.SPOT, Interval.D1, "BTCUSDT", T0, 100),
                bar(Market.SPOT, Interval.D1, "BTCUSDT", FEB, 110));
        Dataset<Row> old = spark.createDataFrame(BatchRows.candles(candles, "ingest-old"), LakeTable.CANDLES.schema());
        old.write().format("delta").save(lake.path(LakeTable.CANDLES)); // as lakes were written before: no partitions

        CandleQuery q = new CandleQuery(Market.SPOT, Interval.D1, List.of("BTCUSDT"), T0, FEB + DAY);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new CandleStore(lake).panel(q));
        assertTrue(refused.getMessage().contains("run `quantlake lake upgrade --lake " + lake.root() + "`"),
                refused.getMessage());
        assertEquals(List.of(), LakeLayout.partitionColumns(io.delta.tables.DeltaTable.forPath(spark,
                lake.path(LakeTable.CANDLES))), "the refusal changed nothing");

        assertEquals(List.of("candles"), LakeLayout.upgrade(lake));
        assertEquals(List.of(), LakeLayout.upgrade(lake), "a second upgrade has nothing to do");
        Lake reopened = Lake.at(spark, root.toString());
        Panel p = new CandleStore(reopened).panel(q);
        assertArrayEquals(new long[] {T0, FEB}, p.times());
        assertArrayEquals(new double[] {100, 110}, p.close());
        Panel before = new CandleStore(reopened.pinnedAt(Map.of("candles", 0L))).panel(q);
        assertArrayEquals(p.close(), before.close(), "version 0 (old layout, no month) is read whole by time travel");
        assertEquals(2L, reopened.read(LakeTable.CANDLES).filter(col("month").isNotNull()).count());
    }

    private static List<Path> parquet(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(List<Path> files) {
        long total = 0;
        for (Path p : files) {
            try {
                total += Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }
}
