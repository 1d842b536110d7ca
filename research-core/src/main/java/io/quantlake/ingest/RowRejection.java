package io.quantlake.ingest;

/** Why one row cannot be read; caught per row and turned into a {@link QuarantineRow}. Carries no stack trace. */
final class RowRejection extends Exception {
    private final transient Violation violation;

    RowRejection(QuarantineReason reason, String detail) {
        super(detail, null, false, false);
        this.violation = new Violation(reason, detail);
    }

    Violation violation() {
        return violation;
    }
}
