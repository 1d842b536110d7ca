package io.quantlake.jobs;

import io.quantlake.cli.NightlyCommand;

/**
 * spark-submit entry point of the nightly pipeline:
 * {@code spark-submit --class io.quantlake.jobs.NightlyResearchJob quantlake-jobs.jar --config conf/nightly.yaml
 * [--date 2024-12-31] [--lake DIR] [--out DIR]} — the arguments of {@code bin/quantlake nightly}. The driver
 * exits with the command's exit code (0 ok, 1 failure, 2 bad command line or config, 3 another run holds the
 * lock, 4 data stale; see {@link NightlyCommand}), so a scheduler sees the same codes as with the CLI.
 */
public final class NightlyResearchJob {
    private NightlyResearchJob() {
    }

    public static void main(String[] args) {
        int code = NightlyCommand.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
