package io.quantlake.sweep;

import io.delta.tables.DeltaTable;
import io.quantlake.backtest.Backtest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeLockedException;
import io.quantlake.lake.RunRecord;
import io.quantlake.lake.RunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

/**
 * Runs a parameter sweep on Spark (issue 5, item 2):
 *
 * <ol>
 *   <li>expands and checks the parameter sets ({@link SweepConfig#parameterSets()}) and reads the
 *       base config's panel, funding and filters from the lake once, on the driver;</li>
 *   <li>reads the sets of this run id already complete in {@code sweep_results} and skips them
 *       (a rerun of an interrupted sweep resumes; a rerun of a finished one evaluates nothing);</li>
 *   <li>broadcasts the panel ({@link PanelData}) and, chunk by chunk ({@code progress.chunk_sets}
 *       sets), parallelizes the pending sets into partitions; each task simulates its sets against
 *       the one broadcast panel ({@link SweepTask}, {@link SetEvaluator}). A panel over the memory budget
 *       (the backtest's rule and setting) is not read whole: the driver reads it from the lake in chunks of
 *       grid rows, one at a time, and broadcasts each ({@link BroadcastPanelSource}); each set's backtest
 *       then runs in time blocks, fetching the chunks a block needs, with the same results bit for bit (a
 *       set whose strategy does not declare its warm-up makes the sweep fall back to the whole panel, with a
 *       progress line saying so, {@link LakeInputs}); the driver collects the
 *       chunk's results, MERGEs them into {@code sweep_results} (one commit per chunk: the resume
 *       step) and prints progress — every {@code progress.seconds} while a chunk runs and after it;</li>
 *   <li>computes the {@link SweepSummary} (best set, Deflated Sharpe Ratio, PBO) over the stored
 *       and the new results of every set of the plan, and records the {@code runs} row (kind {@code sweep}, config = sweep and base
 *       YAML, data versions of candles, funding_rates, symbols and sweep_results, metrics = the
 *       summary JSON, status {@code succeeded}; {@code failed} when it throws).</li>
 * </ol>
 *
 * Results do not depend on the number of executors or partitions (each set is one deterministic
 * backtest). {@link SweepConfig#REGISTRY}, the registry the sets were checked with on the driver, builds the
 * strategies on the executors.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * Runs {@code config} under {@code runId} (a new id when empty) with the default memory budget
     * ({@link Backtest#defaultBudget()}), progress on stderr.
     */
    public static SweepOutcome run(Lake lake, SweepConfig config, Optional<String> runId) {
        return run(lake, config, runId, System.err::println);
    }

    /** As {@link #run(Lake, SweepConfig, Optional)}, progress lines to {@code progress}. */
    public static SweepOutcome run(Lake lake, SweepConfig config, Optional<String> runId, Consumer<String> progress) {
        return run(lake, config, runId, Backtest.defaultBudget(), progress);
    }

    /**
     * As {@link #run(Lake, SweepConfig, Optional, Consumer)}: a panel over {@code budgetBytes}
     * ({@link Backtest#bytesPerBar} per grid bar, as {@code backtest --memory-budget}) is read and broadcast in
     * chunks and each set simulated in time blocks, with the same results bit for bit.
     */
    public static SweepOutcome run(Lake lake, SweepConfig config, Optional<String> runId, long budgetBytes,
                                   Consumer<String> progress) {
        Instant started = Instant.now();
        String id = runId.map(RunRecord::requireValidRunId).orElseGet(() -> RunRecord.newRunId("sweep", started));
        BacktestConfig base = config.base();
        try {
            BacktestConfig.bind(ConfigLoader.parse(base.rawYaml(), base.origin()));
        } catch (ConfigException e) {
            throw new ConfigException("a sweep's base config must be the YAML text it was bound from (the executors"
                    + " bind it again): " + e.getMessage(), e);
        }
        List<ParameterSet> plan = config.parameterSets();
        RunStore runs = new RunStore(lake);
        try {
            Map<String, Long> versions = new LinkedHashMap<>(lake.versions(LakeInputs.TABLES));
            // at the versions recorded; every set's factors computed before the panel is broadcast
            PanelData data = LakeInputs.read(lake.pinnedAt(versions), config, budgetBytes, progress);
            List<Fold> folds;
            try {
                folds = config.validation().folds(data.bars());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage() + " (" + config.origin() + ")", e);
            }
            SweepResultsTable table = new SweepResultsTable(lake);
            List<SetResult> stored = table.read(id, plan, folds, data);
            Set<String> done = new HashSet<>();
            for (SetResult r : stored) {
                done.add(r.set().hash());
            }
            List<ParameterSet> pending = new ArrayList<>();
            for (ParameterSet p : plan) {
                if (!done.contains(p.hash())) {
                    pending.add(p);
                }
            }
            SweepProgress meter = new SweepProgress(id, plan.size(), plan.size() - pending.size(), progress);
            meter.message(plan.size() + " parameter sets × " + folds.size() + " folds on " + data.bars() + " bars; "
                    + done.size() + " already in " + SweepResultsTable.NAME + ", " + pending.size() + " to evaluate");
            List<SetResult> all = new ArrayList<>(stored);
            if (!pending.isEmpty()) {
                all.addAll(evaluate(lake, config, id, data, folds, pending, table, meter));
            }
            all.sort(Comparator.comparingInt(r -> r.set().index()));
            SweepSummary summary = SweepSummary.of(all, config.objective(), config.cscvBlocks(),
                    data.interval().periodsPerYear());
            versions.put(SweepResultsTable.NAME,
                    DeltaTable.forPath(lake.spark(), table.path()).history(1).select("version").first().getLong(0));
            runs.record(new RunRecord(id, "sweep", config.runConfigText(), versions, summary.json(), "succeeded", started,
                    Instant.now()));
            return new SweepOutcome(id, plan.size(), plan.size() - pending.size(), pending.size(), summary);
        } catch (LakeLockedException e) { // a failed row would wait for the same lock again
            throw e;
        } catch (RuntimeException e) {
            try {
                runs.record(new RunRecord(id, "sweep", config.runConfigText(), Map.of(), null, "failed", started,
                        Instant.now()));
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Evaluates {@code pending} chunk by chunk, writing each chunk's results; returns them all. */
    private static List<SetResult> evaluate(Lake lake, SweepConfig config, String id, PanelData data, List<Fold> folds,
                                 List<ParameterSet> pending, SweepResultsTable table, SweepProgress meter) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(lake.spark().sparkContext());
        BacktestConfig base = config.base();
        PanelData shipped = data.shipped(jsc); // a blocked panel: its chunks read and broadcast one at a time
        Broadcast<SweepTask.Context> context;
        try {
            context = jsc.broadcast(new SweepTask.Context(shipped, base.rawYaml(), base.origin(), folds));
        } catch (RuntimeException e) {
            shipped.destroy();
            throw e;
        }
        LongAccumulator counter = jsc.sc().longAccumulator("sweep " + id + " sets");
        int slices = Math.max(1, jsc.defaultParallelism() * 2);
        List<SetResult> all = new ArrayList<>(pending.size());
        try {
            for (int from = 0; from < pending.size(); from += config.chunkSets()) {
                List<ParameterSet> chunk = new ArrayList<>(
                        pending.subList(from, Math.min(pending.size(), from + config.chunkSets())));
                JavaFutureAction<List<SetResult>> job = jsc.parallelize(chunk, Math.min(slices, chunk.size()))
                        .mapPartitions(new SweepTask(context, counter)).collectAsync();
                List<SetResult> results = await(job, config.progressSeconds(), meter, counter);
                table.merge(id, results, folds, data);
                all.addAll(results);
                meter.report(all.size());
            }
        } finally {
            context.destroy();
            shipped.destroy();
        }
        return all;
    }

    /** Waits for a chunk's job, printing progress every {@code seconds} from the accumulator. */
    private static List<SetResult> await(JavaFutureAction<List<SetResult>> job, int seconds, SweepProgress meter,
                                         LongAccumulator counter) {
        while (true) {
            try {
                return job.get(seconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                meter.report(counter.value());
            } catch (InterruptedException e) {
                job.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sweep interrupted; rerun with the same run id to resume", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause.getMessage(), cause);
            }
        }
    }
}
