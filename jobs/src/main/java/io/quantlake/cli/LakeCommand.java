package io.quantlake.cli;

import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeLayout;
import io.quantlake.lake.LakeSummary;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lake summary}: what the lake holds; {@code lake upgrade}: rewrite a lake of an older layout. */
@Command(name = "lake", mixinStandardHelpOptions = true, description = "Inspect or upgrade the lake",
        subcommands = {LakeCommand.Summary.class, LakeCommand.Upgrade.class})
final class LakeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: summary or upgrade");
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

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Rewrite candles and funding_rates written before their partitioned layout (market, "
                    + "interval, month), in place: one commit per table, rows unchanged, history kept")
    static final class Upgrade implements Runnable {
        @Mixin
        LakeOptions lake;

        @Override
        public void run() {
            Lake l = lake.openExisting();
            List<String> tables = LakeLayout.upgrade(l);
            System.out.println(tables.isEmpty() ? "lake at " + l.root() + " already has the current layout"
                    : "upgraded " + String.join(", ", tables) + " of the lake at " + l.root() + " to the partitioned layout");
        }
    }
}
