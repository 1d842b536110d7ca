package io.quantlake.replay;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.backtest.LakeBacktest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import io.quantlake.lake.RunStore;
import io.quantlake.sweep.SweepSetReplay;
import java.io.FileNotFoundException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code ledger} rows with the stored ones exactly ({@link RowDiff}). A sweep run is replayed for one parameter set
 * ({@link SweepSetReplay}), compared with its {@code sweep_results} rows.
 *
 * <p>A run that cannot be replayed fails with one line "cannot replay run R: …": an unknown run id, a run that did
 * not succeed, a kind other than {@code backtest} or {@code sweep}, a row without config or data versions (written before they
 * were recorded), or a recorded version whose files have been vacuumed.
 */
public final class Replay {
    private static final String BACKTEST = "backtest";
    private static final String SWEEP = "sweep";

    private final Lake lake;

    public Replay(Lake lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** As {@link #run(String, Optional, Optional)} replaying a sweep's best set. */
    public ReplayResult run(String runId, Optional<Path> out) {
        return run(runId, Optional.empty(), out);
    }

    /**
     * Replays {@code runId}. A backtest is rebuilt whole; with {@code out} its replayed files are written there (as
     * {@code backtest --out}). A sweep is rebuilt for one parameter set: {@code set} (its param_hash) or else the
     * best set of the sweep's summary ({@code runs.metrics}); {@code out} is not used.
     */
    public ReplayResult run(String runId, Optional<String> set, Optional<Path> out) {
        Row run = new RunStore(lake).find(runId).orElseThrow(() -> new IllegalArgumentException(
                "cannot replay run " + runId + ": no such run_id in the runs table of lake " + lake.root()));
        String kind = run.getString(run.fieldIndex("kind"));
        String config = run.isNullAt(run.fieldIndex("config")) ? null : run.getString(run.fieldIndex("config"));
        Map<String, Long> versions = run.isNullAt(run.fieldIndex("data_versions")) ? Map.of()
                : new LinkedHashMap<>(run.<String, Long>getJavaMap(run.fieldIndex("data_versions")));
        String metrics = run.isNullAt(run.fieldIndex("metrics")) ? null : run.getString(run.fieldIndex("metrics"));
        requireReplayable(runId, kind, run.getString(run.fieldIndex("status")), config, versions, metrics);
        for (Map.Entry<String, Long> e : versions.entrySet()) {
            requireReadable(runId, e.getKey(), e.getValue());
        }
        Lake pinned = lake.pinnedAt(versions);
        if (SWEEP.equals(kind)) {
            String hash = set.orElseGet(() -> bestSet(runId, metrics));
            SweepSetReplay r = vacuumedAsOneLine(runId, versions,
                    () -> SweepSetReplay.of(lake, pinned, runId, config, hash));
            if (r.stored().isEmpty()) {
                throw cannot(runId, "sweep_results holds no rows of its parameter set " + hash);
            }
            return new ReplayResult(runId, kind, versions, "set " + hash + ": " + r.stored().size()
                    + " sweep_results rows", RowDiff.first("sweep_results", SweepSetReplay.COLUMNS, r.stored(),
                    r.replayed()));
        }
        BacktestConfig cfg = BacktestConfig.bind(ConfigLoader.parse(config, "runs.config of run " + runId));
        LakeBacktest backtest = new LakeBacktest(pinned);
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

    /** The param_hash of the best set in a sweep's summary ({@code runs.metrics}, {@code best.param_hash}). */
    private static String bestSet(String runId, String metrics) {
        try {
            JsonNode hash = metrics == null ? null : new ObjectMapper().readTree(metrics).path("best").get("param_hash");
            if (hash != null && hash.isTextual()) {
                return hash.asText();
            }
        } catch (JsonProcessingException e) {
            throw cannot(runId, "its runs.metrics is not JSON (" + firstLine(e) + "); give the set with --set", e);
        }
        throw cannot(runId, "its runs.metrics names no best set (best.param_hash); give the set with --set");
    }

    /**
     * Fails with one line "cannot replay run R: …" unless the {@code runs} row's fields describe a run replay can
     * rebuild: status {@code succeeded}, kind {@code backtest} or {@code sweep}, a config text and the Delta versions it read.
     */
    static void requireReplayable(String runId, String kind, String status, String config, Map<String, Long> versions,
                                  String metrics) {
        if (!"succeeded".equals(status)) {
            throw cannot(runId, "its status is " + status + ", only a succeeded run has outputs to compare"
                    + (metrics == null ? "" : " (metrics " + firstLine(metrics) + ")"));
        }
        if (!BACKTEST.equals(kind) && !SWEEP.equals(kind)) {
            throw cannot(runId, "its kind is " + kind + "; replay rebuilds backtest and sweep runs");
        }
        if (config == null || config.isBlank()) {
            throw cannot(runId, "its runs row holds no config text");
        }
        if (versions.isEmpty()) {
            throw cannot(runId, "its runs row records no Delta versions of the tables it read (data_versions is empty;"
                    + " written by a QuantLake that did not record them)");
        }
    }

    /**
     * Fails with one line when version {@code version} of table {@code name} cannot be read any more: its log entry
     * is gone, or (local lakes) one of its data files was deleted by VACUUM.
     */
    private void requireReadable(String runId, String name, long version) {
        Optional<LakeTable> known = Arrays.stream(LakeTable.values()).filter(t -> t.tableName().equals(name)).findFirst();
        if (known.isEmpty()) { // e.g. sweep_results, a sweep's output: read at its latest version
            return;
        }
        LakeTable table = known.get();
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
