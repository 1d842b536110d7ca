package io.quantlake.jobs;

import io.quantlake.cli.JobFailedException;

/** Turns a CLI exit code into the outcome of a spark-submit job: a non-zero code fails the job ({@link JobFailedException}). */
final class JobExit {
    private JobExit() {
    }

    static void check(int exitCode) {
        if (exitCode != 0) {
            throw new JobFailedException(exitCode);
        }
    }
}
