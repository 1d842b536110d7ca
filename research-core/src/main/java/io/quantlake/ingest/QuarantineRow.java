package io.quantlake.ingest;

/**
 * A rejected input row, kept with its reason (table {@code quarantine}, key: ingestRun, source, line).
 *
 * @param source file path, zip entry ({@code a.zip!/a.csv}) or REST URL the row came from
 * @param line   1-based line number in the source (REST: index of the row in the response page); 0 when the
 *               whole file is rejected ({@link QuarantineReason#isFileReason()})
 * @param raw    the row as read (empty for a whole file)
 * @param reason machine-readable reason code, see {@link QuarantineReason}
 * @param detail human-readable detail naming the field and value
 */
public record QuarantineRow(String source, long line, String raw, QuarantineReason reason, String detail) {
}
