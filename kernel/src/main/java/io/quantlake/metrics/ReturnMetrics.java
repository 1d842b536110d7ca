package io.quantlake.metrics;

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

    /**
     * The metrics of equity rows {@code e} (account currency): the curve is {@code e} itself,
     * {@code r_t = e_t / e_{t−1} − 1}. One row: total return and drawdown 0, the rest undefined.
     */
    public static ReturnMetrics ofEquity(double[] e, double ppy) {
        if (e.length == 0) {
            return new ReturnMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN);
        }
        int n = e.length - 1;
        double[] r = new double[n];
        for (int k = 1; k <= n; k++) {
            r[k - 1] = e[k] / e[k - 1] - 1;
        }
        return of(r, n, e, ppy);
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
        return of(r, n, v, ppy);
    }

    /** §10 over the {@code n} returns {@code r[0..n)} and the curve {@code c[0..n]} they are measured on. */
    private static ReturnMetrics of(double[] r, int n, double[] c, double ppy) {
        double sum = 0;
        double down = 0;
        for (int k = 0; k < n; k++) {
            sum += r[k];
            double neg = Math.min(r[k], 0);
            down += neg * neg;
        }
        double mean = n > 0 ? sum / n : Double.NaN;
        double ss = 0;
        for (int k = 0; k < n; k++) {
            ss += (r[k] - mean) * (r[k] - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        double peak = c[0];
        double maxDd = 0;
        for (int k = 0; k <= n; k++) {
            peak = Math.max(peak, c[k]);
            maxDd = Math.max(maxDd, 1 - c[k] / peak);
        }
        double growth = c[n] / c[0];
        double rootPpy = Math.sqrt(ppy);
        double cagr = n > 0 ? Math.pow(growth, ppy / n) - 1 : Double.NaN;
        return new ReturnMetrics(n, growth - 1, cagr, sd * rootPpy, mean / sd * rootPpy,
                n > 0 ? mean / Math.sqrt(down / n) * rootPpy : Double.NaN, maxDd, cagr / maxDd);
    }
}
