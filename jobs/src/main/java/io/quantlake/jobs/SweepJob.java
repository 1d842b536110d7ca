package io.quantlake.jobs;

import io.quantlake.cli.QuantLakeCli;

/**
 * spark-submit entry point of a parameter sweep:
 * {@code spark-submit --class io.quantlake.jobs.SweepJob quantlake-jobs.jar --config sweep.yaml --lake DIR [--run-id ID]}
 * (the sweep YAML names its base backtest config under {@code base:}), or
 * {@code --config base.yaml --grid sweep.yaml}. Runs the CLI's {@code sweep} command on the session
 * spark-submit configured; rerun with the same {@code --run-id} to resume an interrupted sweep.
 */
public final class SweepJob {
    private SweepJob() {
    }

    public static void main(String[] args) {
        String[] cli = new String[args.length + 1];
        cli[0] = "sweep";
        System.arraycopy(args, 0, cli, 1, args.length);
        JobExit.check(QuantLakeCli.execute(cli));
    }
}
