package io.quantlake.sim;

/**
 * The equity rows of one run as the bar loop writes them (§12.2's last step, R28): per grid bar the
 * equity {@code E_t}, cash {@code C_t}, gross and net exposure, leverage {@code G_t / E_t} and
 * whether any net quantity is non-zero, all as of the bar's close.
 */
final class EquityRows {
    final double[] equity;
    final double[] cash;
    final double[] gross;
    final double[] net;
    final double[] leverage;
    final boolean[] invested;

    EquityRows(int bars) {
        this.equity = new double[bars];
        this.cash = new double[bars];
        this.gross = new double[bars];
        this.net = new double[bars];
        this.leverage = new double[bars];
        this.invested = new boolean[bars];
    }

    /** Writes bar {@code t}'s row: equity {@code e}, cash {@code c}, gross {@code g}, net exposure {@code x}, any position {@code any}. */
    void write(int t, double e, double c, double g, double x, boolean any) {
        equity[t] = e;
        cash[t] = c;
        gross[t] = g;
        net[t] = x;
        leverage[t] = g / e;
        invested[t] = any;
    }
}
