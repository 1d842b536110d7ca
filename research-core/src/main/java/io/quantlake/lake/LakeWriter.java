package io.quantlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.unix_millis;

import io.quantlake.ingest.IngestBatch;
import io.quantlake.ingest.IngestFrames;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes what an ingest read ({@link IngestFrames}, or an in-memory {@link IngestBatch} made into frames) into the
 * lake; the rows stay in Spark, the driver collects counts.
 *
 * <ul>
 *   <li>{@code candles}, {@code funding_rates}, {@code symbols}: one MERGE (one Delta commit) per
 *       table on its key; a matched row is updated only when a value differs, so writing the same
 *       batch twice leaves exactly the same rows (the second time: 0 inserted, 0 updated). When the
 *       read knows its row count and the partitions its rows fall in ({@link IngestFrames.Known}) and
 *       the table holds no row there, the rows are appended instead (one commit, all inserted).</li>
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
     * Ingests an in-memory {@code batch} (a REST download, a test fixture) as run {@code runId}: made into the
     * frames a Spark read gives and written by {@link #ingest(IngestFrames, String, String)}.
     *
     * @throws IllegalArgumentException when two candles or two funding records share a key
     */
    public IngestReport ingest(IngestBatch batch, String runId, String config) {
        Objects.requireNonNull(batch, "batch");
        RunRecord.requireValidRunId(runId);
        return ingest(BatchRows.frames(lake.spark(), batch, runId), runId, config);
    }

    /**
     * Ingests {@code frames} as run {@code runId}, holding the lake's {@link WriterLock} from the first commit
     * to the {@code runs} row; releases the frames' cache afterwards. The driver collects only counts.
     *
     * @param config the command's configuration as text (e.g. JSON of the CLI options), stored in
     *               {@code runs.config}; may be null
     */
    public IngestReport ingest(IngestFrames frames, String runId, String config) {
        Objects.requireNonNull(frames, "frames");
        RunRecord.requireValidRunId(runId);
        try (WriterLock.Hold h = lake.writerLock().acquire()) { // one ingest's commits in a row
            return write(frames, runId, config);
        } finally {
            frames.release();
        }
    }

    private IngestReport write(IngestFrames frames, String runId, String config) {
        Instant started = Instant.now();
        for (LakeTable t : INGEST_TABLES) {
            lake.table(t);
        }
        IngestFrames.Known known = frames.known();
        Map<String, MergeCounts> counts = new LinkedHashMap<>();
        Dataset<Row> candles = frames.candles().withColumn("open_time", timestamp_millis(col("open_time")))
                .withColumn("ingest_run", lit(runId));
        counts.put(LakeTable.CANDLES.tableName(), known != null && known.candles() >= 0
                ? DeltaMerge.insertOrMerge(lake, LakeTable.CANDLES, candles, known.candles(),
                        partitionsOf(known.candleSpans(), true))
                : upsert(LakeTable.CANDLES, candles));
        Dataset<Row> funding = frames.funding().withColumn("funding_time", timestamp_millis(col("funding_time")));
        counts.put(LakeTable.FUNDING_RATES.tableName(), known != null && known.funding() >= 0
                ? DeltaMerge.insertOrMerge(lake, LakeTable.FUNDING_RATES, funding, known.funding(),
                        partitionsOf(known.fundingSpans(), false))
                : upsert(LakeTable.FUNDING_RATES, funding));
        counts.put(LakeTable.SYMBOLS.tableName(),
                DeltaMerge.upsert(lake, LakeTable.SYMBOLS, BatchRows.symbols(frames.symbols())));
        Map<String, Long> byReason = new TreeMap<>();
        if (known != null && known.quarantineByReason() != null) {
            byReason.putAll(known.quarantineByReason());
        } else {
            for (Row r : frames.quarantine().groupBy("reason").count().collectAsList()) {
                byReason.put(r.getString(0), r.getLong(1));
            }
        }
        if (!byReason.isEmpty()) {
            frames.quarantine().select(lit(runId).as("ingest_run"), col("source"), col("line"), col("raw"), col("reason"))
                    .write().format("delta").mode("append").save(lake.path(LakeTable.QUARANTINE));
        }
        IngestReport report = new IngestReport(runId, frames.files(), frames.rowsRead(), counts, byReason,
                gaps(known != null ? series(known.candleSpans()) : series(frames.candles())));
        new RunStore(lake).record(new RunRecord(runId, "ingest", config, lake.versions(INGEST_TABLES),
                report.metricsJson(), "succeeded", started, Instant.now()));
        return report;
    }

    /** One MERGE of {@code rows} into {@code table}, none when there is no row. */
    private MergeCounts upsert(LakeTable table, Dataset<Row> rows) {
        return rows.isEmpty() ? MergeCounts.NONE : DeltaMerge.upsert(lake, table, rows);
    }

    /** The series {@code market|interval|symbol} of {@code candles} (a Spark job over them). */
    private static TreeSet<String> series(Dataset<Row> candles) {
        TreeSet<String> keys = new TreeSet<>();
        for (Row r : candles.select(concat_ws("|", col("market"), col("interval"), col("symbol"))).distinct()
                .collectAsList()) {
            keys.add(r.getString(0));
        }
        return keys;
    }

    /** The series {@code market|interval|symbol} of {@code spans}. */
    private static TreeSet<String> series(List<IngestFrames.Span> spans) {
        TreeSet<String> keys = new TreeSet<>();
        spans.forEach(s -> keys.add(s.market() + "|" + s.interval() + "|" + s.symbol()));
        return keys;
    }

    /**
     * The partitions {@code spans} fall in: a filter over the partition columns ({@code market}, {@code interval}
     * when {@code candles}, {@link LakeTable#MONTH}); false for no span.
     */
    static Column partitionsOf(List<IngestFrames.Span> spans, boolean candles) {
        TreeSet<String> parts = new TreeSet<>();
        for (IngestFrames.Span s : spans) {
            YearMonth last = YearMonth.parse(LakeLayout.month(s.maxMs()));
            for (YearMonth m = YearMonth.parse(LakeLayout.month(s.minMs())); !m.isAfter(last); m = m.plusMonths(1)) {
                parts.add(s.market() + "|" + (candles ? s.interval() + "|" : "") + m);
            }
        }
        Column key = candles ? concat_ws("|", col("market"), col("interval"), col(LakeTable.MONTH))
                : concat_ws("|", col("market"), col(LakeTable.MONTH));
        return parts.isEmpty() ? lit(false) : key.isin(parts.toArray());
    }

    /** Missing bars of the series {@code keys} ({@code market|interval|symbol}), read from the lake after the write. */
    private List<SymbolGaps> gaps(TreeSet<String> keys) {
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
