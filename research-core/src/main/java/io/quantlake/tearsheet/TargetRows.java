package io.quantlake.tearsheet;

import java.nio.file.Path;

/**
 * The rows of a backtest's {@code targets.csv} (CLI.md; SIMULATION.md §12.8, R25): at each decision bar
 * (open time, UTC epoch ms) a target weight per universe symbol, a fraction of equity; NaN means no
 * opinion. Legacy strategies write only the header (no rows).
 */
public record TargetRows(long[] times, String[] symbols, double[] weights) {
    static final String HEADER = "time,symbol,target_weight";

    public TargetRows {
        if (symbols.length != times.length || weights.length != times.length) {
            throw new IllegalArgumentException("target columns must all have " + times.length + " rows");
        }
    }

    /** Number of rows. */
    public int size() {
        return times.length;
    }

    static TargetRows read(Path file) {
        OutputCsv csv = OutputCsv.read(file, HEADER);
        int n = csv.size();
        long[] times = new long[n];
        String[] symbols = new String[n];
        double[] weights = new double[n];
        for (int r = 0; r < n; r++) {
            times[r] = csv.time(r, 0);
            symbols[r] = csv.text(r, 1);
            weights[r] = csv.number(r, 2);
        }
        return new TargetRows(times, symbols, weights);
    }
}
