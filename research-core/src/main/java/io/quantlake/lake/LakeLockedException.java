package io.quantlake.lake;

/**
 * Thrown when a lake's {@link WriterLock} stays held by another writer beyond the timeout; the one-line
 * message names the lake, the holder (pid, host, start time, command), the timeout and the lock file.
 * The write it guarded did not happen (earlier commits of the same command did).
 */
public final class LakeLockedException extends IllegalStateException {
    public LakeLockedException(String message) {
        super(message);
    }
}
