package io.quantlake.cli;

import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.backtest.LakeBacktest;
import io.quantlake.config.BacktestConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backtest --config F [--out DIR]}: one backtest from a YAML config on the lake's candles;
 * writes equity.csv, ledger.csv, targets.csv, metrics.json and the report.html tear sheet to
 * {@code --out}, records the run in
 * the Delta tables runs, equity and ledger, and prints a summary (metrics, the run id, and the Delta files and bytes
 * of {@code candles} the window read listed). A run that fails on the lake's data (e.g. no
 * candles in the window) writes no files and a {@code runs} row with status {@code failed}.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Run one backtest from a YAML config (CLI.md) on the lake's candles")
final class BacktestCommand implements Runnable {
    @Mixin
    LakeOptions lake;

    @Option(names = "--config", required = true, description = "backtest YAML (CLI.md, Configuration)")
    Path config;

    @Option(names = "--out", description = "output directory (default: out/<run id>)")
    Path out;

    @Mixin
    MemoryBudgetOption memoryBudget;


    @Override
    public void run() {
        Instant started = Instant.now();
        long budget = memoryBudget.bytes();
        BacktestConfig cfg = BacktestConfig.load(config); // resolved once: parameter errors before any Spark work
        LakeBacktest backtest = new LakeBacktest(lake.openExisting(), budget);
        BacktestOutcome outcome;
        try {
            outcome = backtest.run(cfg);
        } catch (RuntimeException e) {
            try {
                backtest.recordFailure(cfg, started, e);
            } catch (RuntimeException secondary) {
                e.addSuppressed(secondary);
            }
            throw e;
        }
        String runId = backtest.record(outcome, started);
        Path dir = out != null ? out : Path.of("out", runId);
        backtest.writeFiles(outcome, dir, cfg.strategy().name() + " (" + config.getFileName() + ")");
        Map<String, BacktestOutcome> one = new LinkedHashMap<>();
        one.put(cfg.strategy().name(), outcome);
        System.out.print(MetricsTable.of(one));
        System.out.println("run " + runId + ": " + outcome.result().ledger().size() + " ledger rows; files in " + dir);
        backtest.candlesRead(cfg).ifPresent(scan -> System.out.println("candles read: " + scan.describe()));
    }
}
