package io.quantlake.jobs;

import io.quantlake.cli.QuantLakeCli;

/**
 * spark-submit entry point of factor research, with the arguments of {@code research factors}:
 * {@code spark-submit --class io.quantlake.jobs.FactorResearchJob quantlake-jobs.jar --config conf/factors.yaml
 * --lake s3a://bucket/lake [--out DIR]}; locally {@code bin/quantlake submit --class
 * io.quantlake.jobs.FactorResearchJob --config …}. Runs on the session spark-submit configured.
 */
public final class FactorResearchJob {
    private FactorResearchJob() {
    }

    public static void main(String[] args) {
        String[] cli = new String[args.length + 2];
        cli[0] = "research";
        cli[1] = "factors";
        System.arraycopy(args, 0, cli, 2, args.length);
        JobExit.check(QuantLakeCli.execute(cli));
    }
}
