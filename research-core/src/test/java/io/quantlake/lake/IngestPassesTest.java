package io.quantlake.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ingest.ArchiveReader;
import io.quantlake.ingest.IngestFrames;
import io.quantlake.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * How an archive ingest reaches the lake: the read caches no rows when no key can repeat (the verdicts tell), the
 * first ingest into empty partitions appends (a WRITE commit, no MERGE), a re-ingest of the same files changes
 * nothing, and files that overlap fall back to grouping by key. One method: every Delta commit costs seconds.
 */
class IngestPassesTest {
    private static final long JAN = 1704067200000L;
    private static final long HOUR = 3_600_000L;

    @Test
    void firstIngestAppendsWithoutCachingAndAReIngestChangesNothing() throws IOException {
        Path data = SharedSpark.newTempDir("ingest-passes-data");
        Path jan = data.resolve("BTCUSDT-1h-2024-01.csv");
        Files.writeString(jan, klines(JAN, 3) + "bad,row\n");
        Path feb = data.resolve("BTCUSDT-1h-2024-02.csv");
        Files.writeString(feb, klines(JAN + 31 * 24 * HOUR, 2));
        Lake lake = Lake.at(SharedSpark.spark(), SharedSpark.newTempDir("ingest-passes-lake").toString());
        LakeWriter writer = new LakeWriter(lake);

        IngestFrames frames = ArchiveReader.read(SharedSpark.spark(), data);
        assertTrue(SharedSpark.spark().sharedState().cacheManager().isEmpty(), "nothing cached: keys cannot repeat");
        assertEquals(5, frames.known().candles());
        assertEquals(Map.of("wrong_column_count", 1L), frames.known().quarantineByReason());
        IngestReport first = writer.ingest(frames, "ingest-passes-1", null);
        assertEquals(new MergeCounts(5, 0, 0), first.table(LakeTable.CANDLES));
        assertEquals(Map.of("wrong_column_count", 1L), first.quarantinedByReason());
        Row commit = lake.table(LakeTable.CANDLES).history(1).select("operation", "operationMetrics").first();
        assertEquals("WRITE", commit.getString(0), "empty partitions: appended, not merged");
        assertEquals("5", commit.<String, String>getJavaMap(1).get("numOutputRows"));
        assertEquals(1, lake.read(LakeTable.QUARANTINE).count());
        List<String> files = List.of(lake.read(LakeTable.CANDLES).inputFiles());

        IngestReport again = writer.ingest(ArchiveReader.read(SharedSpark.spark(), data), "ingest-passes-2", null);
        assertEquals(new MergeCounts(0, 0, 5), again.table(LakeTable.CANDLES));
        assertEquals(files, List.of(lake.read(LakeTable.CANDLES).inputFiles()), "a re-ingest writes no candle file");
        assertEquals(5, lake.read(LakeTable.CANDLES).count());

        // a daily file overlapping January: keys may repeat, so the rows are grouped by key (one kept per key)
        Path daily = data.resolve("BTCUSDT-1h-2024-01-01.csv");
        Files.writeString(daily, klines(JAN + 2 * HOUR, 2));
        IngestFrames overlapping = ArchiveReader.read(SharedSpark.spark(), data);
        assertEquals(-1, overlapping.known().candles(), "overlapping files: count unknown until grouped");
        IngestReport third = writer.ingest(overlapping, "ingest-passes-3", null);
        assertEquals(new MergeCounts(1, 0, 5), third.table(LakeTable.CANDLES));
        assertEquals(6, lake.read(LakeTable.CANDLES).count());
        assertTrue(SharedSpark.spark().sharedState().cacheManager().isEmpty(), "the write released the grouped rows");
    }

    /** {@code n} hourly kline rows (12 columns) from {@code start} (epoch ms). */
    private static String klines(long start, int n) {
        StringBuilder rows = new StringBuilder();
        for (int k = 0; k < n; k++) {
            long open = start + k * HOUR;
            rows.append(open).append(",100,101,99,100.5,10,").append(open + HOUR - 1).append(",1005,7,5,502.5,0\n");
        }
        return rows.toString();
    }
}
