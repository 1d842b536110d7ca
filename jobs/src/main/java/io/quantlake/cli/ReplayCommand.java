package io.quantlake.cli;

import io.quantlake.replay.Replay;
import io.quantlake.replay.ReplayResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code replay RUN_ID [--out DIR] [--set HASH]}: rebuilds a stored backtest from its {@code runs} row (the config
 * text it stored, the lake read at the Delta versions it recorded) and compares the new equity and ledger rows with
 * the stored ones ({@link Replay}); of a sweep run, one parameter set and its {@code sweep_results} rows. Prints one
 * line, {@code identical: …} or {@code different: …} naming the first difference (table, row, column, stored vs
 * replayed); exit code 0 identical, 1 different. A run that cannot be replayed (unknown id,
 * failed, no recorded versions, a version vacuumed) is one line on stderr and exit code 1.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a stored backtest run at the Delta versions it read and compare it with its stored "
                + "equity and ledger rows (a sweep run: one parameter set and its sweep_results rows).",
                "Exit code 0 identical, 1 different or not replayable."})
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    LakeOptions lake;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run's id (runs.run_id, printed by backtest)")
    String runId;

    @Option(names = "--out", paramLabel = "DIR", description = "also write the replayed run's files here (as backtest)")
    Path out;

    @Option(names = "--set", paramLabel = "HASH",
            description = "a sweep run: the parameter set to replay, by param_hash (default: the sweep's best set)")
    String set;

    @Override
    public Integer call() {
        ReplayResult result = new Replay(lake.openExisting()).run(runId, Optional.ofNullable(set),
                Optional.ofNullable(out));
        System.out.println(result.describe());
        if (out != null && result.kind().equals("backtest")) {
            System.out.println("replayed files in " + out);
        }
        return result.identical() ? 0 : 1;
    }
}
