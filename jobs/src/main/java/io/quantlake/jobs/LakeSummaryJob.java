package io.quantlake.jobs;

import io.quantlake.cli.QuantLakeCli;

/**
 * spark-submit entry point that prints what the lake holds:
 * {@code spark-submit --class io.quantlake.jobs.LakeSummaryJob quantlake-jobs.jar --lake s3a://bucket/lake}.
 * Runs the CLI's {@code lake summary} command on the session spark-submit configured.
 */
public final class LakeSummaryJob {
    private LakeSummaryJob() {
    }

    public static void main(String[] args) {
        String[] cli = new String[args.length + 2];
        cli[0] = "lake";
        cli[1] = "summary";
        System.arraycopy(args, 0, cli, 2, args.length);
        JobExit.check(QuantLakeCli.execute(cli));
    }
}
