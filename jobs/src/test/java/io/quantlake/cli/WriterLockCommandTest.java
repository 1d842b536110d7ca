package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.lake.WriterLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The writer lock on the command line: an ingest into a lake another writer holds waits and then lands, or at
 * {@code --lock-timeout} exits 1 with one line naming the lake and the holder; a bad timeout is a usage error.
 */
class WriterLockCommandTest {
    @Test
    void anIngestWaitsForTheLakesWriterOrGivesUpWithOneLine() throws Exception {
        TestSpark.spark();
        Path dir = TestSpark.newTempDir("writer-lock");
        Path lake = dir.resolve("lake");
        Path csv = dir.resolve("BTCUSDT.csv");
        Files.writeString(csv, "open_time,open,high,low,close,volume\n"
                + "2024-01-01,100,110,90,105,10\n2024-01-02,105,112,101,108,12\n");
        WriterLock other = WriterLock.of(lake.toString(), Duration.ZERO, "quantlake backtest --config other.yaml", m -> { });

        CountDownLatch release = new CountDownLatch(1);
        Thread holder = hold(other, release);
        CliRun timedOut = CliRun.of("ingest", "csv", "--path", csv.toString(), "--interval", "1d",
                "--lake", lake.toString(), "--lock-timeout", "1s");
        assertEquals(1, timedOut.exitCode(), timedOut.err());
        String[] lines = timedOut.err().strip().split("\n");
        assertEquals(2, lines.length, "the waiting notice and the error: " + timedOut.err());
        assertTrue(lines[1].startsWith("quantlake ingest csv: lake " + lake + " is locked by another writer (pid ")
                && lines[1].contains(": quantlake backtest --config other.yaml); gave up after 1s (--lock-timeout)"), lines[1]);

        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();
        long t0 = System.nanoTime();
        CliRun waited = CliRun.of("ingest", "csv", "--path", csv.toString(), "--interval", "1d", "--lake", lake.toString());
        assertEquals(0, waited.exitCode(), waited.err());
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(1000), "waited for the holder");
        assertTrue(waited.err().startsWith("waiting up to 10m for the writer lock of lake " + lake + ", held by pid "),
                waited.err());
        holder.join();
        releaser.join();
        assertEquals(2L, TestSpark.spark().read().format("delta").load(lake.resolve("candles").toString()).count(),
                "the waiting ingest's rows landed");
        assertTrue(Files.readString(lake.resolve(WriterLock.FILE_NAME)).endsWith("--lake " + lake + "\n"),
                "the lock file names the last holder's command line");
    }

    @Test
    void aBadLockTimeoutIsAUsageError() {
        CliRun run = CliRun.of("ingest", "csv", "--path", "x.csv", "--interval", "1d", "--lock-timeout", "soon");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--lock-timeout must be a whole number with unit ms, s, m or h"), run.err());
    }

    private static Thread hold(WriterLock lock, CountDownLatch release) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (WriterLock.Hold h = lock.acquire()) {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertTrue(held.await(10, TimeUnit.SECONDS));
        return t;
    }
}
