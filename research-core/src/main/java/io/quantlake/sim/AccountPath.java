package io.quantlake.sim;

import java.util.Arrays;

/**
 * The account's state after each bar where it changed — cash and every symbol's net quantity
 * {@code q_i} (long lot plus short lot, §3) — from which the equity rows of every bar follow:
 * between two recorded bars only the closes move. {@link #rows()} computes them with
 * {@link Account#markAndUpdate}'s arithmetic (the same sums in universe order, the last known
 * close where a bar is missing, R9), so the rows are the doubles the bar loop writes.
 */
final class AccountPath {
    private final double capital;
    private final int n;
    private final int bars;
    /** The panel's closes {@code close[t * n + i]} (shared, read-only). */
    private final double[] close;
    private int[] bar = new int[16];
    private double[] cash = new double[16];
    private double[] qty;
    private int count;

    AccountPath(double capital, int n, int bars, double[] close) {
        this.capital = capital;
        this.n = n;
        this.bars = bars;
        this.close = close;
        this.qty = new double[16 * n];
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

    /** The equity rows of every bar: the recorded state (the initial one before the first) marked at the closes. */
    BacktestResult.Rows rows() {
        double[] equity = new double[bars];
        double[] cashRow = new double[bars];
        double[] gross = new double[bars];
        double[] net = new double[bars];
        double[] leverage = new double[bars];
        boolean[] invested = new boolean[bars];
        double[] last = new double[n];
        Arrays.fill(last, Double.NaN);
        double[] q = new double[n];
        double c = capital;
        int next = 0;
        for (int t = 0; t < bars; t++) {
            if (next < count && bar[next] == t) {
                c = cash[next];
                System.arraycopy(qty, next * n, q, 0, n);
                next++;
            }
            double e = c;
            double g = 0;
            double nx = 0;
            boolean any = false;
            for (int i = 0, row = t * n; i < n; i++) {
                double x = close[row + i];
                double p = x == x ? x : last[i];
                last[i] = p;
                double qi = q[i];
                if (qi != 0) {
                    double v = qi * p;
                    e += v;
                    g += Math.abs(qi) * p;
                    nx += v;
                    any = true;
                }
            }
            equity[t] = e;
            cashRow[t] = c;
            gross[t] = g;
            net[t] = nx;
            leverage[t] = g / e;
            invested[t] = any;
        }
        return new BacktestResult.Rows(equity, cashRow, gross, net, leverage, invested);
    }
}
