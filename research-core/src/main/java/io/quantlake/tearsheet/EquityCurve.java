package io.quantlake.tearsheet;

import java.nio.file.Path;

/**
 * The rows of a backtest's {@code equity.csv}: per grid bar (open time, UTC epoch ms, strictly increasing)
 * the equity, cash, gross and net exposure (USDT) and leverage ({@code gross / equity}), all as of the
 * bar's close (CLI.md). The arrays are not copied; treat them as read-only.
 */
public record EquityCurve(long[] times, double[] equity, double[] cash, double[] gross, double[] net,
                          double[] leverage) {
    static final String HEADER = "time,equity,cash,gross,net,leverage";

    public EquityCurve {
        int n = times.length;
        if (equity.length != n || cash.length != n || gross.length != n || net.length != n || leverage.length != n) {
            throw new IllegalArgumentException("equity curve columns must all have " + n + " rows");
        }
    }

    /** Number of bars. */
    public int bars() {
        return times.length;
    }

    /** Reads {@code equity.csv}; at least one row, times strictly increasing. */
    static EquityCurve read(Path file) {
        OutputCsv csv = OutputCsv.read(file, HEADER);
        int n = csv.size();
        if (n == 0) {
            throw new IllegalArgumentException(file + ": no equity rows; a report needs at least one bar");
        }
        long[] times = new long[n];
        double[][] cols = new double[5][n];
        for (int r = 0; r < n; r++) {
            times[r] = csv.time(r, 0);
            if (r > 0 && times[r] <= times[r - 1]) {
                throw csv.error(r, 0, csv.text(r, 0), "not after the previous row's time " + csv.text(r - 1, 0));
            }
            for (int c = 0; c < 5; c++) {
                cols[c][r] = csv.number(r, c + 1);
            }
        }
        return new EquityCurve(times, cols[0], cols[1], cols[2], cols[3], cols[4]);
    }
}
