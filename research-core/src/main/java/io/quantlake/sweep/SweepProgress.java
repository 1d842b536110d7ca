package io.quantlake.sweep;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress lines of a long sweep, e.g. {@code sweep sweep-…: 120/400 sets (30.0%), 96 skipped
 * (already in sweep_results), 2.4 sets/s, ETA 1m57s}. The rate counts only sets evaluated by
 * this run.
 */
final class SweepProgress {
    private final String runId;
    private final int total;
    private final int skipped;
    private final Consumer<String> sink;
    private final long startNanos = System.nanoTime();

    SweepProgress(String runId, int total, int skipped, Consumer<String> sink) {
        this.runId = runId;
        this.total = total;
        this.skipped = skipped;
        this.sink = sink;
    }

    /** Prints the line for {@code evaluated} sets done by this run. */
    void report(long evaluated) {
        sink.accept(line(evaluated, (System.nanoTime() - startNanos) / 1e9));
    }

    void message(String text) {
        sink.accept("sweep " + runId + ": " + text);
    }

    String line(long evaluated, double seconds) {
        long done = skipped + evaluated;
        double rate = seconds > 0 ? evaluated / seconds : 0;
        long left = total - done;
        String eta = rate > 0 ? duration(left / rate) : "?";
        return String.format(Locale.ROOT, "sweep %s: %d/%d sets (%.1f%%)%s, %.2f sets/s, ETA %s", runId, done, total,
                100.0 * done / total, skipped > 0 ? ", " + skipped + " skipped (already in sweep_results)" : "", rate,
                left == 0 ? "0s" : eta);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return s / 3600 + "h" + String.format(Locale.ROOT, "%02d", s % 3600 / 60) + "m";
    }
}
