package io.quantlake.tearsheet;

import io.quantlake.market.Interval;
import java.util.Arrays;

/**
 * Per-bar series derived from an equity curve for the reports. Returns are simple bar returns
 * {@code r_t = E_t / E_{t−1} − 1} (SIMULATION.md §10); annualization uses the interval's periods per
 * 365-day year ({@link Interval#periodsPerYear()}, R27).
 */
public final class PerformanceSeries {
    private static final long THIRTY_DAYS_MS = 30L * 86_400_000L;
    /** Fewest returns in a rolling Sharpe window (coarse intervals: 3d, 1w). */
    public static final int MIN_ROLLING_WINDOW = 20;

    private PerformanceSeries() {
    }

    /**
     * Underwater curve {@code dd_t = E_t / max_{s<=t} E_s − 1} (0 at a new high, negative below it); its minimum
     * is minus metrics.json's {@code max_drawdown}. Non-finite values (a benchmark before its first close)
     * are NaN and do not move the peak.
     */
    public static double[] drawdown(double[] equity) {
        double[] out = new double[equity.length];
        double peak = Double.NaN;
        for (int t = 0; t < equity.length; t++) {
            double e = equity[t];
            if (Double.isFinite(e)) {
                peak = Double.isNaN(peak) ? e : Math.max(peak, e);
                out[t] = e / peak - 1;
            } else {
                out[t] = Double.NaN;
            }
        }
        return out;
    }

    /**
     * The rolling Sharpe window in returns: the bars in 30 days, at least {@link #MIN_ROLLING_WINDOW}
     * (1d → 30, 4h → 180, 1h → 720, 1m → 43,200; 3d and 1w → 20).
     */
    public static int rollingWindow(Interval interval) {
        return (int) Math.max(MIN_ROLLING_WINDOW, THIRTY_DAYS_MS / interval.millis());
    }

    /**
     * Rolling annualized Sharpe: at bar {@code t >= window},
     * {@code mean(r) / stdev(r, ddof=1) · √ppy} over the {@code window} returns {@code r_{t−window+1} … r_t};
     * NaN before (warm-up: {@code window} returns, so the first value is at bar {@code window}) and where the
     * window's standard deviation is 0 or a return is not finite. Running sums of {@code r} and
     * {@code r²} make it O(n); with bar returns of order 1e-2 their rounding is far below the chart's
     * resolution.
     */
    public static double[] rollingSharpe(double[] equity, int window, double periodsPerYear) {
        if (window < 2) {
            throw new IllegalArgumentException("rolling Sharpe window must be >= 2 returns, got " + window);
        }
        int n = equity.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        double sum = 0;
        double sumSq = 0;
        int bad = 0;
        double root = Math.sqrt(periodsPerYear);
        for (int t = 1; t < n; t++) {
            double r = equity[t] / equity[t - 1] - 1;
            if (Double.isFinite(r)) {
                sum += r;
                sumSq += r * r;
            } else {
                bad++;
            }
            if (t > window) {
                double old = equity[t - window] / equity[t - window - 1] - 1;
                if (Double.isFinite(old)) {
                    sum -= old;
                    sumSq -= old * old;
                } else {
                    bad--;
                }
            }
            if (t >= window && bad == 0) {
                double mean = sum / window;
                double var = (sumSq - sum * mean) / (window - 1);
                out[t] = var > 0 ? mean / Math.sqrt(var) * root : Double.NaN;
            }
        }
        return out;
    }

    /**
     * The benchmark as an equity curve on the strategy's bars, starting at the strategy's first equity:
     * {@code B_t = E_s · close(t) / close(s)}, where {@code close(t)} is the benchmark's close of its last
     * bar at or before {@code t} and {@code s} is the first strategy bar that has one; NaN before {@code s}.
     */
    public static double[] normalizedBenchmark(long[] times, double[] equity, Benchmark benchmark) {
        int n = times.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        long[] bt = benchmark.times();
        int j = -1;
        double base = Double.NaN;
        double start = Double.NaN;
        for (int t = 0; t < n; t++) {
            while (j + 1 < bt.length && bt[j + 1] <= times[t]) {
                j++;
            }
            if (j < 0) {
                continue;
            }
            if (Double.isNaN(base)) {
                base = benchmark.closes()[j];
                start = equity[t];
            }
            out[t] = start * benchmark.closes()[j] / base;
        }
        return out;
    }

    /** {@code numerator_t / equity_t}, NaN where equity is not positive (e.g. gross or net exposure over equity). */
    public static double[] overEquity(double[] numerator, double[] equity) {
        double[] out = new double[equity.length];
        for (int t = 0; t < equity.length; t++) {
            out[t] = equity[t] > 0 ? numerator[t] / equity[t] : Double.NaN;
        }
        return out;
    }
}
