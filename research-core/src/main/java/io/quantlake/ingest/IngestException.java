package io.quantlake.ingest;

/**
 * An ingest that cannot go on: a file name or header that is not a known format, a malformed {@code .CHECKSUM},
 * a file mixing epoch units, a REST error after its retries. The message names the file (or URL), the line and
 * the value. Any of these aborts the whole ingest call: no {@link IngestBatch} is returned, so nothing is written.
 * Single bad rows are not exceptions: they become {@link QuarantineRow}s; nor are damaged files (a checksum
 * mismatch, a truncated zip, no data rows, bars spaced unlike the interval), each quarantined as one row.
 */
public class IngestException extends RuntimeException {
    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
