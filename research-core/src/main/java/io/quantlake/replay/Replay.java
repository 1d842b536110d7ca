package io.quantlake.replay;

import static org.apache.spark.sql.functions.col;

import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.backtest.LakeBacktest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.lake.EquityRow;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import io.quantlake.lake.LedgerRow;
import io.quantlake.lake.RunStore;
import java.io.FileNotFoundException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;

/**
 * Replays a stored run exactly (issue 14, item 5): reads its {@code runs} row, binds the config text it stored, reads
 * the lake through {@link Lake#pinnedAt} at the Delta versions it recorded ({@code runs.data_versions}, time travel),
 * runs it again through the same code ({@link LakeBacktest#run}) and compares the new {@code equity} and
 * {@code ledger} rows with the stored ones exactly ({@link RowDiff}).
 *
 * <p>A run that cannot be replayed fails with one line "cannot replay run R: …": an unknown run id, a run that did
 * not succeed, a kind other than {@code backtest}, a row without config or data versions (written before they
 * were recorded), or a recorded version whose files have been vacuumed.
 */
public final class Replay {
    private final Lake lake;

    public Replay(Lake lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /**
     * Replays {@code runId}; with {@code out} also writes the replayed run's files there (as {@code backtest --out}).
     */
    public ReplayResult run(String runId, Optional<Path> out) {
        Row run = new RunStore(lake).find(runId).orElseThrow(() -> new IllegalArgumentException(
                "cannot replay run " + runId + ": no such run_id in the runs table of lake " + lake.root()));
        String kind = run.getString(run.fieldIndex("kind"));
        String status = run.getString(run.fieldIndex("status"));
        if (!"succeeded".equals(status)) {
            throw cannot(runId, "its status is " + status + ", only a succeeded run has outputs to compare"
                    + errorOf(run));
        }
        if (!"backtest".equals(kind)) {
            throw cannot(runId, "it is a " + kind + " run; replay rebuilds backtest runs");
        }
        String config = run.isNullAt(run.fieldIndex("config")) ? null : run.getString(run.fieldIndex("config"));
        Map<String, Long> versions = run.isNullAt(run.fieldIndex("data_versions")) ? Map.of()
                : new LinkedHashMap<>(run.<String, Long>getJavaMap(run.fieldIndex("data_versions")));
        if (config == null || config.isBlank()) {
            throw cannot(runId, "its runs row holds no config text");
        }
        if (versions.isEmpty()) {
            throw cannot(runId, "its runs row records no Delta versions of the tables it read (data_versions is empty;"
                    + " written by a QuantLake that did not record them)");
        }
        for (Map.Entry<String, Long> e : versions.entrySet()) {
            requireReadable(runId, e.getKey(), e.getValue());
        }
        BacktestConfig cfg = BacktestConfig.bind(ConfigLoader.parse(config, "runs.config of run " + runId));
        LakeBacktest backtest = new LakeBacktest(lake.pinnedAt(versions));
        BacktestOutcome outcome = vacuumedAsOneLine(runId, versions, () -> backtest.run(cfg));
        List<List<Object>> equity = rows(LakeBacktest.equityRows(outcome.result()), RowDiff::values);
        List<List<Object>> ledger = rows(LakeBacktest.ledgerRows(outcome.result()), RowDiff::values);
        List<List<Object>> storedEquity = stored(LakeTable.EQUITY, runId, "time", RowDiff.EQUITY_COLUMNS);
        List<List<Object>> storedLedger = stored(LakeTable.LEDGER, runId, "seq", RowDiff.LEDGER_COLUMNS);
        Optional<Difference> diff = RowDiff.first("equity", RowDiff.EQUITY_COLUMNS, storedEquity, equity)
                .or(() -> RowDiff.first("ledger", RowDiff.LEDGER_COLUMNS, storedLedger, ledger));
        out.ifPresent(dir -> backtest.writeFiles(outcome, dir, cfg.strategy().name() + " (replay of " + runId + ")"));
        return new ReplayResult(runId, kind, versions,
                storedEquity.size() + " equity rows, " + storedLedger.size() + " ledger rows", diff);
    }

    /**
     * Fails with one line when version {@code version} of table {@code name} cannot be read any more: its log entry
     * is gone, or (local lakes) one of its data files was deleted by VACUUM.
     */
    private void requireReadable(String runId, String name, long version) {
        LakeTable table;
        try {
            table = LakeTable.byName(name);
        } catch (IllegalArgumentException e) {
            throw cannot(runId, "it read table " + name + ", which replay does not know", e);
        }
        String[] files;
        try {
            files = lake.readAsOf(table, version).inputFiles();
        } catch (RuntimeException e) {
            throw cannot(runId, "version " + version + " of table " + name + " cannot be read any more ("
                    + firstLine(e) + ")", e);
        }
        for (String f : files) {
            URI uri = URI.create(f);
            if ("file".equals(uri.getScheme()) && !Files.exists(Paths.get(uri))) {
                throw cannot(runId, "version " + version + " of table " + name + " has been vacuumed (its data file "
                        + Paths.get(uri).getFileName() + " is gone)");
            }
        }
    }

    /** Runs {@code replay}, turning a data file that has gone meanwhile (non-local lakes) into one line. */
    private static <T> T vacuumedAsOneLine(String runId, Map<String, Long> versions, Supplier<T> replay) {
        try {
            return replay.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String msg = String.valueOf(t.getMessage());
                if (t instanceof FileNotFoundException || msg.contains("FILE_NOT_FOUND") || msg.contains("FileNotFound")) {
                    throw cannot(runId, "a data file of the versions it read " + versions
                            + " is gone (vacuumed?): " + firstLine(t), e);
                }
            }
            throw e;
        }
    }

    private List<List<Object>> stored(LakeTable table, String runId, String order, List<String> columns) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : lake.read(table).filter(col("run_id").equalTo(runId)).orderBy(order).collectAsList()) {
            out.add(RowDiff.values(r, columns));
        }
        return out;
    }

    private static <T> List<List<Object>> rows(List<T> rows, Function<T, List<Object>> values) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (T r : rows) {
            out.add(values.apply(r));
        }
        return out;
    }

    private static String errorOf(Row run) {
        int m = run.fieldIndex("metrics");
        return run.isNullAt(m) ? "" : " (metrics " + firstLine(run.getString(m)) + ")";
    }

    private static String firstLine(Throwable t) {
        return firstLine(String.valueOf(t.getMessage()));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }

    private static IllegalArgumentException cannot(String runId, String why) {
        return new IllegalArgumentException("cannot replay run " + runId + ": " + why);
    }

    private static IllegalArgumentException cannot(String runId, String why, Throwable cause) {
        return new IllegalArgumentException("cannot replay run " + runId + ": " + why, cause);
    }
}
