package io.quantlake.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The exclusive lock that keeps two nightly runs from overlapping: {@link FileChannel#tryLock()} on the
 * file {@value #FILE_NAME} in a local directory — the lake root when the lake is a local path (so every
 * nightly config writing to one lake shares it), otherwise (a remote lake such as {@code s3a://…}, where
 * no OS lock exists) the output directory, which must then be shared by the runs to exclude each other.
 * The OS releases the lock when the process dies, so a crashed run never leaves a stale lock; the file
 * itself stays (it holds the holder's pid and start time, for a human).
 */
public final class NightlyLock implements AutoCloseable {
    public static final String FILE_NAME = ".nightly.lock";
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private NightlyLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file for a lake root (a path or URI) and an output directory, as described above. */
    public static Path location(String lakeRoot, Path output) {
        if (lakeRoot.startsWith("file:")) {
            return Path.of(java.net.URI.create(lakeRoot)).resolve(FILE_NAME);
        }
        if (URI_SCHEME.matcher(lakeRoot).matches()) {
            return output.toAbsolutePath().resolve(FILE_NAME);
        }
        return Path.of(lakeRoot).toAbsolutePath().resolve(FILE_NAME);
    }

    /** Takes the lock at {@code file} (its directory created), or empty when another run holds it. */
    public static Optional<NightlyLock> tryAcquire(Path file) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) { // held by this JVM (another thread)
                lock = null;
            }
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            ch.truncate(0);
            ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since "
                    + java.time.Instant.now() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return Optional.of(new NightlyLock(file, ch, lock));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the nightly lock file " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the nightly lock " + file, e);
        }
    }
}
