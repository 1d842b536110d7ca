package io.quantlake.lake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One row of the {@code runs} table.
 *
 * @param runId        unique id, letters, digits and {@code . _ : -} only (see {@link #newRunId})
 * @param kind         what ran, e.g. {@code ingest}, {@code backtest}, {@code sweep}
 * @param config       the run's configuration as text (YAML or JSON); may be null
 * @param dataVersions table name → Delta version the run read (or, for an ingest, wrote)
 * @param metrics      metrics as a JSON object text; may be null
 * @param status       e.g. {@code running}, {@code succeeded}, {@code failed}
 * @param started      start time; may be null
 * @param finished     end time; null while running
 */
public record RunRecord(String runId, String kind, String config, Map<String, Long> dataVersions, String metrics,
                        String status, Instant started, Instant finished) {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    public RunRecord {
        requireValidRunId(runId);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        dataVersions = Map.copyOf(Objects.requireNonNull(dataVersions, "dataVersions"));
        if (started != null && finished != null && finished.isBefore(started)) {
            throw new IllegalArgumentException("run " + runId + ": finished " + finished + " is before started " + started);
        }
    }

    /** Checks that {@code runId} is non-null and made of letters, digits and {@code . _ : -}. */
    public static String requireValidRunId(String runId) {
        Objects.requireNonNull(runId, "runId");
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run_id must match " + RUN_ID + ", got '" + runId + "'");
        }
        return runId;
    }

    /** A new unique run id: {@code <kind>-<UTC yyyyMMdd'T'HHmmss.SSS'Z'>-<8 hex>}. */
    public static String newRunId(String kind, Instant now) {
        return kind + "-" + STAMP.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@link #dataVersions} in a stable (sorted) order, for printing. */
    public Map<String, Long> sortedDataVersions() {
        Map<String, Long> out = new LinkedHashMap<>();
        dataVersions.keySet().stream().sorted().forEach(k -> out.put(k, dataVersions.get(k)));
        return out;
    }
}
