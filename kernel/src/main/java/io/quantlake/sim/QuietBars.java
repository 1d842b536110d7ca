package io.quantlake.sim;

/**
 * Fast path of the bar loop ({@link BarLoop}) for a spot weight run without circuit breaker or
 * delistings. Two consecutive quiet bars — both complete rows (every symbol has a bar), no net
 * short, no pending order and no decision at either — have nothing to do at steps 1–5 of §12.2:
 * {@link #markPair} marks both in one pass over the net quantities ({@link RowValue#lanesTwoRows}),
 * each row with its own sums in the same order as {@link Account#mark}, so the same doubles. And
 * when orders are pending for the next bar's open, {@link #markWithNextOpen} sums that open row
 * with this bar's closes in the same pass; {@link WeightExecutor#execute} takes it as its
 * {@code E'} ({@link #openValue}) when no fill has changed the quantities in between.
 *
 * <p>Without this class (the plain path) every bar runs every step; the results are the same bits
 * ({@code QuietBarsTest}).
 */
final class QuietBars {
    private final SimState s;
    private final Account account;
    private final WeightExecutor weights;
    private final double[] pair = new double[2];
    /** {@link #markWithNextOpen}: the bar whose open it summed (-1 = none), the sum and the ledger's row count then. */
    private int presetBar = -1;
    private double presetValue;
    private int presetRows;

    private QuietBars(SimState s, WeightExecutor weights) {
        this.s = s;
        this.account = s.account;
        this.weights = weights;
    }

    /** The fast path for a run of {@code s} with these executors, null where it does not apply. */
    static QuietBars of(SimState s, WeightExecutor weights, SignalExecutor signals) {
        boolean applies = weights != null && signals == null && s.spot && s.config.circuitBreaker() == null
                && s.delisting.length == 0;
        return applies ? new QuietBars(s, weights) : null;
    }

    /**
     * Whether bars {@code t} and {@code t + 1} are quiet; if so, their closes are taken (R9) and their
     * equity rows written, and the loop goes on at {@code t + 2}.
     */
    boolean markPair(int t, EquityRows rows) {
        if (!completePair(t) || weights.pendingOrders() || weights.decisionAt(t) || weights.decisionAt(t + 1)) {
            return false;
        }
        int n = s.n;
        RowValue.lanesTwoRows(account.netQuantities(), s.close, t * n, s.close, (t + 1) * n, pair);
        s.takeCloses(t + 1);
        double c = account.cash();
        boolean any = account.anyNet();
        rows.write(t, c + pair[0], c, pair[0], pair[0], any);
        rows.write(t + 1, c + pair[1], c, pair[1], pair[1], any);
        return true;
    }

    /**
     * Step 6 at bar {@code t} when orders are pending for the open of {@code t + 1} ({@code next_open})
     * and both rows are complete: marks the account at {@code t}'s closes and sums the same quantities
     * at {@code t + 1}'s opens in one pass. False (nothing done) otherwise.
     */
    boolean markWithNextOpen(int t) {
        if (s.atClose || !weights.pendingOrders() || !completePair(t)) {
            return false;
        }
        int n = s.n;
        RowValue.lanesTwoRows(account.netQuantities(), s.close, t * n, s.open, (t + 1) * n, pair);
        account.markNet(pair[0]);
        presetBar = t + 1;
        presetValue = pair[1];
        presetRows = account.ledger().size();
        return true;
    }

    /** {@code Σ q_i open_i} of bar {@code t} as {@link #markWithNextOpen} summed it, if still valid; else NaN. */
    double openValue(int t) {
        return presetBar == t && presetRows == account.ledger().size() ? presetValue : Double.NaN;
    }

    /** Whether bars {@code t} and {@code t + 1} exist and are complete rows, and no symbol is net short. */
    private boolean completePair(int t) {
        return t + 1 < s.bars && account.noShorts() && s.panel.complete(t) && s.panel.complete(t + 1);
    }
}
