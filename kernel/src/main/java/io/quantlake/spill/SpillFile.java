package io.quantlake.spill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A scratch file that a long run writes what it has finished with to (a run in time blocks: its equity rows, ledger
 * rows and recorded targets), read back in bounded chunks, so the heap does not grow with the bars. The file lives
 * in {@code java.io.tmpdir} and is unlinked as soon as it is open (where the OS allows: the space comes back when
 * the channel closes or the process ends, even after a crash); the channel closes when the owner of this object
 * becomes unreachable, or at {@link #close}. Writes append; reads are positional and thread-safe.
 */
public final class SpillFile implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Path path;
    private final FileChannel channel;
    private final Cleaner.Cleanable cleanable;
    /** Bytes written so far (the file's length). */
    private long size;

    /** Closes the channel (deleting the file where it could not be unlinked at once); holds no reference to the owner. */
    private record Closer(FileChannel channel) implements Runnable {
        @Override
        public void run() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // a scratch file: nothing to recover
            }
        }
    }

    private SpillFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        this.cleanable = CLEANER.register(this, new Closer(channel));
    }

    /** A new empty scratch file named {@code quantlake-<what>-*.spill} in {@code java.io.tmpdir}. */
    public static SpillFile create(String what) {
        Path p = null;
        try {
            p = Files.createTempFile("quantlake-" + what + "-", ".spill");
            FileChannel c = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            try {
                Files.deleteIfExists(p); // POSIX: the open channel keeps the data, nothing is left behind
            } catch (IOException notOnThisOs) {
                // Windows: deleted when the channel closes (DELETE_ON_CLOSE)
            }
            return new SpillFile(p, c);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch file for " + what + (p == null ? " in "
                    + System.getProperty("java.io.tmpdir") : " at " + p) + ": " + e.getMessage(), e);
        }
    }

    /** Bytes written so far. */
    public synchronized long size() {
        return size;
    }

    /** Appends the remaining bytes of {@code bytes} at the end of the file; returns the position they start at. */
    public synchronized long append(ByteBuffer bytes) {
        long at = size;
        try {
            while (bytes.hasRemaining()) {
                size += channel.write(bytes, size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scratch file " + path + " at byte " + size + ": "
                    + e.getMessage(), e);
        }
        return at;
    }

    /** Fills the remaining bytes of {@code into} from byte {@code position} on, which must have been written. */
    public void read(long position, ByteBuffer into) {
        long end = position + into.remaining();
        if (position < 0 || end > size()) {
            throw new IllegalArgumentException("bytes [" + position + ", " + end + ") outside scratch file " + path
                    + " of " + size() + " bytes");
        }
        try {
            long at = position;
            while (into.hasRemaining()) {
                int n = channel.read(into, at);
                if (n < 0) {
                    throw new IOException("end of file at byte " + at);
                }
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scratch file " + path + " at byte " + position + ": "
                    + e.getMessage(), e);
        }
    }

    /** Closes and deletes the file now; later reads fail. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
