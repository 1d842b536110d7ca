package io.quantlake.ledger;

/**
 * Rebuilds lots and cash from the initial capital by replaying a {@link Ledger}, and checks every
 * row against the replay: a trade row's cash flow must equal {@code -qty * price - fee} and its
 * {@code position_after} the replayed lot (the slot of the row's side); a FUNDING row must have
 * qty 0 and {@code position_after} equal to the replayed net quantity. A mismatch beyond
 * {@code 1e-9} relative is an {@link IllegalStateException} naming the row.
 */
public final class LedgerReplay {
    private LedgerReplay() {
    }

    /**
     * The replayed state.
     *
     * @param cash     cash after the last row
     * @param longQty  per universe symbol, the long lot's quantity (&gt;= 0)
     * @param shortQty per universe symbol, the short lot's quantity (&lt;= 0)
     */
    public record State(double cash, double[] longQty, double[] shortQty) {
        /** Net quantity of symbol {@code i}: long lot plus short lot. */
        public double net(int i) {
            return longQty[i] + shortQty[i];
        }
    }

    /** Replays {@code ledger} from {@code initialCapital}; see the class comment for the checks. */
    public static State replay(Ledger ledger, double initialCapital) {
        int n = ledger.symbols().length;
        double[] lq = new double[n];
        double[] sq = new double[n];
        double cash = initialCapital;
        for (int k = 0; k < ledger.size(); k++) {
            int i = ledger.symbolIndex(k);
            double q = ledger.qty(k);
            if (ledger.type(k) == TradeEventType.FUNDING) {
                if (q != 0) {
                    throw mismatch(ledger, k, "qty of a FUNDING row", 0, q);
                }
                check(ledger, k, "position_after (net)", lq[i] + sq[i], ledger.positionAfter(k));
            } else {
                double expectedFlow = -q * ledger.price(k) - ledger.fee(k);
                check(ledger, k, "cash_flow", expectedFlow, ledger.cashFlow(k));
                double[] lot = ledger.side(k) == PositionSide.LONG ? lq : sq;
                lot[i] += q;
                if (Math.abs(lot[i]) <= 1e-12 * Math.abs(q) || ledger.positionAfter(k) == 0) {
                    check(ledger, k, "position_after", lot[i], ledger.positionAfter(k));
                    lot[i] = ledger.positionAfter(k);
                } else {
                    check(ledger, k, "position_after", lot[i], ledger.positionAfter(k));
                }
            }
            cash += ledger.cashFlow(k);
        }
        return new State(cash, lq, sq);
    }

    private static void check(Ledger ledger, int k, String what, double expected, double actual) {
        double tol = 1e-9 * Math.max(1.0, Math.max(Math.abs(expected), Math.abs(actual)));
        if (!(Math.abs(expected - actual) <= tol)) {
            throw mismatch(ledger, k, what, expected, actual);
        }
    }

    private static IllegalStateException mismatch(Ledger ledger, int k, String what, double expected, double actual) {
        return new IllegalStateException("ledger row " + k + " (" + ledger.symbol(k) + " " + ledger.type(k) + " at "
                + ledger.time(k) + "): " + what + " replays to " + expected + " but the row says " + actual);
    }
}
