package io.quantlake.jobs;

/** Turns a CLI exit code into the outcome of a spark-submit job: a non-zero code fails the job. */
final class JobExit {
    private JobExit() {
    }

    static void check(int exitCode) {
        if (exitCode != 0) {
            throw new IllegalStateException("job failed with exit code " + exitCode + " (see the message above)");
        }
    }
}
