package io.quantlake.ingest;

/**
 * Why a whole input file cannot be taken (a checksum mismatch, a zip that cannot be read, no data rows, bars
 * spaced unlike the interval); caught per file and turned into one {@link QuarantineRow} with line 0 while the
 * other files of the ingest go on. Carries no stack trace.
 */
final class FileRejection extends Exception {
    private final transient Violation violation;

    FileRejection(QuarantineReason reason, String detail) {
        super(detail, null, false, false);
        this.violation = new Violation(reason, detail);
    }

    Violation violation() {
        return violation;
    }
}
