package io.quantlake.tearsheet;

import io.quantlake.market.Interval;

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
        Drawdown d = new Drawdown();
        for (int t = 0; t < equity.length; t++) {
            out[t] = d.next(equity[t]);
        }
        return out;
    }

    /** {@link #drawdown} value by value: the running peak. */
    public static final class Drawdown {
        private double peak = Double.NaN;

        /** The underwater value of the next point {@code e}. */
        public double next(double e) {
            if (Double.isFinite(e)) {
                peak = Double.isNaN(peak) ? e : Math.max(peak, e);
                return e / peak - 1;
            }
            return Double.NaN;
        }
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
        RollingSharpe r = new RollingSharpe(window, periodsPerYear);
        double[] out = new double[equity.length];
        for (int t = 0; t < equity.length; t++) {
            out[t] = r.next(equity[t]);
        }
        return out;
    }

    /**
     * {@link #rollingSharpe} value by value: the running sums and the last {@code window} returns in a ring (the
     * same returns the array form recomputes from the equity, so the same bits).
     */
    public static final class RollingSharpe {
        private final int window;
        private final double root;
        private final double[] ring;
        private int t = -1;
        private double previous;
        private double sum;
        private double sumSq;
        private int bad;

        /** A rolling Sharpe over {@code window} returns (at least 2), annualized with {@code periodsPerYear}. */
        public RollingSharpe(int window, double periodsPerYear) {
            if (window < 2) {
                throw new IllegalArgumentException("rolling Sharpe window must be >= 2 returns, got " + window);
            }
            this.window = window;
            this.root = Math.sqrt(periodsPerYear);
            this.ring = new double[window];
        }

        /** The rolling Sharpe at the next bar, whose equity is {@code e}. */
        public double next(double e) {
            t++;
            double out = Double.NaN;
            if (t >= 1) {
                double r = e / previous - 1;
                int slot = t % window;
                double old = ring[slot]; // the return of bar t - window
                ring[slot] = r;
                if (Double.isFinite(r)) {
                    sum += r;
                    sumSq += r * r;
                } else {
                    bad++;
                }
                if (t > window) {
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
                    out = var > 0 ? mean / Math.sqrt(var) * root : Double.NaN;
                }
            }
            previous = e;
            return out;
        }
    }

    /**
     * The benchmark as an equity curve on the strategy's bars, starting at the strategy's first equity:
     * {@code B_t = E_s · close(t) / close(s)}, where {@code close(t)} is the benchmark's close of its last
     * bar at or before {@code t} and {@code s} is the first strategy bar that has one; NaN before {@code s}.
     */
    public static double[] normalizedBenchmark(long[] times, double[] equity, Benchmark benchmark) {
        BenchmarkLine line = new BenchmarkLine(benchmark);
        double[] out = new double[times.length];
        for (int t = 0; t < times.length; t++) {
            out[t] = line.next(times[t], equity[t]);
        }
        return out;
    }

    /** {@link #normalizedBenchmark} bar by bar. */
    public static final class BenchmarkLine {
        private final long[] bt;
        private final double[] closes;
        private int j = -1;
        private double base = Double.NaN;
        private double start = Double.NaN;

        public BenchmarkLine(Benchmark benchmark) {
            this.bt = benchmark.times();
            this.closes = benchmark.closes();
        }

        /** {@code B_t} at the next strategy bar, open at {@code time} (after the previous) with equity {@code e}. */
        public double next(long time, double e) {
            while (j + 1 < bt.length && bt[j + 1] <= time) {
                j++;
            }
            if (j < 0) {
                return Double.NaN;
            }
            if (Double.isNaN(base)) {
                base = closes[j];
                start = e;
            }
            return start * closes[j] / base;
        }
    }

    /** {@code numerator_t / equity_t}, NaN where equity is not positive (e.g. gross or net exposure over equity). */
    public static double[] overEquity(double[] numerator, double[] equity) {
        double[] out = new double[equity.length];
        for (int t = 0; t < equity.length; t++) {
            out[t] = overEquity(numerator[t], equity[t]);
        }
        return out;
    }

    /** {@code numerator / equity}, NaN where equity is not positive. */
    public static double overEquity(double numerator, double equity) {
        return equity > 0 ? numerator / equity : Double.NaN;
    }
}
