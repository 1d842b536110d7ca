package io.quantlake.cli;

import io.quantlake.spark.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/quantlake}. Every command has {@code --help}; a bad argument or bad
 * input ends with one line on stderr and a non-zero exit code (stack trace with {@code --verbose}).
 *
 * <p>Exit codes: 0 success, 1 bad input or failed job, 2 bad command line (one line on stderr,
 * then {@code --help} shows the usage).
 */
@Command(name = "quantlake", mixinStandardHelpOptions = true, version = "QuantLake 0.1.0",
        description = "Vectorized batch research for quant strategies on Binance markets (Spark + Delta Lake).",
        subcommands = {DemoCommand.class, IngestCommand.class, SqlCommand.class, BacktestCommand.class, PairsCommand.class, SweepCommand.class, LakeCommand.class,
                DatasetsCommand.class, SubmitCommand.class, ResearchCommand.class, NightlyCommand.class, ReplayCommand.class})
public final class QuantLakeCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        SparkSessions.quietLogging();
        CommandLine cli = new CommandLine(new QuantLakeCli());
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setParameterExceptionHandler((ex, argv) -> {
            System.err.println(ex.getCommandLine().getCommandSpec().qualifiedName() + ": " + ex.getMessage()
                    + " (see --help)");
            return 2;
        });
        return cli.execute(args);
    }
}
