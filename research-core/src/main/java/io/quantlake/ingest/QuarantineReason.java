package io.quantlake.ingest;

/**
 * Why a row, or a whole file, was rejected at ingestion; the code is stored in {@code quarantine.reason}. The
 * file reasons ({@link #isFileReason()}) quarantine every row of one input file as a single row with line 0.
 */
public enum QuarantineReason {
    UNPARSABLE_FIELD("unparsable_field"),
    WRONG_COLUMN_COUNT("wrong_column_count"),
    NON_POSITIVE_PRICE("non_positive_price"),
    HIGH_BELOW_OPEN_CLOSE("high_below_open_close"),
    LOW_ABOVE_OPEN_CLOSE("low_above_open_close"),
    NEGATIVE_VOLUME("negative_volume"),
    MISALIGNED_OPEN_TIME("misaligned_open_time"),
    CONFLICTING_DUPLICATE("conflicting_duplicate"),
    /** The file's SHA-256 differs from its {@code .CHECKSUM}. */
    CHECKSUM_MISMATCH("checksum_mismatch", true),
    /** The file cannot be read to its end (a truncated or corrupt zip, an entry that is not a CSV, an I/O error). */
    UNREADABLE_FILE("unreadable_file", true),
    /** The file holds no data row (empty, or a header only). */
    EMPTY_FILE("empty_file", true),
    /** The file's bars are spaced unlike the interval it is ingested as (e.g. 4h candles as {@code 1d}). */
    INTERVAL_MISMATCH("interval_mismatch", true);

    private final String code;
    private final boolean fileReason;

    QuarantineReason(String code) {
        this(code, false);
    }

    QuarantineReason(String code, boolean fileReason) {
        this.code = code;
        this.fileReason = fileReason;
    }

    public String code() {
        return code;
    }

    /** Whether this reason rejects a whole file rather than one row. */
    public boolean isFileReason() {
        return fileReason;
    }
}
