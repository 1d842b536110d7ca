package io.quantlake.datasets;

/**
 * Daily log-price paths of the whole universe, laid out {@code [d * n + i]} for day {@code d} and
 * symbol {@code i}: {@code logClose} is the natural log of the close of day {@code d} (before tick
 * rounding); {@code vol} the conditional standard deviation of that day's log return; {@code logOpen}
 * the log price at the open of day 0. Drawn for every day of the sample, listed or not; the writer
 * drops what falls outside a symbol's life.
 */
record DailyPaths(int days, int n, double[] logOpen, double[] logClose, double[] vol) {
    DailyPaths {
        if (logOpen.length != n || logClose.length != days * n || vol.length != days * n) {
            throw new IllegalArgumentException("daily paths need " + n + " opens and " + days + "x" + n
                    + " closes and vols, got " + logOpen.length + ", " + logClose.length + ", " + vol.length);
        }
    }

    /** Log close of symbol {@code i} before day {@code d} (the open of day 0 for {@code d = 0}). */
    double logPrevClose(int d, int i) {
        return d == 0 ? logOpen[i] : logClose[(d - 1) * n + i];
    }
}
