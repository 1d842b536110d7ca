package io.quantlake.sweep;

import io.quantlake.metrics.ReturnMetrics;
import java.io.Serializable;

/**
 * Metrics of one window of a backtest (a fold's in-sample or out-of-sample bars, or the whole
 * panel): SIMULATION.md §10's formulas ({@link ReturnMetrics#ofReturns}, the implementation
 * {@link io.quantlake.metrics.Metrics} uses too) applied to the window's returns. With {@code r} the
 * {@code n} returns {@code r_t = E_t / E_{t−1} − 1} of the window's bars (bar 0 has none), in bar
 * order, and the curve {@code V_0 = 1, V_k = V_{k−1} (1 + r_k)} they compound to:
 *
 * <ul>
 *   <li>total return {@code V_n − 1}; CAGR {@code V_n^(ppy/n) − 1}</li>
 *   <li>volatility {@code stdev(r, ddof=1)·√ppy}; Sharpe {@code mean(r)/stdev(r, ddof=1)·√ppy};
 *       Sortino {@code mean(r)/√(mean(min(r,0)²))·√ppy}</li>
 *   <li>max drawdown {@code max_k (1 − V_k / max_{j<=k} V_j)}; Calmar {@code CAGR / max drawdown}</li>
 *   <li>turnover {@code Σ_{trade rows in the window's bars} |qty|·price / mean(E_t over the window's bars) · ppy / n}</li>
 *   <li>fees: Σ ledger fees of the window's bars; mean leverage and time in market: over its bars</li>
 * </ul>
 *
 * For the whole panel these equal {@link io.quantlake.metrics.Metrics} (same returns, same E_0). A
 * window of several segments (a purged k-fold training set) joins its segments' returns. Undefined
 * values are NaN (NULL in Delta).
 *
 * @param returns number of returns {@code n}
 */
public record WindowMetrics(int returns, double totalReturn, double cagr, double volatility, double sharpe,
                            double sortino, double maxDrawdown, double calmar, double turnover, double fees,
                            double meanLeverage, double timeInMarket) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The metrics of {@code window} on {@code path}. */
    public static WindowMetrics of(EquityPath path, BarWindow window) {
        double[] r = new double[window.bars()];
        int n = 0;
        double traded = 0;
        double fees = 0;
        double sumE = 0;
        double sumLev = 0;
        int invested = 0;
        int bars = 0;
        for (int k = 0; k < window.from().length; k++) {
            for (int t = window.from()[k]; t < window.to()[k]; t++) {
                if (t > 0) {
                    r[n++] = path.equity()[t] / path.equity()[t - 1] - 1;
                }
                traded += path.traded()[t];
                fees += path.fees()[t];
                sumE += path.equity()[t];
                sumLev += path.leverage()[t];
                invested += path.invested()[t] ? 1 : 0;
                bars++;
            }
        }
        WindowMetrics m = ofReturns(r, n, path.periodsPerYear());
        double turnover = n > 0 ? traded / (sumE / bars) * path.periodsPerYear() / n : Double.NaN;
        return new WindowMetrics(n, m.totalReturn, m.cagr, m.volatility, m.sharpe, m.sortino, m.maxDrawdown,
                m.calmar, turnover, fees, sumLev / bars, (double) invested / bars);
    }

    /**
     * The return metrics of {@code r[0..n)} ({@link ReturnMetrics#ofReturns}); turnover, fees,
     * leverage and time in market are NaN.
     */
    public static WindowMetrics ofReturns(double[] r, int n, double ppy) {
        ReturnMetrics m = ReturnMetrics.ofReturns(r, n, ppy);
        return new WindowMetrics(n, m.totalReturn(), m.cagr(), m.volatility(), m.sharpe(), m.sortino(),
                m.maxDrawdown(), m.calmar(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
