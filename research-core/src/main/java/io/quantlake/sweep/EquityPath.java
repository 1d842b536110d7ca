package io.quantlake.sweep;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.sim.BacktestResult;
import java.util.Arrays;

/**
 * A backtest reduced to what window metrics need, one value per grid bar: equity (at the bar's
 * close), leverage, whether any position is open, traded notional {@code Σ |qty|·price} of the
 * bar's trade rows (FUNDING rows excluded) and the bar's fees.
 */
public record EquityPath(double periodsPerYear, double[] equity, double[] leverage, boolean[] invested,
                         double[] traded, double[] fees) {
    /** The path of {@code result}; ledger rows are assigned to their bar by time. */
    public static EquityPath of(BacktestResult result) {
        int bars = result.bars();
        double[] traded = new double[bars];
        double[] fees = new double[bars];
        Ledger l = result.ledger();
        for (int k = 0; k < l.size(); k++) {
            int t = Arrays.binarySearch(result.times(), l.time(k));
            if (t < 0) {
                throw new IllegalStateException("ledger row " + k + " at " + l.time(k) + " is not on the backtest's grid");
            }
            fees[t] += l.fee(k);
            if (l.type(k) != TradeEventType.FUNDING) {
                traded[t] += Math.abs(l.qty(k)) * l.price(k);
            }
        }
        return new EquityPath(result.interval().periodsPerYear(), result.equity(), result.leverage(),
                result.invested(), traded, fees);
    }

    /** The returns {@code r_t = E_t / E_{t−1} − 1} of bars 1..T−1 (T−1 values). */
    public double[] returns() {
        double[] r = new double[Math.max(0, equity.length - 1)];
        for (int t = 1; t < equity.length; t++) {
            r[t - 1] = equity[t] / equity[t - 1] - 1;
        }
        return r;
    }
}
