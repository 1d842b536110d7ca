package io.quantlake.cli;

import io.quantlake.lake.LakeSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lake summary}: what the lake holds. */
@Command(name = "lake", mixinStandardHelpOptions = true, description = "Inspect the lake",
        subcommands = {LakeCommand.Summary.class})
final class LakeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: summary");
    }

    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = "Symbols, intervals, date ranges and rows per market, and quarantined rows")
    static final class Summary implements Runnable {
        @Mixin
        LakeOptions lake;

        @Override
        public void run() {
            System.out.print(LakeSummary.of(lake.openExisting()).toTable());
        }
    }
}
