package io.quantlake.cli;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * Reports a failed command as one line on stderr ({@code quantlake <command>: <message>}) and
 * exit code 1; the stack trace only when {@code --verbose} was given.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
    private static final String OWN_PACKAGE = "io.quantlake.";

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean verbose = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--verbose");
        if (verbose) {
            ex.printStackTrace(System.err);
        }
        System.err.println(cmd.getCommandSpec().qualifiedName() + ": " + message(ex));
        return 1;
    }

    /**
     * The message of a cause chain that says what is wrong and where, first line only, never empty:
     * the outermost message QuantLake wrote (it names the file, URL, table or key, e.g.
     * {@code "a.zip: not a readable zip (zip END header not found)"}); when no QuantLake code wrote one,
     * the innermost message (a library's wrappers, such as Spark's "Job aborted…", only repeat it).
     * A wrapper whose message is just its cause ({@code new RuntimeException(cause)}) is looked through.
     */
    static String message(Throwable ex) {
        String innermost = null;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String msg = t.getMessage();
            if (msg == null || msg.isBlank() || (t.getCause() != null && msg.equals(t.getCause().toString()))) {
                continue;
            }
            if (writtenByQuantLake(t)) {
                return firstLine(msg);
            }
            innermost = msg;
        }
        return firstLine(innermost == null ? ex.getClass().getSimpleName() : innermost);
    }

    /** Whether {@code t} was thrown by QuantLake code (its own message, not a library's). */
    private static boolean writtenByQuantLake(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith(OWN_PACKAGE);
    }

    private static String firstLine(String line) {
        int nl = line.indexOf('\n');
        return nl >= 0 ? line.substring(0, nl) : line;
    }
}
