package io.quantlake.lake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import static org.apache.spark.sql.functions.col;

/**
 * Writes runs and their results to the lake: {@code runs} (MERGE on run_id, so a run recorded as
 * {@code running} can later be updated to {@code succeeded}), and a backtest's {@code equity} and
 * {@code ledger} rows (each write replaces that run's rows in one Delta commit, so writing twice
 * leaves one copy). Each write holds the lake's {@link WriterLock}.
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
