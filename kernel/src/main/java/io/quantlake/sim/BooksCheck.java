package io.quantlake.sim;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.LedgerReplay;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.panel.Panel;

/**
 * Checks that a run's books balance: replaying its ledger from the initial capital
 * ({@link LedgerReplay}, which checks every row's cash flow and position) gives, at every bar
 * {@code t}, the recorded cash {@code C_t} and the equity identity
 * {@code E_t = C_t + sum_i q_i * last_close_i} (net quantities from the rows up to {@code t}, each
 * symbol marked at its last close so far), and at the end the final lots. Tolerances are relative:
 * {@code 1e-8} for cash and equity, {@code 1e-9} for quantities.
 */
public final class BooksCheck {
    private BooksCheck() {
    }

    /**
     * Verifies the books of {@code result}, a run over {@code panel} from {@code capital} (quote
     * currency).
     *
     * @throws IllegalStateException naming the bar (or symbol) and both values at the first mismatch
     */
    public static void verify(Panel panel, double capital, BacktestResult result) {
        Ledger l = result.ledger();
        int n = panel.symbolCount();
        double[] q = new double[n];
        double[] last = new double[n];
        double cash = capital;
        int k = 0;
        for (int t = 0; t < panel.bars(); t++) {
            while (k < l.size() && l.time(k) == panel.times()[t]) {
                if (l.type(k) != TradeEventType.FUNDING) {
                    q[l.symbolIndex(k)] += l.qty(k);
                }
                cash += l.cashFlow(k);
                k++;
            }
            double e = cash;
            for (int i = 0; i < n; i++) {
                double close = panel.close()[panel.at(t, i)];
                if (!Double.isNaN(close)) {
                    last[i] = close;
                }
                e += q[i] == 0 ? 0 : q[i] * last[i];
            }
            double tol = 1e-8 * Math.max(1, Math.abs(result.equity()[t]));
            check(e, result.equity()[t], tol, "equity identity at bar " + t);
            check(cash, result.cash()[t], tol, "cash at bar " + t);
        }
        if (k != l.size()) {
            throw new IllegalStateException("ledger row " + k + " (time " + l.time(k) + ") falls on no bar of the panel");
        }
        LedgerReplay.State s = LedgerReplay.replay(l, capital);
        check(s.cash(), result.cash()[panel.bars() - 1], 1e-8 * Math.max(1, Math.abs(s.cash())), "final cash");
        for (int i = 0; i < n; i++) {
            check(q[i], s.net(i), 1e-9 * Math.max(1, Math.abs(q[i])), "final position of " + panel.symbols()[i]);
        }
    }

    private static void check(double expected, double actual, double tolerance, String what) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            throw new IllegalStateException(what + ": expected " + expected + ", recorded " + actual
                    + " (tolerance " + tolerance + ")");
        }
    }
}
