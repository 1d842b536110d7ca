package io.quantlake.jobs;

import io.quantlake.cli.QuantLakeCli;

/**
 * Generic spark-submit entry point: runs any QuantLake command on the session spark-submit
 * configured, e.g. {@code spark-submit --master yarn --class io.quantlake.jobs.QuantLakeJob
 * quantlake-jobs.jar backtest --config conf/bt.yaml --lake s3a://bucket/lake}.
 */
public final class QuantLakeJob {
    private QuantLakeJob() {
    }

    public static void main(String[] args) {
        JobExit.check(QuantLakeCli.execute(args));
    }
}
