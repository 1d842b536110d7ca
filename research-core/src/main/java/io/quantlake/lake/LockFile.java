package io.quantlake.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An exclusive, non-reentrant lock on a local file, held through {@link FileChannel#tryLock()}: the OS
 * releases it when the holding process dies (even by {@code kill -9}), so a crashed holder never leaves a
 * stale lock. The file stays; while held it holds one line naming the holder — pid, host, start time and
 * command — which {@link #holder} reads for messages.
 *
 * <p>Within one JVM a lock file is opened by at most one channel at a time: POSIX drops every lock a
 * process holds on a file when any of its descriptors of that file is closed, so a second channel's
 * failed attempt would silently free the first one's lock. Attempts, reads and releases are therefore
 * serialized on one monitor, and an attempt on a file this JVM holds fails without opening it.
 */
public final class LockFile implements AutoCloseable {
    /** Lock files this JVM holds, normalized absolute path → holder line; guarded by itself. */
    private static final Map<Path, String> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock at {@code file} (its directory created) and writes the holder line naming
     * {@code command}, or returns empty when another process or another holder in this JVM has it.
     *
     * @throws UncheckedIOException naming the file when it cannot be created or opened
     */
    public static Optional<LockFile> tryAcquire(Path file, String command) {
        Path key = file.toAbsolutePath().normalize();
        synchronized (HELD) {
            if (HELD.containsKey(key)) {
                return Optional.empty();
            }
            try {
                Files.createDirectories(key.getParent());
                FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    ch.close();
                    return Optional.empty();
                }
                String line = holderLine(command);
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
                ch.force(false);
                HELD.put(key, line);
                return Optional.of(new LockFile(key, ch, lock));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the lock file " + key, e);
            }
        }
    }

    /**
     * The holder line of {@code file}: this JVM's own when it holds the file, otherwise the file's first line
     * (which may name a process that has since died: the line is only informative); empty when there is none.
     */
    public static Optional<String> holder(Path file) {
        Path key = file.toAbsolutePath().normalize();
        synchronized (HELD) {
            String own = HELD.get(key);
            if (own != null) {
                return Optional.of(own);
            }
            try {
                String text = Files.readString(key, StandardCharsets.UTF_8).strip();
                int nl = text.indexOf('\n');
                String line = nl >= 0 ? text.substring(0, nl) : text;
                return line.isEmpty() ? Optional.empty() : Optional.of(line);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                return Optional.empty(); // the holder is only named in messages; an unreadable file names none
            }
        }
    }

    /** {@code pid 4711 on host h since 2025-01-01T00:00:00Z: <command>}, the command on one line. */
    static String holderLine(String command) {
        return "pid " + ProcessHandle.current().pid() + " on host " + Host.NAME + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": " + command.replaceAll("\\s+", " ").strip();
    }

    /** This machine's host name, looked up once (a lookup may wait for DNS). */
    private static final class Host {
        static final String NAME = lookup();

        private static String lookup() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock (the file stays); closing twice is a no-op. */
    @Override
    public void close() {
        synchronized (HELD) {
            if (!channel.isOpen()) {
                return;
            }
            HELD.remove(file);
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the lock file " + file, e);
            }
        }
    }
}
