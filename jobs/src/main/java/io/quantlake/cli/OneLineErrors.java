package io.quantlake.cli;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * Reports a failed command as one line on stderr ({@code quantlake <command>: <message>}) and
 * exit code 1; the stack trace only when {@code --verbose} was given.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean verbose = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--verbose");
        if (verbose) {
            ex.printStackTrace(System.err);
        }
        System.err.println(cmd.getCommandSpec().qualifiedName() + ": " + message(ex));
        return 1;
    }

    /** The most specific message of a cause chain, never empty. */
    static String message(Throwable ex) {
        Throwable t = ex;
        String msg = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                msg = t.getMessage();
                if (!(t instanceof RuntimeException) || t.getCause() == null) {
                    break;
                }
            }
            t = t.getCause();
        }
        String line = msg == null ? ex.getClass().getSimpleName() : msg;
        int nl = line.indexOf('\n');
        return nl >= 0 ? line.substring(0, nl) : line;
    }
}
