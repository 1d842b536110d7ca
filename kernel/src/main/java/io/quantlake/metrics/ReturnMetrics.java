package io.quantlake.metrics;

import java.util.function.DoubleConsumer;

/**
 * The return metrics of SIMULATION.md §10 — the one implementation that {@link Metrics} (a whole
 * run) and the sweep's window metrics use. Over a curve {@code C_0 … C_n} and its {@code n} returns
 * {@code r_1 … r_n}, with {@code ppy} periods per 365-day year (R27):
 *
 * <ul>
 *   <li>total return {@code C_n / C_0 − 1}; CAGR {@code (C_n / C_0)^(ppy / n) − 1}</li>
 *   <li>volatility {@code stdev(r, ddof=1) · √ppy}; Sharpe {@code mean(r) / stdev(r, ddof=1) · √ppy};
 *       Sortino {@code mean(r) / √(mean(min(r, 0)²)) · √ppy}</li>
 *   <li>max drawdown {@code max_k (1 − C_k / max_{j<=k} C_j)}, a fraction; Calmar {@code CAGR / max drawdown}</li>
 * </ul>
 *
 * Undefined values (no return, one return for the deviations, no drawdown for Calmar) are NaN or infinite.
 *
 * @param returns number of returns {@code n}
 */
public record ReturnMetrics(int returns, double totalReturn, double cagr, double volatility, double sharpe,
                            double sortino, double maxDrawdown, double calmar) {

    /** A series read from its first value in order, as many times as a computation needs (e.g. from a scratch file). */
    @FunctionalInterface
    public interface Series {
        /** Gives every value of the series to {@code each}, in order. */
        void forEach(DoubleConsumer each);
    }

    /**
     * The metrics of equity rows {@code e} (account currency): the curve is {@code e} itself,
     * {@code r_t = e_t / e_{t−1} − 1}. One row: total return and drawdown 0, the rest undefined.
     */
    public static ReturnMetrics ofEquity(double[] e, double ppy) {
        return ofEquity(e.length, of(e, e.length), ppy);
    }

    /**
     * {@link #ofEquity(double[], double)} of the {@code rows} equity rows {@code e} reads, in order (three passes
     * over them: no array over all rows); the same operations in the same order, so the same bits.
     */
    public static ReturnMetrics ofEquity(int rows, Series e, double ppy) {
        if (rows == 0) {
            return new ReturnMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN);
        }
        Series r = each -> e.forEach(new DoubleConsumer() {
            private double previous = Double.NaN;
            private boolean first = true;

            @Override
            public void accept(double v) {
                if (!first) {
                    each.accept(v / previous - 1);
                }
                first = false;
                previous = v;
            }
        });
        return of(rows - 1, r, e, ppy);
    }

    /**
     * The metrics of returns {@code r[0..n)} (fractions, in bar order) over the curve they compound
     * to, {@code V_0 = 1, V_k = V_{k−1} (1 + r_k)}. No return: every value NaN.
     */
    public static ReturnMetrics ofReturns(double[] r, int n, double ppy) {
        if (n == 0) {
            return new ReturnMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double[] v = new double[n + 1];
        v[0] = 1;
        for (int k = 0; k < n; k++) {
            v[k + 1] = v[k] * (1 + r[k]);
        }
        return of(n, of(r, n), of(v, n + 1), ppy);
    }

    /** The first {@code n} values of {@code values} as a series. */
    private static Series of(double[] values, int n) {
        return each -> {
            for (int k = 0; k < n; k++) {
                each.accept(values[k]);
            }
        };
    }

    /** Sums over the returns, then over their deviations from the mean; the running peak and drawdown of the curve. */
    private static final class Sums {
        double sum;
        double down;
        double ss;
        boolean started;
        double first;
        double last;
        double peak;
        double maxDd;
    }

    /** §10 over the {@code n} returns {@code r} and the curve {@code c_0 … c_n} they are measured on. */
    private static ReturnMetrics of(int n, Series r, Series c, double ppy) {
        Sums s = new Sums();
        r.forEach(x -> {
            s.sum += x;
            double neg = Math.min(x, 0);
            s.down += neg * neg;
        });
        double mean = n > 0 ? s.sum / n : Double.NaN;
        r.forEach(x -> s.ss += (x - mean) * (x - mean));
        double sd = n > 1 ? Math.sqrt(s.ss / (n - 1)) : Double.NaN;
        c.forEach(v -> {
            if (!s.started) {
                s.started = true;
                s.first = v;
                s.peak = v;
            }
            s.peak = Math.max(s.peak, v);
            s.maxDd = Math.max(s.maxDd, 1 - v / s.peak);
            s.last = v;
        });
        double maxDd = s.maxDd;
        double growth = s.last / s.first;
        double rootPpy = Math.sqrt(ppy);
        double cagr = n > 0 ? Math.pow(growth, ppy / n) - 1 : Double.NaN;
        return new ReturnMetrics(n, growth - 1, cagr, sd * rootPpy, mean / sd * rootPpy,
                n > 0 ? mean / Math.sqrt(s.down / n) * rootPpy : Double.NaN, maxDd, cagr / maxDd);
    }
}
