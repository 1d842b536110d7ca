package io.quantlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.unix_millis;

import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.ingest.QuarantineRow;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * Writes an {@link IngestBatch} into the lake.
 *
 * <ul>
 *   <li>{@code candles}, {@code funding_rates}, {@code symbols}: one MERGE (one Delta commit) per
 *       table on its key; a matched row is updated only when a value differs, so writing the same
 *       batch twice leaves exactly the same rows (the second time: 0 inserted, 0 updated).</li>
 *   <li>{@code quarantine}: rows appended with the run id (one commit).</li>
 *   <li>{@code runs}: one row, kind {@code ingest}, metrics = {@link IngestReport#metricsJson()},
 *       data_versions = the versions of the four tables after the write.</li>
 * </ul>
 *
 * <p>Atomicity is per table: a process killed mid-ingest leaves each table at its last committed
 * version (Delta commits are all-or-nothing); tables committed before the kill keep the new rows,
 * which a re-run of the same ingest then finds unchanged.
 */
public final class LakeWriter {
    /** The tables an ingest writes, created on first use. */
    public static final List<LakeTable> INGEST_TABLES =
            List.of(LakeTable.CANDLES, LakeTable.FUNDING_RATES, LakeTable.SYMBOLS, LakeTable.QUARANTINE);

    private final Lake lake;

    public LakeWriter(Lake lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** Ingests {@code batch} under a new run id, with no config text. */
    public IngestReport ingest(IngestBatch batch) {
        return ingest(batch, RunRecord.newRunId("ingest", Instant.now()), null);
    }

    /**
     * Ingests {@code batch} as run {@code runId}, holding the lake's {@link WriterLock} from the first commit
     * to the {@code runs} row.
     *
     * @param config the command's configuration as text (e.g. JSON of the CLI options), stored in
     *               {@code runs.config}; may be null
     */
    public IngestReport ingest(IngestBatch batch, String runId, String config) {
        Objects.requireNonNull(batch, "batch");
        RunRecord.requireValidRunId(runId);
        try (WriterLock.Hold h = lake.writerLock().acquire()) { // one ingest's commits in a row
            return write(batch, runId, config);
        }
    }

    private IngestReport write(IngestBatch batch, String runId, String config) {
        Instant started = Instant.now();
        for (LakeTable t : INGEST_TABLES) {
            lake.table(t);
        }
        Map<String, MergeCounts> counts = new LinkedHashMap<>();
        counts.put(LakeTable.CANDLES.tableName(),
                DeltaMerge.upsert(lake, LakeTable.CANDLES, BatchRows.candles(batch.candles(), runId)));
        counts.put(LakeTable.FUNDING_RATES.tableName(),
                DeltaMerge.upsert(lake, LakeTable.FUNDING_RATES, BatchRows.funding(batch.funding())));
        counts.put(LakeTable.SYMBOLS.tableName(),
                DeltaMerge.upsert(lake, LakeTable.SYMBOLS, BatchRows.symbols(batch.symbols())));
        List<Row> quarantine = BatchRows.quarantine(batch.quarantine(), runId);
        if (!quarantine.isEmpty()) {
            lake.spark().createDataFrame(quarantine, LakeTable.QUARANTINE.schema())
                    .write().format("delta").mode("append").save(lake.path(LakeTable.QUARANTINE));
        }
        IngestReport report = new IngestReport(runId, batch.files(), batch.rowsRead(), counts,
                quarantinedByReason(batch.quarantine()), gaps(batch.candles()));
        new RunStore(lake).record(new RunRecord(runId, "ingest", config, lake.versions(INGEST_TABLES),
                report.metricsJson(), "succeeded", started, Instant.now()));
        return report;
    }

    static Map<String, Long> quarantinedByReason(List<QuarantineRow> rows) {
        Map<String, Long> out = new TreeMap<>();
        for (QuarantineRow q : rows) {
            out.merge(q.reason().code(), 1L, Long::sum);
        }
        return out;
    }

    /** Missing bars of every (market, interval, symbol) of {@code candles}, read from the lake after the write. */
    private List<SymbolGaps> gaps(List<CandleBar> candles) {
        TreeSet<String> keys = new TreeSet<>();
        for (CandleBar b : candles) {
            keys.add(b.market().code() + "|" + b.interval().code() + "|" + b.symbol());
        }
        List<SymbolGaps> out = new ArrayList<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<Row> rows = lake.read(LakeTable.CANDLES)
                .filter(concat_ws("|", col("market"), col("interval"), col("symbol")).isin(keys.toArray()))
                .groupBy("market", "interval", "symbol")
                .agg(unix_millis(min("open_time")).as("first"), unix_millis(max("open_time")).as("last"),
                        count(lit(1)).as("bars"))
                .orderBy("market", "interval", "symbol")
                .collectAsList();
        for (Row r : rows) {
            out.add(new SymbolGaps(Market.parse(r.getString(0)), Interval.parse(r.getString(1)), r.getString(2),
                    r.getLong(3), r.getLong(4), r.getLong(5)));
        }
        return out;
    }
}
