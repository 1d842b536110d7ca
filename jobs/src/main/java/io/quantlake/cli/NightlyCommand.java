package io.quantlake.cli;

import io.quantlake.config.BacktestConfig;
import io.quantlake.nightly.NightlyConfig;
import io.quantlake.nightly.NightlyLock;
import io.quantlake.nightly.NightlyOutcome;
import io.quantlake.nightly.NightlyRun;
import io.quantlake.nightly.OrderFiles;
import io.quantlake.nightly.Positions;
import io.quantlake.nightly.RebalanceOrder;
import io.quantlake.nightly.StaleDataException;
import io.quantlake.research.FactorResearchConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nightly --config F [--date D] [--lake DIR] [--out DIR]}: the scheduled research run for run date D
 * (default today, UTC) — incremental ingest, factors (and the factor study if configured), the strategy's
 * target weights on the bars that closed by D 00:00 UTC, and the minimum-trade rebalance orders from the
 * current positions, written to the Delta tables {@code nightly_targets} and {@code nightly_orders}
 * (rerunning a date replaces its rows), to {@code orders-D.csv} / {@code orders-D.json} in the output
 * directory, and to a {@code runs} row of kind {@code nightly}. See {@link NightlyRun} for the steps and
 * {@link NightlyConfig} for the YAML.
 *
 * <p>Exit codes, for monitoring: {@value #OK} ok; {@value #FAILED} failure (I/O, Spark, bad data);
 * {@value #USAGE} bad command line or config (the message names the option or config key and the file);
 * {@value #LOCKED} another nightly run holds the lock ({@link NightlyLock}: {@code .nightly.lock} in the local
 * lake root, or in the output directory for a remote lake) — nothing was done (other writers of the lake, such as
 * an ingest, are waited for: the run's commits hold the lake's writer lock, see {@code --lock-timeout});
 * {@value #STALE} data stale: no
 * universe symbol has the bar that opens one interval before D 00:00 UTC even after the ingest (no orders
 * were written; the runs row has status {@code stale}).
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Nightly pipeline for run date D: incremental ingest, factors, today's target weights and the "
                + "minimum-trade rebalance orders (Delta nightly_targets / nightly_orders, orders-D.csv and "
                + "orders-D.json); idempotent per date, one run at a time (lock file .nightly.lock)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:failure (I/O, Spark, bad data; message on stderr)",
            "2:bad command line or config (the option or config key is named)",
            "3:another nightly run holds the lock (.nightly.lock in the lake root; in --out for a remote lake)",
            "4:data stale: no bar opening one interval before D 00:00 UTC after the ingest"})
public final class NightlyCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int LOCKED = 3;
    public static final int STALE = 4;

    @Mixin
    LakeOptions lake;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "nightly YAML (NightlyConfig)")
    Path config;

    @Option(names = "--date", paramLabel = "D", description = "run date, a UTC date such as 2024-12-31 (default: today, UTC)")
    String date;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory for orders-D.csv/json (default: the config's output)")
    Path out;

    /** Runs the command with the CLI's error handling (one line on stderr) and returns the exit code. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new NightlyCommand());
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setParameterExceptionHandler((ex, argv) -> {
            System.err.println(ex.getCommandLine().getCommandSpec().qualifiedName() + ": " + ex.getMessage()
                    + " (see --help)");
            return USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        NightlyConfig cfg;
        BacktestConfig strategyConfig;
        Optional<FactorResearchConfig> factors;
        Positions positions;
        LocalDate runDate;
        try {
            runDate = date == null ? LocalDate.now(ZoneOffset.UTC) : parseDate(date);
            cfg = NightlyConfig.load(config);
            strategyConfig = BacktestConfig.load(cfg.strategyConfig());
            NightlyRun.weightStrategy(strategyConfig); // a weight strategy, or a usage error before any Spark work
            factors = cfg.factorsConfig().map(FactorResearchConfig::load);
            positions = Positions.read(cfg.positions(), cfg.cash());
            for (String s : positions.quantities().keySet()) {
                if (!strategyConfig.universe().contains(s)) {
                    throw new IllegalArgumentException("positions file " + cfg.positions() + ": symbol " + s
                            + " is not in the universe of " + strategyConfig.origin() + " " + strategyConfig.universe());
                }
            }
            if (!strategyConfig.start().isBefore(runDate.atStartOfDay(ZoneOffset.UTC).toInstant())) {
                throw new IllegalArgumentException("--date " + runDate + " must be after the start "
                        + strategyConfig.start() + " of " + strategyConfig.origin());
            }
        } catch (IllegalArgumentException e) { // ConfigException included
            return fail(USAGE, e);
        }
        Path outDir = out != null ? out : cfg.output();
        Path lockFile = NightlyLock.location(lake.root, outDir);
        Optional<NightlyLock> lock = NightlyLock.tryAcquire(lockFile, lake.commandLine());
        if (lock.isEmpty()) {
            System.err.println("nightly: another nightly run holds the lock " + lockFile
                    + NightlyLock.holder(lockFile).map(h -> " (" + h + ")").orElse("") + "; nothing done");
            return LOCKED;
        }
        try (NightlyLock held = lock.get()) {
            NightlyOutcome o = new NightlyRun(lake.open(), System.out).run(cfg, strategyConfig, factors, positions,
                    runDate, outDir);
            print(o, outDir);
            return OK;
        } catch (StaleDataException e) {
            System.err.println("nightly: " + e.getMessage());
            return STALE;
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--date must be a UTC date such as 2024-12-31, got '" + text + "'");
        }
    }

    private int fail(int code, Exception e) {
        if (lake.verbose) {
            e.printStackTrace(System.err);
        }
        System.err.println("nightly: " + OneLineErrors.message(e));
        return code;
    }

    private static void print(NightlyOutcome o, Path outDir) {
        System.out.printf("nightly %s run %s: %s %s, equity %.2f USDT, %d orders (%d skipped), turnover %.4f%n",
                o.runDate(), o.runId(), o.market().code(), o.strategy(), o.plan().equity(), o.plan().orders().size(),
                o.plan().skipped().size(), o.plan().turnover());
        for (RebalanceOrder r : o.plan().orders()) {
            System.out.printf("  %-4s %-12s %s @ %s = %.2f (%s)%n", r.side(), r.symbol(), r.quantity(), r.price(),
                    r.notional(), r.reason().code());
        }
        System.out.println("files: " + OrderFiles.csvPath(outDir, o.runDate()) + ", " + OrderFiles.jsonPath(outDir, o.runDate()));
    }
}
