package io.quantlake.cli;

/**
 * A spark-submit entry point whose command failed: the command has already reported why on stderr (one line);
 * this carries its exit code to the caller ({@code quantlake submit} exits with it; spark-submit fails the job).
 */
public final class JobFailedException extends RuntimeException {
    private final int exitCode;

    public JobFailedException(int exitCode) {
        super("job failed with exit code " + exitCode + " (see the message above)");
        this.exitCode = exitCode;
    }

    /** The failed command's exit code, never 0. */
    public int exitCode() {
        return exitCode;
    }
}
