package io.quantlake.nightly;

import io.quantlake.lake.LockFile;
import io.quantlake.lake.WriterLock;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The exclusive lock that keeps two nightly runs from overlapping: a {@link LockFile} (OS file lock, released
 * when the process dies, so a crashed run never leaves a stale lock) on {@value #FILE_NAME} in a local
 * directory — the lake root when the lake is a local path (so every nightly config writing to one lake shares
 * it), otherwise (a remote lake such as {@code s3a://…}, where no OS lock exists) the output directory, which
 * must then be shared by the runs to exclude each other. It is taken without waiting (a second run exits);
 * the run's commits additionally hold the lake's {@link WriterLock}, which waits for other writers.
 */
public final class NightlyLock implements AutoCloseable {
    public static final String FILE_NAME = ".nightly.lock";
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private final LockFile lock;

    private NightlyLock(LockFile lock) {
        this.lock = lock;
    }

    /** The lock file for a lake root (a path or URI) and an output directory, as described above. */
    public static Path location(String lakeRoot, Path output) {
        if (URI_SCHEME.matcher(lakeRoot).matches() && !lakeRoot.startsWith("file:")) {
            return output.toAbsolutePath().resolve(FILE_NAME);
        }
        return WriterLock.location(lakeRoot).resolveSibling(FILE_NAME);
    }

    /** Takes the lock at {@code file} (its directory created), or empty when another run holds it. */
    public static Optional<NightlyLock> tryAcquire(Path file) {
        return tryAcquire(file, "nightly");
    }

    /** As {@link #tryAcquire(Path)}, naming {@code command} as the holder in the lock file. */
    public static Optional<NightlyLock> tryAcquire(Path file, String command) {
        return LockFile.tryAcquire(file, command).map(NightlyLock::new);
    }

    /** The holder line of the lock at {@code file} (pid, host, start, command), if it names one. */
    public static Optional<String> holder(Path file) {
        return LockFile.holder(file);
    }

    public Path file() {
        return lock.file();
    }

    @Override
    public void close() {
        lock.close();
    }
}
