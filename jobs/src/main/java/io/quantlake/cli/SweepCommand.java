package io.quantlake.cli;

import io.quantlake.lake.Lake;
import io.quantlake.sweep.BacktestOverfitting;
import io.quantlake.sweep.Sweep;
import io.quantlake.sweep.SweepConfig;
import io.quantlake.sweep.SweepOutcome;
import io.quantlake.sweep.SweepSummary;
import io.quantlake.sweep.SweepTearSheet;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sweep --config F [--grid G] [--run-id ID] [--out DIR] [--memory-budget MB]}: a grid or random search
 * over a strategy's params with walk-forward or purged k-fold validation, distributed over Spark executors against
 * one broadcast panel (a panel over the memory budget: broadcast in chunks, each set run in time blocks); results in Delta {@code sweep_results}, the Deflated Sharpe Ratio and the
 * Probability of Backtest Overfitting in the {@code runs} row. Resumable: a rerun with the same
 * {@code --run-id} skips the parameter sets already in the table. After the sweep, its tear sheet
 * {@code sweep_report.html} ({@link SweepTearSheet}) is written to {@code --out} (default {@code out/<run id>}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Parameter sweep with walk-forward / purged k-fold validation, DSR and PBO (resumable).",
                "--config SWEEP.yaml (naming its base config under base:), or --config BASE.yaml --grid SWEEP.yaml"})
final class SweepCommand implements Runnable {
    @Mixin
    LakeOptions lake;

    @Option(names = "--config", required = true, description = "the sweep YAML, or the base backtest YAML with --grid")
    Path config;

    @Option(names = "--grid", description = "the sweep YAML (grid or random search, validation, objective)")
    Path grid;

    @Option(names = "--run-id", description = "run id; rerun with the same id to resume an interrupted sweep")
    String runId;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory of sweep_report.html (default: out/<run id>)")
    Path out;

    @Mixin
    MemoryBudgetOption memoryBudget;


    @Override
    public void run() {
        long budget = memoryBudget.bytes();
        SweepConfig sweep = grid == null ? SweepConfig.load(config) : SweepConfig.load(config, grid);
        Lake l = lake.openExisting();
        SweepOutcome outcome = Sweep.run(l, sweep, Optional.ofNullable(runId), budget, System.err::println);
        System.out.print(report(outcome));
        writeReport(l, outcome, sweep, out);
    }

    /**
     * Writes the sweep's {@code sweep_report.html} (rows read back from {@code sweep_results}) into {@code out}
     * (null: {@code out/<run id>}), prints its path and returns it.
     */
    static Path writeReport(Lake lake, SweepOutcome outcome, SweepConfig config, Path out) {
        Path dir = out != null ? out : Path.of("out", outcome.runId());
        String strategy = config.base().strategy().name();
        Path report = SweepTearSheet.write(dir, lake, outcome, "Sweep " + outcome.runId() + ": " + strategy);
        System.out.println("report " + report);
        return report;
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
