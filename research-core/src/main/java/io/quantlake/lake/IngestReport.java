package io.quantlake.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one ingest did (stored as the {@code metrics} of its {@code runs} row, kind {@code ingest}).
 *
 * @param runId               the ingest run id (also {@code candles.ingest_run}, {@code quarantine.ingest_run})
 * @param files               input files (or REST pages) read
 * @param rowsRead            data rows read, header lines excluded
 * @param tables              table name → MERGE counts, for {@code candles}, {@code funding_rates}, {@code symbols}
 * @param quarantinedByReason reason code → rows quarantined, sorted by code
 * @param gaps                for every (market, interval, symbol) of the batch's candles, the bars
 *                            missing inside its range in the lake after the write
 */
public record IngestReport(String runId, int files, long rowsRead, Map<String, MergeCounts> tables,
                           Map<String, Long> quarantinedByReason, List<SymbolGaps> gaps) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public IngestReport {
        Objects.requireNonNull(runId, "runId");
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        quarantinedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(quarantinedByReason));
        gaps = List.copyOf(gaps);
    }

    /** Rows inserted in all tables. */
    public long inserted() {
        return total().inserted();
    }

    /** Rows updated (key present, values changed) in all tables. */
    public long updated() {
        return total().updated();
    }

    /** Rows already present with equal values, in all tables. */
    public long unchanged() {
        return total().unchanged();
    }

    /** Rows quarantined, all reasons. */
    public long quarantined() {
        long n = 0;
        for (long v : quarantinedByReason.values()) {
            n += v;
        }
        return n;
    }

    /** Counts of one table ({@link MergeCounts#NONE} when the batch had no rows for it). */
    public MergeCounts table(LakeTable table) {
        return tables.getOrDefault(table.tableName(), MergeCounts.NONE);
    }

    private MergeCounts total() {
        MergeCounts sum = MergeCounts.NONE;
        for (MergeCounts c : tables.values()) {
            sum = sum.plus(c);
        }
        return sum;
    }

    /** A plain-text table for the terminal. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("ingest ").append(runId).append(": ").append(files).append(" files, ")
                .append(rowsRead).append(" rows read\n");
        sb.append(String.format("%-16s %10s %10s %10s%n", "table", "inserted", "updated", "unchanged"));
        for (Map.Entry<String, MergeCounts> e : tables.entrySet()) {
            MergeCounts c = e.getValue();
            sb.append(String.format("%-16s %10d %10d %10d%n", e.getKey(), c.inserted(), c.updated(), c.unchanged()));
        }
        sb.append("quarantined: ").append(quarantined());
        if (!quarantinedByReason.isEmpty()) {
            List<String> parts = new ArrayList<>();
            quarantinedByReason.forEach((reason, n) -> parts.add(reason + " " + n));
            sb.append(" (").append(String.join(", ", parts)).append(')');
        }
        sb.append('\n');
        long withGaps = gaps.stream().filter(g -> g.missing() > 0).count();
        sb.append("gaps: ").append(gaps.size()).append(" symbol series checked, ").append(withGaps)
                .append(" with").append(" bars missing inside their range\n");
        if (withGaps > 0) {
            sb.append(String.format("%-6s %-8s %-14s %-20s %-20s %8s %8s%n",
                    "market", "interval", "symbol", "first", "last", "bars", "missing"));
            for (SymbolGaps g : gaps) {
                if (g.missing() > 0) {
                    sb.append(String.format("%-6s %-8s %-14s %-20s %-20s %8d %8d%n", g.market(), g.interval(),
                            g.symbol(), Instant.ofEpochMilli(g.first()), Instant.ofEpochMilli(g.last()), g.bars(),
                            g.missing()));
                }
            }
        }
        return sb.toString();
    }

    /** The report as a JSON object (the {@code runs.metrics} text); times ISO-8601 UTC. */
    public String metricsJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", files);
        m.put("rows_read", rowsRead);
        m.put("inserted", inserted());
        m.put("updated", updated());
        m.put("unchanged", unchanged());
        m.put("quarantined", quarantined());
        Map<String, Object> perTable = new LinkedHashMap<>();
        tables.forEach((name, c) -> perTable.put(name,
                Map.of("inserted", c.inserted(), "updated", c.updated(), "unchanged", c.unchanged())));
        m.put("tables", perTable);
        m.put("quarantined_by_reason", quarantinedByReason);
        List<Map<String, Object>> g = new ArrayList<>();
        for (SymbolGaps s : gaps) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("market", s.market().code());
            row.put("interval", s.interval().code());
            row.put("symbol", s.symbol());
            row.put("first", Instant.ofEpochMilli(s.first()).toString());
            row.put("last", Instant.ofEpochMilli(s.last()).toString());
            row.put("bars", s.bars());
            row.put("missing", s.missing());
            g.add(row);
        }
        m.put("gaps", g);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ingest report " + runId + " as JSON", e);
        }
    }
}
