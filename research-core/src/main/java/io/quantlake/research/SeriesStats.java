package io.quantlake.research;

/**
 * Summary of one per-date series (e.g. the daily IC): the count, mean and sample standard deviation
 * (ddof 1) of its finite values.
 *
 * <p>Dates of an {@code h}-bar forward return overlap when {@code h > 1}, so successive values are
 * correlated and {@link #tStat()} overstates significance, by about {@code √h} for a persistent
 * factor; {@link #everyNth} gives the statistics of a non-overlapping subsample (every h-th date).
 *
 * @param n    number of finite values
 * @param mean their mean; NaN when {@code n = 0}
 * @param sd   their sample standard deviation; NaN when {@code n < 2}
 */
public record SeriesStats(int n, double mean, double sd) {
    public SeriesStats {
        if (n < 0) {
            throw new IllegalArgumentException("series count must be >= 0, got " + n);
        }
        if (n > 0 && !Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean of " + n + " finite values must be finite, got " + mean);
        }
    }

    /** The statistics of the finite values of {@code values} (NaN entries are skipped). */
    public static SeriesStats of(double[] values) {
        int n = 0;
        double sum = 0.0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new SeriesStats(0, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double ss = 0.0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new SeriesStats(n, mean, n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1)));
    }

    /** The statistics of {@code values[0], values[step], values[2·step], …} (finite ones only). */
    public static SeriesStats everyNth(double[] values, int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1, got " + step);
        }
        double[] sub = new double[(values.length + step - 1) / step];
        for (int k = 0; k < sub.length; k++) {
            sub[k] = values[k * step];
        }
        return of(sub);
    }

    /** Information ratio {@code mean / sd}; NaN when sd is 0 or undefined. */
    public double ir() {
        return sd > 0.0 ? mean / sd : Double.NaN;
    }

    /** t-statistic of the mean, {@code mean / (sd / √n)}; NaN when sd is 0 or undefined. */
    public double tStat() {
        return sd > 0.0 ? mean / (sd / Math.sqrt(n)) : Double.NaN;
    }
}
