package io.quantlake.lake;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lake writer lock: one writer per lake at a time, so two commands writing one lake never collide at
 * Delta commit time (the loser of such a race would fail after all its work). Every Delta commit QuantLake
 * makes — ingest MERGEs, a backtest's runs/equity/ledger rows, factor research, sweep chunks, the nightly
 * tables, creating an empty table — runs inside {@link #acquire()}; reads take no lock (Delta snapshots).
 *
 * <p>Where: {@value #FILE_NAME} in the lake root for a local lake; for a URI lake ({@code s3a://…}, where
 * no OS lock exists) a file named after the URI in {@code ~/.quantlake/locks}, which serializes the writers
 * of this user on this host only. How: a {@link LockFile} ({@link java.nio.channels.FileChannel#tryLock()},
 * released by the OS when the holder dies, so a killed writer never blocks the next one), polled every
 * {@value #POLL_MILLIS} ms up to the timeout; threads of one JVM queue on a fair in-JVM lock first. The
 * lock is reentrant for the thread holding it, so a command may hold it around several commits.
 * A waiter prints one notice naming the holder; at the timeout it throws {@link LakeLockedException},
 * whose one-line message names the lake, the holder (pid, host, start time, command) and the timeout.
 */
public final class WriterLock {
    public static final String FILE_NAME = ".writer.lock";
    /** How long a writer waits by default: 10 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    static final long POLL_MILLIS = 100;
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");
    /** In-JVM guards by normalized lock file; a thread holds the file only while it holds the guard. */
    private static final Map<Path, ReentrantLock> GUARDS = new ConcurrentHashMap<>();
    /** The lock file of each guard, set by the thread holding the guard. */
    private static final Map<Path, LockFile> FILES = new ConcurrentHashMap<>();

    private final String lake;
    private final Path file;
    private final Duration timeout;
    private final String command;
    private final Consumer<String> notices;

    private WriterLock(String lake, Path file, Duration timeout, String command, Consumer<String> notices) {
        this.lake = lake;
        this.file = file;
        this.timeout = timeout;
        this.command = command;
        this.notices = notices;
    }

    /**
     * The writer lock of the lake at {@code lakeRoot}.
     *
     * @param timeout how long {@link #acquire()} waits for another writer, &gt;= 0 (0: fail at once)
     * @param command the holder's command, written into the lock file for others' messages
     * @param notices receives the one "waiting for …" line of a writer that has to wait
     */
    public static WriterLock of(String lakeRoot, Duration timeout, String command, Consumer<String> notices) {
        Objects.requireNonNull(lakeRoot, "lakeRoot");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(notices, "notices");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("writer lock timeout must be >= 0, got " + timeout + " for lake " + lakeRoot);
        }
        return new WriterLock(lakeRoot, location(lakeRoot).toAbsolutePath().normalize(), timeout, command, notices);
    }

    /** The lock file of the lake at {@code lakeRoot} (a path, a {@code file:} URI or another URI), as described above. */
    public static Path location(String lakeRoot) {
        if (lakeRoot.startsWith("file:")) {
            return Path.of(URI.create(lakeRoot)).resolve(FILE_NAME);
        }
        if (URI_SCHEME.matcher(lakeRoot).matches()) {
            String name = lakeRoot.replaceAll("[^A-Za-z0-9._-]+", "_");
            return Path.of(System.getProperty("user.home"), ".quantlake", "locks", name + FILE_NAME);
        }
        return Path.of(lakeRoot).toAbsolutePath().resolve(FILE_NAME);
    }

    /**
     * A timeout as written on the command line: a whole number with unit {@code ms}, {@code s}, {@code m} or
     * {@code h} (no unit: seconds), e.g. {@code 10m}, {@code 90s}, {@code 0}.
     *
     * @throws IllegalArgumentException naming {@code option} and the value
     */
    public static Duration parseTimeout(String option, String text) {
        Matcher m = TIMEOUT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " must be a whole number with unit ms, s, m or h (e.g. 10m, 90s, 0),"
                    + " got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** {@code d} as {@link #parseTimeout} reads it: {@code 10m}, {@code 90s}, {@code 250ms}. */
    public static String text(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** This lock with another timeout. */
    public WriterLock withTimeout(Duration timeout) {
        return of(lake, timeout, command, notices);
    }

    /** This lock with another holder command. */
    public WriterLock withCommand(String command) {
        return of(lake, timeout, command, notices);
    }

    public Path file() {
        return file;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Takes the lock, waiting up to the timeout; reentrant for the holding thread. Close the returned hold
     * (try-with-resources) in the same thread to release it.
     *
     * @throws LakeLockedException at the timeout, naming the lake and the holder
     */
    public Hold acquire() {
        ReentrantLock guard = GUARDS.computeIfAbsent(file, f -> new ReentrantLock(true));
        if (guard.isHeldByCurrentThread()) {
            guard.lock();
            return new Hold(file, guard);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean announced = false;
        try {
            if (!guard.tryLock()) {
                announce();
                announced = true;
                if (!guard.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw timedOut();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the writer lock of lake " + lake, e);
        }
        try {
            while (true) {
                Optional<LockFile> held = LockFile.tryAcquire(file, command);
                if (held.isPresent()) {
                    FILES.put(file, held.get());
                    return new Hold(file, guard);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw timedOut();
                }
                if (!announced) {
                    announce();
                    announced = true;
                }
                Thread.sleep(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            }
        } catch (InterruptedException e) {
            guard.unlock();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the writer lock of lake " + lake, e);
        } catch (RuntimeException e) {
            guard.unlock();
            throw e;
        }
    }

    /** Runs {@code work} holding the lock and returns its result. */
    public <T> T around(Supplier<T> work) {
        try (Hold h = acquire()) {
            return work.get();
        }
    }

    private void announce() {
        notices.accept("waiting up to " + text(timeout) + " for the writer lock of lake " + lake + ", held by "
                + holder() + " (" + file + ")");
    }

    private String holder() {
        return LockFile.holder(file).orElse("another writer");
    }

    private LakeLockedException timedOut() {
        return new LakeLockedException("lake " + lake + " is locked by another writer (" + holder() + "); gave up after "
                + text(timeout) + " (--lock-timeout); lock file " + file);
    }

    /** A hold of the lock; {@link #close()} releases it (once). */
    public static final class Hold implements AutoCloseable {
        private final Path file;
        private final ReentrantLock guard;
        private boolean open = true;

        private Hold(Path file, ReentrantLock guard) {
            this.file = file;
            this.guard = guard;
        }

        @Override
        public void close() {
            if (!open) {
                return;
            }
            open = false;
            try {
                if (guard.getHoldCount() == 1) {
                    LockFile f = FILES.remove(file);
                    if (f != null) {
                        f.close();
                    }
                }
            } finally {
                guard.unlock();
            }
        }
    }
}
