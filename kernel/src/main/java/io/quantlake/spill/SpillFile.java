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

    private final String what;
    private final State state = new State();
    private final Cleaner.Cleanable cleanable;
    /** Bytes written so far (the file's length). */
    private long size;

    /** The open file, once the first bytes are appended; the cleaning action closes it (no reference to the owner). */
    private static final class State implements Runnable {
        Path path;
        FileChannel channel;
        boolean closed;

        @Override
        public synchronized void run() {
            closed = true;
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // a scratch file: nothing to recover
                }
            }
        }
    }

    private SpillFile(String what) {
        this.what = what;
        this.cleanable = CLEANER.register(this, state);
    }

    /**
     * A new empty scratch file named {@code quantlake-<what>-*.spill} in {@code java.io.tmpdir}, created when the
     * first bytes are appended (a short run that never fills a chunk opens no file).
     */
    public static SpillFile create(String what) {
        return new SpillFile(what);
    }

    /** The channel, the file created and opened on first use. */
    private FileChannel channel() throws IOException {
        synchronized (state) {
            if (state.closed) {
                throw new IOException("closed");
            }
            if (state.channel == null) {
                Path p = Files.createTempFile("quantlake-" + what + "-", ".spill");
                state.path = p;
                state.channel = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
                try {
                    Files.deleteIfExists(p); // POSIX: the open channel keeps the data, nothing is left behind
                } catch (IOException notOnThisOs) {
                    // Windows: deleted when the channel closes (DELETE_ON_CLOSE)
                }
            }
            return state.channel;
        }
    }

    /** Where the file is or will be, for messages. */
    private String where() {
        Path p = state.path;
        return p != null ? p.toString() : "quantlake-" + what + "-*.spill in " + System.getProperty("java.io.tmpdir");
    }

    /** Bytes written so far. */
    public synchronized long size() {
        return size;
    }

    /** Appends the remaining bytes of {@code bytes} at the end of the file; returns the position they start at. */
    public synchronized long append(ByteBuffer bytes) {
        long at = size;
        try {
            FileChannel c = channel();
            while (bytes.hasRemaining()) {
                size += c.write(bytes, size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scratch file " + where() + " at byte " + size + ": "
                    + e.getMessage(), e);
        }
        return at;
    }

    /** Fills the remaining bytes of {@code into} from byte {@code position} on, which must have been written. */
    public void read(long position, ByteBuffer into) {
        long end = position + into.remaining();
        if (position < 0 || end > size()) {
            throw new IllegalArgumentException("bytes [" + position + ", " + end + ") outside scratch file " + where()
                    + " of " + size() + " bytes");
        }
        try {
            FileChannel c = channel();
            long at = position;
            while (into.hasRemaining()) {
                int n = c.read(into, at);
                if (n < 0) {
                    throw new IOException("end of file at byte " + at);
                }
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scratch file " + where() + " at byte " + position + ": "
                    + e.getMessage(), e);
        }
    }

    /** Closes and deletes the file now; later reads and writes fail. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
