package io.quantlake.ingest;

/** Why a row was rejected at ingestion; the code is stored in {@code quarantine.reason}. */
public enum QuarantineReason {
    UNPARSABLE_FIELD("unparsable_field"),
    WRONG_COLUMN_COUNT("wrong_column_count"),
    NON_POSITIVE_PRICE("non_positive_price"),
    HIGH_BELOW_OPEN_CLOSE("high_below_open_close"),
    LOW_ABOVE_OPEN_CLOSE("low_above_open_close"),
    NEGATIVE_VOLUME("negative_volume"),
    MISALIGNED_OPEN_TIME("misaligned_open_time"),
    CONFLICTING_DUPLICATE("conflicting_duplicate");

    private final String code;

    QuarantineReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
