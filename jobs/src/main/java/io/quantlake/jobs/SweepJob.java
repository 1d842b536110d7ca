package io.quantlake.jobs;

import io.quantlake.lake.Lake;
import io.quantlake.spark.SparkSessions;
import io.quantlake.sweep.BacktestOverfitting;
import io.quantlake.sweep.Sweep;
import io.quantlake.sweep.SweepConfig;
import io.quantlake.sweep.SweepOutcome;
import io.quantlake.sweep.SweepSummary;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * spark-submit entry point of a parameter sweep:
 * {@code spark-submit --class io.quantlake.jobs.SweepJob quantlake-jobs.jar --config sweep.yaml --lake DIR [--run-id ID]}
 * (the sweep YAML names its base backtest config under {@code base:}), or
 * {@code --config base.yaml --grid sweep.yaml} (the CLI form). Runs {@link Sweep#run} on the session
 * spark-submit configured (master from {@code spark.master}, else {@code local[*]}), progress on
 * stderr, a summary on stdout. Rerun with the same {@code --run-id} to resume an interrupted sweep.
 * Bad arguments or configuration: a one-line message on stderr and a failed job.
 */
public final class SweepJob {
    static final String USAGE = "usage: SweepJob --config SWEEP.yaml [--lake DIR] [--run-id ID]\n"
            + "       SweepJob --config BASE.yaml --grid SWEEP.yaml [--lake DIR] [--run-id ID]";

    private SweepJob() {
    }

    public static void main(String[] args) {
        JobExit.check(run(args));
    }

    /** Runs the sweep of {@code args}; returns the exit code (0 success, 2 bad arguments, 1 failure). */
    static int run(String[] args) {
        Path config = null;
        Path grid = null;
        String lakeRoot = Lake.DEFAULT_ROOT;
        Optional<String> runId = Optional.empty();
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(USAGE);
                return 0;
            }
            if (k + 1 >= args.length || !a.startsWith("--")) {
                System.err.println("sweep: unexpected argument '" + a + "'\n" + USAGE);
                return 2;
            }
            String v = args[++k];
            switch (a) {
                case "--config" -> config = Path.of(v);
                case "--grid" -> grid = Path.of(v);
                case "--lake" -> lakeRoot = v;
                case "--run-id" -> runId = Optional.of(v);
                default -> {
                    System.err.println("sweep: unknown option " + a + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (config == null) {
            System.err.println("sweep: --config is required\n" + USAGE);
            return 2;
        }
        try {
            SweepConfig sweep = grid == null ? SweepConfig.load(config) : SweepConfig.load(config, grid);
            Path warehouse = Path.of(System.getProperty("java.io.tmpdir"), "quantlake-spark-warehouse");
            Lake lake = Lake.at(SparkSessions.getOrCreate("quantlake-sweep", warehouse), lakeRoot);
            SweepOutcome outcome = Sweep.run(lake, sweep, runId);
            System.out.print(report(outcome));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("sweep: " + e.getMessage());
            return 1;
        }
    }

    /** The summary printed on stdout. */
    static String report(SweepOutcome o) {
        SweepSummary s = o.summary();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "sweep %s: %d sets (%d evaluated, %d skipped: already in sweep_results), %d folds, objective %s%n",
                o.runId(), o.total(), o.evaluated(), o.skipped(), s.folds(), s.objective().code()));
        b.append(String.format(Locale.ROOT, "best %s %s: %s %.4f over all bars; mean in-sample %.4f, out-of-sample %.4f%n",
                s.best().set().hash(), s.best().set().json(), s.objective().code(),
                s.objective().value(s.best().full()), s.bestInSampleMean(), s.bestOutOfSampleMean()));
        b.append(String.format(Locale.ROOT, "deflated Sharpe ratio %.4f (SR %.4f vs expected max of %d trials %.4f, per bar)%n",
                s.deflatedSharpe().dsr(), s.deflatedSharpe().sharpe(), s.deflatedSharpe().trials(),
                s.deflatedSharpe().expectedMaxSharpe()));
        if (s.pbo().isPresent()) {
            BacktestOverfitting p = s.pbo().get();
            b.append(String.format(Locale.ROOT, "probability of backtest overfitting %.4f (CSCV, %d blocks, %d combinations)%n",
                    p.pbo(), p.blocks(), p.combinations()));
        } else {
            b.append("probability of backtest overfitting: n/a (").append(s.pboNote()).append(")\n");
        }
        b.append("results in sweep_results (run_id = ").append(o.runId()).append("), summary in runs\n");
        return b.toString();
    }
}
