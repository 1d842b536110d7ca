package io.quantlake.strategy.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.LedgerReplay;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.panel.Panel;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.SimConfig;

/** Accounting checks of a pair-trading run: the ledger replays and the equity identity holds at every bar. */
final class PairChecks {
    private PairChecks() {
    }

    /**
     * Replays the ledger ({@link LedgerReplay} checks every row's cash flow and position) and checks, at every bar,
     * {@code E_t = C_t + sum_i q_i last_close_i} from the rows up to {@code t} and the final lots.
     */
    static void booksBalance(Panel p, SimConfig c, BacktestResult r) {
        Ledger l = r.ledger();
        int n = p.symbolCount();
        double[] q = new double[n];
        double[] last = new double[n];
        double cash = c.capital();
        int k = 0;
        for (int t = 0; t < p.bars(); t++) {
            while (k < l.size() && l.time(k) == p.times()[t]) {
                if (l.type(k) != TradeEventType.FUNDING) {
                    q[l.symbolIndex(k)] += l.qty(k);
                }
                cash += l.cashFlow(k);
                k++;
            }
            double e = cash;
            for (int i = 0; i < n; i++) {
                double close = p.close()[p.at(t, i)];
                if (!Double.isNaN(close)) {
                    last[i] = close;
                }
                e += q[i] == 0 ? 0 : q[i] * last[i];
            }
            double tol = 1e-8 * Math.max(1, Math.abs(r.equity()[t]));
            assertEquals(e, r.equity()[t], tol, "equity identity at bar " + t);
            assertEquals(cash, r.cash()[t], tol, "cash at bar " + t);
        }
        assertEquals(l.size(), k, "every ledger row falls on a grid bar");
        LedgerReplay.State s = LedgerReplay.replay(l, c.capital());
        assertEquals(r.cash()[p.bars() - 1], s.cash(), 1e-8 * Math.max(1, Math.abs(s.cash())));
        for (int i = 0; i < n; i++) {
            assertEquals(q[i], s.net(i), 1e-9 * Math.max(1, Math.abs(q[i])), "final position of " + p.symbols()[i]);
        }
    }
}
