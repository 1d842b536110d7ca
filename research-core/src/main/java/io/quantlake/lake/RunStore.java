package io.quantlake.lake;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_millis;

/**
 * Writes runs and their results to the lake: {@code runs} (MERGE on run_id, so a run recorded as
 * {@code running} can later be updated to {@code succeeded}), and a backtest's {@code equity} and
 * {@code ledger} rows (each write replaces that run's rows in one Delta commit, so writing twice
 * leaves one copy). Each write holds the lake's {@link WriterLock}. The rows come as a list, or for a run too long
 * to hold them (a run in time blocks) as CSV text streamed to a staging file next to the table
 * ({@code <table>/_staging/<run id>.csv}, on the lake's file system, so executors read it on a cluster too) that
 * Spark reads with an explicit schema and writes in the same one commit; doubles go through
 * {@link Double#toString(double)} and back exactly.
 */
public final class RunStore {
    private final Lake lake;

    public RunStore(Lake lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** Inserts or updates the {@code runs} row of {@code run.runId()} (one commit). */
    public void record(RunRecord run) {
        Row row = RowFactory.create(run.runId(), run.kind(), run.config(),
                scala.jdk.javaapi.CollectionConverters.asScala(run.dataVersions()), run.metrics(), run.status(),
                ts(run.started()), ts(run.finished()));
        DeltaMerge.upsert(lake, LakeTable.RUNS, List.of(row));
    }

    /** The {@code runs} row of {@code runId}, if any. */
    public Optional<Row> find(String runId) {
        List<Row> rows = lake.read(LakeTable.RUNS).filter(col("run_id").equalTo(runId)).collectAsList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Replaces the {@code equity} rows of {@code runId} with {@code rows} (one commit). */
    public void writeEquity(String runId, List<EquityRow> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        for (EquityRow e : rows) {
            out.add(RowFactory.create(runId, BatchRows.ts(e.time()), e.equity(), e.cash(), e.gross(), e.net(),
                    e.leverage()));
        }
        replaceRun(LakeTable.EQUITY, runId, out);
    }

    /** Replaces the {@code ledger} rows of {@code runId} with {@code rows}, numbered in order by {@code seq} (one commit). */
    public void writeLedger(String runId, List<LedgerRow> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        int seq = 0;
        for (LedgerRow l : rows) {
            out.add(RowFactory.create(runId, seq++, BatchRows.ts(l.time()), l.symbol(), l.side(), l.type(), l.reason(),
                    l.qty(), l.price(), l.fee(), l.cashFlow(), l.realizedPnl(), l.positionAfter()));
        }
        replaceRun(LakeTable.LEDGER, runId, out);
    }

    /** Writes CSV rows without a header line (the staged writes below). */
    @FunctionalInterface
    public interface CsvRows {
        void write(Writer w) throws IOException;
    }

    /**
     * {@link #writeEquity(String, List)} of the rows {@code rows} writes, one line per bar:
     * {@code time_ms,equity,cash,gross,net,leverage} (time: the bar's open, UTC epoch ms).
     */
    public void writeEquity(String runId, CsvRows rows) {
        replaceRunStaged(LakeTable.EQUITY, runId, "time_ms LONG, equity DOUBLE, cash DOUBLE, gross DOUBLE, net DOUBLE, "
                + "leverage DOUBLE", rows, new Column[] {col("equity"), col("cash"), col("gross"), col("net"),
                        col("leverage")});
    }

    /**
     * {@link #writeLedger(String, List)} of the rows {@code rows} writes, one line per ledger row in order:
     * {@code seq,time_ms,symbol,side,type,reason,qty,price,fee,cash_flow,realized_pnl,position_after}.
     */
    public void writeLedger(String runId, CsvRows rows) {
        replaceRunStaged(LakeTable.LEDGER, runId, "seq INT, time_ms LONG, symbol STRING, side STRING, type STRING, "
                + "reason STRING, qty DOUBLE, price DOUBLE, fee DOUBLE, cash_flow DOUBLE, realized_pnl DOUBLE, "
                + "position_after DOUBLE", rows, new Column[] {col("symbol"), col("side"), col("type"), col("reason"),
                        col("qty"), col("price"), col("fee"), col("cash_flow"), col("realized_pnl"),
                        col("position_after")});
    }

    /**
     * Replaces the rows of {@code runId} in {@code table} with the CSV lines {@code rows} writes (columns
     * {@code csvSchema}: {@code seq} for the ledger, {@code time_ms}, then {@code rest}), staged in a file on the
     * lake's file system and deleted after the one commit.
     */
    private void replaceRunStaged(LakeTable table, String runId, String csvSchema, CsvRows rows, Column[] rest) {
        RunRecord.requireValidRunId(runId); // it is quoted into the replaceWhere predicate below
        try (WriterLock.Hold h = lake.writerLock().acquire()) {
            lake.table(table);
            org.apache.hadoop.fs.Path staged = new org.apache.hadoop.fs.Path(lake.path(table) + "/_staging/" + runId
                    + ".csv");
            FileSystem fs;
            try {
                fs = staged.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
                try (Writer w = new BufferedWriter(new OutputStreamWriter(fs.create(staged, true),
                        StandardCharsets.UTF_8), 1 << 16)) {
                    rows.write(w);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stage the " + table.tableName() + " rows of run " + runId
                        + " at " + staged + ": " + e.getMessage(), e);
            }
            try {
                Dataset<Row> csv = lake.spark().read().schema(csvSchema).option("mode", "FAILFAST")
                        .option("positiveInf", "Infinity").option("negativeInf", "-Infinity").csv(staged.toString());
                List<Column> columns = new ArrayList<>(List.of(lit(runId).as("run_id")));
                if (table == LakeTable.LEDGER) {
                    columns.add(col("seq"));
                }
                columns.add(timestamp_millis(col("time_ms")).as("time"));
                columns.addAll(List.of(rest));
                csv.select(columns.toArray(new Column[0])).write().format("delta").mode("overwrite")
                        .option("replaceWhere", "run_id = '" + runId + "'")
                        .save(lake.path(table));
            } finally {
                try {
                    fs.delete(staged, false);
                } catch (IOException e) {
                    // the rows are committed or the write failed with its own error; a stale staging file is harmless
                }
            }
        }
    }

    private void replaceRun(LakeTable table, String runId, List<Row> rows) {
        RunRecord.requireValidRunId(runId); // it is quoted into the replaceWhere predicate below
        try (WriterLock.Hold h = lake.writerLock().acquire()) {
            lake.table(table);
            Dataset<Row> df = lake.spark().createDataFrame(rows, table.schema());
            df.write().format("delta").mode("overwrite")
                    .option("replaceWhere", "run_id = '" + runId + "'")
                    .save(lake.path(table));
        }
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
