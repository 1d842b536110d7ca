package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * No silent success, errors that name their place (README, Commands and the ingest paragraph): a read on a path
 * that holds no lake, a truncated zip in an archive tree, a backtest window without bars.
 */
class NoSilentSuccessTest {
    @Test
    void commandsReadingAPathWithoutALakeFailNamingIt() throws IOException {
        Path missing = TestSpark.newTempDir("no-lake").resolve("typo");
        Path empty = Files.createDirectories(TestSpark.newTempDir("empty-lake").resolve("lake"));

        CliRun summary = CliRun.of("lake", "summary", "--lake", missing.toString());
        assertEquals(1, summary.exitCode(), summary.out() + summary.err());
        assertEquals("quantlake lake summary: no lake at " + missing + " (no Delta table there; ingest data first, "
                + "or give the lake's directory with --lake)", summary.err().strip());

        CliRun sql = CliRun.of("sql", "SELECT 1", "--lake", empty.toString());
        assertEquals(1, sql.exitCode(), sql.out() + sql.err());
        assertTrue(sql.err().strip().startsWith("quantlake sql: no lake at " + empty + " "), sql.err());

        CliRun submit = CliRun.of("submit", "--master", TestSpark.TEST_MASTER, "--class",
                "io.quantlake.jobs.LakeSummaryJob", "--lake", missing.toString());
        assertEquals(1, submit.exitCode(), submit.out() + submit.err());
        assertEquals(1, submit.err().lines().filter(l -> l.contains("no lake at " + missing)).count(), submit.err());
        assertFalse(submit.err().contains("job failed with exit code"), "one message per failure: " + submit.err());
        assertFalse(Files.exists(missing), "nothing created at the mistyped path");
        try (var files = Files.list(empty)) {
            assertEquals(0, files.count(), "nothing created in the empty directory");
        }
    }

    @Test
    void truncatedZipIsNamedWhileTheOtherLandsAndAnEmptyWindowFailsTheBacktest() throws IOException {
        Path root = TestSpark.newTempDir("silent");
        Path lake = root.resolve("lake");
        Path tree = Files.createDirectories(root.resolve("data/spot/monthly/klines/BTCUSDT/1h"));
        Path good = tree.resolve("BTCUSDT-1h-2024-01.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(good))) {
            zip.putNextEntry(new ZipEntry("BTCUSDT-1h-2024-01.csv"));
            for (int k = 0; k < 3; k++) {
                long open = 1704067200000L + k * 3_600_000L;
                zip.write((open + ",42000,42100,41900,42050,1.5," + (open + 3_599_999L) + ",63000,10,0.7,29400,0\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = tree.resolve("BTCUSDT-1h-2024-02.zip");
        try (OutputStream out = Files.newOutputStream(truncated)) {
            out.write(Arrays.copyOf(bytes, bytes.length / 2));
        }

        CliRun ingest = CliRun.of("ingest", "archive", "--path", root.resolve("data").toString(), "--lake", lake.toString());
        assertEquals(0, ingest.exitCode(), ingest.err());
        assertEquals(truncated + ": not a readable zip (zip END header not found); nothing ingested from this file "
                + "(quarantined: unreadable_file)", ingest.err().strip());
        assertEquals("n\n3\n", sql(lake, "SELECT count(*) AS n FROM candles"));
        assertEquals("source,line,reason\n" + truncated + ",0,unreadable_file\n",
                sql(lake, "SELECT source, line, reason FROM quarantine"));

        Path config = Files.writeString(root.resolve("empty-window.yaml"), """
                market: spot
                interval: 1h
                universe: [BTCUSDT]
                start: 2030-01-01
                end: 2030-02-01
                capital: 1000
                strategy: {name: monthly_rebalance, params: {target_weights: {BTCUSDT: 1}}}
                """);
        Path out = root.resolve("out");
        CliRun backtest = CliRun.of("backtest", "--config", config.toString(), "--out", out.toString(),
                "--lake", lake.toString());
        assertEquals(1, backtest.exitCode(), backtest.out() + backtest.err());
        assertEquals("quantlake backtest: no candles for BTCUSDT (spot 1h) between 2030-01-01T00:00:00Z and "
                + "2030-02-01T00:00:00Z in " + lake + " (file " + config + ")", backtest.err().strip());
        assertFalse(Files.exists(out), "no output files");
        assertEquals("kind,status,has_error\nbacktest,failed,true\n",
                sql(lake, "SELECT kind, status, metrics LIKE '%no candles for BTCUSDT%' AS has_error FROM runs "
                        + "WHERE kind = 'backtest'"));
    }

    private static String sql(Path lake, String query) {
        CliRun run = CliRun.of("sql", query, "--csv", "--lake", lake.toString());
        assertEquals(0, run.exitCode(), run.err());
        return run.out();
    }
}
