package io.quantlake.sim;

import io.quantlake.ledger.Ledger;
import io.quantlake.market.Interval;
import io.quantlake.strategy.TargetWeights;
import java.util.Objects;

/**
 * The outcome of one backtest: one equity row per grid bar (values as of the bar's close, after
 * a liquidation), the ledger and the recorded targets.
 *
 * @param interval the bar interval
 * @param times    bar open times, UTC epoch ms (the panel's array, shared: read-only)
 * @param symbols  the universe in order
 * @param capital  initial cash
 * @param equity   {@code E_t = C_t + Σ q_i close_i,t} (last known close where missing)
 * @param cash     {@code C_t}
 * @param gross    {@code G_t = Σ |q_i| close_i,t}
 * @param net      {@code Σ q_i close_i,t}
 * @param leverage {@code G_t / E_t}
 * @param invested whether any net quantity {@code q_i} is non-zero after bar {@code t} (R28)
 * @param ledger   every position or cash change
 * @param targets  weight path: the decided targets after R6/R7 forcing; other paths: no decision (an all-NaN
 *                 matrix shared by runs of one shape; read-only)
 */
public record BacktestResult(Interval interval, long[] times, String[] symbols, double capital, double[] equity,
                             double[] cash, double[] gross, double[] net, double[] leverage, boolean[] invested,
                             Ledger ledger, TargetWeights targets) {
    public BacktestResult {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(targets, "targets");
        int t = times.length;
        if (equity.length != t || cash.length != t || gross.length != t || net.length != t || leverage.length != t
                || invested.length != t) {
            throw new IllegalArgumentException("equity columns must have one value per bar (" + t + ")");
        }
    }

    public int bars() {
        return times.length;
    }

    /** Equity after the last bar. */
    public double finalEquity() {
        return equity[equity.length - 1];
    }
}
