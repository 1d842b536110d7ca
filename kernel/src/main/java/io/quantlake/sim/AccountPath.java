package io.quantlake.sim;

import java.util.Arrays;

/**
 * The account's state after each bar where it changed — cash and every symbol's net quantity
 * {@code q_i} (long lot plus short lot, §3) — from which the equity rows of every bar follow:
 * between two recorded bars only the closes move. {@link #rows()} computes them with
 * {@link Account#mark}'s arithmetic ({@link RowValue#lanes}, equity
 * {@code C + net}, the last known close where a bar is missing, R9), so the rows are the doubles
 * the bar loop writes.
 */
final class AccountPath {
    private final double capital;
    private final int n;
    private final int bars;
    /** The panel's closes {@code close[t * n + i]} (shared, read-only). */
    private final double[] close;
    private int[] bar;
    private double[] cash;
    private double[] qty;
    private int count;

    AccountPath(double capital, int n, int bars, double[] close) {
        this.capital = capital;
        this.n = n;
        this.bars = bars;
        this.close = close;
        // room for 1,024 records of one symbol (fewer with more symbols: about 512 KB of quantities at most)
        int records = Math.max(16, Math.min(1024, 65_536 / Math.max(1, n)));
        this.bar = new int[records];
        this.cash = new double[records];
        this.qty = new double[records * n];
    }

    /** Records {@code a}'s state after bar {@code t}; bars are recorded in increasing order. */
    void record(int t, Account a) {
        if (count == bar.length) {
            bar = Arrays.copyOf(bar, 2 * count);
            cash = Arrays.copyOf(cash, 2 * count);
            qty = Arrays.copyOf(qty, 2 * count * n);
        }
        bar[count] = t;
        cash[count] = a.cash();
        for (int i = 0, k = count * n; i < n; i++, k++) {
            qty[k] = a.net(i);
        }
        count++;
    }

    /**
     * The equity rows of every bar: the recorded state (the initial one before the first) marked at
     * the closes. Where every {@code q_i} is 0 the row is {@code (C, C, 0, 0, 0 / C, false)}, written
     * span by span; the last closes are then caught up where a span with positions starts.
     */
    BacktestResult.Rows rows() {
        EquityRows rows = new EquityRows(bars);
        double[] last = new double[n];
        Arrays.fill(last, Double.NaN);
        double[] q = new double[n];
        double c = capital;
        boolean flat = true;
        int lastFrom = 0; // last[] holds the last closes before bar lastFrom
        int next = 0;
        for (int t = 0; t < bars; ) {
            int end = next < count ? bar[next] : bars;
            if (flat) {
                Arrays.fill(rows.equity, t, end, c);
                Arrays.fill(rows.cash, t, end, c);
                Arrays.fill(rows.leverage, t, end, 0.0 / c);
            } else {
                SimState.takeCloses(close, n, lastFrom, t, last);
                boolean shorts = false;
                for (double qi : q) {
                    shorts |= qi < 0;
                }
                for (; t < end; t++) {
                    for (int i = 0, row = t * n; i < n; i++) {
                        double x = close[row + i];
                        last[i] = x == x ? x : last[i];
                    }
                    double nx = RowValue.lanes(q, last, 0, false, false);
                    double g = shorts ? RowValue.lanes(q, last, 0, false, true) : nx;
                    rows.write(t, c + nx, c, g, nx, true);
                }
                lastFrom = end;
            }
            t = end;
            if (next < count) {
                c = cash[next];
                System.arraycopy(qty, next * n, q, 0, n);
                flat = true;
                for (int i = 0; i < n; i++) {
                    flat &= q[i] == 0;
                }
                next++;
            }
        }
        return new BacktestResult.Rows(rows.equity, rows.cash, rows.gross, rows.net, rows.leverage, rows.invested);
    }
}
