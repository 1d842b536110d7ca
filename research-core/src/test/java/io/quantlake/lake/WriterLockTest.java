package io.quantlake.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake writer lock without Spark: threads, another process, a killed holder, the timeout's one-line message. */
class WriterLockTest {
    @TempDir
    Path dir;

    private final List<String> notices = new CopyOnWriteArrayList<>();

    private WriterLock lock(String command, Duration timeout) {
        return WriterLock.of(dir.resolve("lake").toString(), timeout, command, notices::add);
    }

    /** Holds {@code lock} in another thread until {@code release} opens; returns once it is held. */
    private static Thread holdInThread(WriterLock lock, CountDownLatch release) throws InterruptedException {
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

    @Test
    void aSecondWriterWaitsForTheFirstAndThenWrites() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread first = holdInThread(lock("quantlake ingest csv --path a", Duration.ZERO), release);
        Thread releaser = new Thread(() -> {
            sleep(400);
            release.countDown();
        });
        releaser.start();
        long t0 = System.nanoTime();
        try (WriterLock.Hold h = lock("quantlake ingest csv --path b", Duration.ofSeconds(20)).acquire()) {
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(waitedMs >= 300, "waited for the first writer: " + waitedMs + " ms");
            assertTrue(LockFile.holder(dir.resolve("lake").resolve(WriterLock.FILE_NAME)).orElseThrow()
                    .endsWith(": quantlake ingest csv --path b"), "the second writer now holds it");
        }
        first.join();
        releaser.join();
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("waiting up to 20s for the writer lock of lake " + dir.resolve("lake"))
                && notices.get(0).contains("quantlake ingest csv --path a"), notices.get(0));
    }

    @Test
    void theTimeoutGivesOneLineNamingTheLakeAndTheHolder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread first = holdInThread(lock("quantlake backtest --config a.yaml", Duration.ZERO), release);
        try {
            long t0 = System.nanoTime();
            LakeLockedException e = assertThrows(LakeLockedException.class,
                    () -> lock("quantlake ingest archive --path x", Duration.ofMillis(300)).acquire());
            assertTrue(System.nanoTime() - t0 >= 250_000_000L, "waited the timeout");
            String m = e.getMessage();
            assertFalse(m.contains("\n"), m);
            assertTrue(m.startsWith("lake " + dir.resolve("lake") + " is locked by another writer (pid "
                    + ProcessHandle.current().pid() + " on host "), m);
            assertTrue(m.contains(": quantlake backtest --config a.yaml); gave up after 300ms (--lock-timeout)"), m);
            assertThrows(LakeLockedException.class, () -> lock("x", Duration.ZERO).acquire(), "0: fail at once");
        } finally {
            release.countDown();
            first.join();
        }
        lock("x", Duration.ZERO).acquire().close();
    }

    @Test
    void reentrantForTheHoldingThread() throws Exception {
        WriterLock l = lock("nested", Duration.ZERO);
        try (WriterLock.Hold outer = l.acquire()) {
            try (WriterLock.Hold inner = l.acquire()) {
                assertTrue(otherThreadFails(l), "held while nested");
            }
            assertTrue(otherThreadFails(l), "still held by the outer hold");
        }
        assertFalse(otherThreadFails(l), "released with the outer hold");
    }

    private static boolean otherThreadFails(WriterLock l) throws InterruptedException {
        boolean[] failed = new boolean[1];
        Thread t = new Thread(() -> {
            try (WriterLock.Hold h = l.acquire()) {
                failed[0] = false;
            } catch (LakeLockedException e) {
                failed[0] = true;
            }
        });
        t.start();
        t.join();
        return failed[0];
    }

    /** Another process holds the lock: we are excluded; killed with -9, its lock is gone though the file stays. */
    @Test
    void aKilledHolderProcessDoesNotBlock() throws Exception {
        Path file = dir.resolve("lake").resolve(WriterLock.FILE_NAME);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldForever.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("held", r.readLine());
            LakeLockedException e = assertThrows(LakeLockedException.class,
                    () -> lock("parent", Duration.ofMillis(200)).acquire());
            assertTrue(e.getMessage().contains("(pid " + child.pid() + " on host ")
                    && e.getMessage().contains(": child ingest)"), e.getMessage());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        assertTrue(Files.readString(file).contains("pid " + child.pid()), "the dead holder's line stays in the file");
        try (WriterLock.Hold h = lock("parent", Duration.ZERO).acquire()) {
            assertTrue(Files.readString(file).startsWith("pid " + ProcessHandle.current().pid()), Files.readString(file));
        }
    }

    /** The child process of {@link #aKilledHolderProcessDoesNotBlock}: takes the lock file, says so, and waits to be killed. */
    public static final class HoldForever {
        public static void main(String[] args) throws Exception {
            LockFile.tryAcquire(Path.of(args[0]), "child ingest").orElseThrow();
            System.out.println("held");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    @Test
    void locationsAndTimeouts() {
        assertEquals(Path.of("/data/lake/.writer.lock"), WriterLock.location("/data/lake"));
        assertEquals(Path.of("/data/lake/.writer.lock"), WriterLock.location("file:/data/lake"));
        Path remote = WriterLock.location("s3a://bucket/lake");
        assertEquals(Path.of(System.getProperty("user.home"), ".quantlake", "locks"), remote.getParent());
        assertEquals("s3a_bucket_lake.writer.lock", remote.getFileName().toString());
        assertEquals(Duration.ofMinutes(10), WriterLock.parseTimeout("--lock-timeout", "10m"));
        assertEquals(Duration.ofSeconds(90), WriterLock.parseTimeout("--lock-timeout", "90"));
        assertEquals(Duration.ofMillis(250), WriterLock.parseTimeout("--lock-timeout", "250ms"));
        assertEquals(Duration.ZERO, WriterLock.parseTimeout("--lock-timeout", "0"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> WriterLock.parseTimeout("--lock-timeout", "ten minutes"));
        assertTrue(bad.getMessage().contains("--lock-timeout") && bad.getMessage().contains("'ten minutes'"), bad.getMessage());
        assertEquals("10m", WriterLock.text(Duration.ofMinutes(10)));
        assertEquals("2h", WriterLock.text(Duration.ofHours(2)));
        assertEquals("0s", WriterLock.text(Duration.ZERO));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
