package io.quantlake.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/** Runs the CLI in-process and captures its exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return capture(() -> QuantLakeCli.execute(args));
    }

    /** Runs {@code command} (returning an exit code) with stdout and stderr captured. */
    static synchronized CliRun capture(IntSupplier command) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = command.getAsInt();
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
