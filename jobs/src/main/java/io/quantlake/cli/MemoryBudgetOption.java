package io.quantlake.cli;

import io.quantlake.backtest.Backtest;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --memory-budget MB} of {@code backtest} and {@code sweep}: the panel's budget before it runs in time blocks. */
final class MemoryBudgetOption {
    @Option(names = "--memory-budget", paramLabel = "MB", description = "memory budget of the panel in MiB (default: "
            + "a quarter of the heap); a panel over it is read and simulated in time blocks, with the same results")
    String memoryBudget;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The budget in bytes: the option's, else {@link Backtest#defaultBudget()}. */
    long bytes() {
        return memoryBudget == null ? Backtest.defaultBudget()
                : OptionValues.parse(spec, "--memory-budget", memoryBudget, MemoryBudgetOption::mebibytes);
    }

    /** A budget in MiB (a positive integer) in bytes. */
    static long mebibytes(String value) {
        long mb;
        try {
            mb = Long.parseLong(value);
        } catch (NumberFormatException e) {
            mb = -1;
        }
        if (mb < 1 || mb > Long.MAX_VALUE >> 20) {
            throw new IllegalArgumentException("'" + value + "' is not a positive whole number of MiB");
        }
        return mb << 20;
    }
}
