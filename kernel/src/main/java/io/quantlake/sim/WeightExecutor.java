package io.quantlake.sim;

import io.quantlake.exit.RebalanceExitStrategy;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.strategy.TargetWeights;

/**
 * The vectorized path (SIMULATION.md §5, R8–R14): keeps the pending target weights of the last
 * decision ({@link #decide}, step 5 of §12.2) and executes them at each execution step
 * ({@link #execute}, step 1, or step 5 with {@code execution.price: close}): {@code E'} once, the
 * band per order, the leverage cap, sells, the spot cash rule, buys. All scratch arrays are
 * allocated once; the per-bar work is flat loops over primitive arrays. At a complete row the
 * band step may first run {@link BandPrefilter}, a fast pass that skips the orders surely inside
 * their band.
 */
final class WeightExecutor {
    private final SimState s;
    /** The targets of the current panel (a block run: of the current block, {@link #nextBlock}). */
    private TargetWeights targets;
    /** The recorded targets: the input matrix itself until R6/R7 forcing changes a cell (copy on write). */
    private double[] recorded;
    private boolean[] recordedDecision;
    private final double band;
    /** {@code rebalance.to: band_edge} with a non-zero band (the threshold rule trades to the targets). */
    private final boolean edge;
    private final boolean threshold;
    private final boolean spot;
    /** Whether any symbol has a delisting bar (R6). */
    private final boolean delistings;
    /** The account's net quantities (read-only here). */
    private final double[] q;
    /** The pending target weight of each symbol; NaN = no pending order. Meaningful only while {@link #anyPending}. */
    private final double[] pendingW;
    /** Whether any order may be pending (false: {@link #execute} has nothing to do). */
    private boolean anyPending;
    /** Every symbol exists at the bars {@code [allExistFrom, allExistTo)} (no R6/R7 forcing there). */
    private int allExistFrom;
    private int allExistTo;
    private final boolean[] trade;
    /** Scratch: the symbols considered at one execution step, ascending; {@code candidateCount} of them. */
    private final int[] candidates;
    private int candidateCount;
    /** Whether a candidate of the current execution step is outside its band. */
    private boolean anyOver;
    /** The band step's fast pass over complete rows; null: every order goes through {@link #bandOrder}. */
    private final BandPrefilter prefilter;
    private final double[] tw;
    private final double[] dq;
    private final DecisionHook hook;
    /** The reason override of each pending order (null = ordinary rows); set only by a hook. */
    private final Reason[] pendingReason;
    private final double[] cw;

    /**
     * With a {@link DecisionHook} called at each decision (null = none); {@code fastPaths}: whether
     * the band step may use {@link BandPrefilter}.
     */
    WeightExecutor(SimState s, TargetWeights targets, DecisionHook hook, boolean fastPaths) {
        this.s = s;
        this.band = s.config.rebalance().band();
        this.threshold = s.config.rebalance().threshold();
        this.edge = s.config.rebalance().toBandEdge();
        this.spot = s.spot;
        this.delistings = s.delisting.length > 0;
        this.q = s.account.netQuantities();
        this.prefilter = fastPaths ? new BandPrefilter(s.n) : null;
        this.pendingW = new double[s.n];
        java.util.Arrays.fill(pendingW, Double.NaN);
        nextBlock(targets);
        this.trade = new boolean[s.n];
        this.candidates = new int[s.n];
        this.tw = new double[s.n];
        this.dq = new double[s.n];
        this.hook = hook;
        this.pendingReason = new Reason[s.n];
        this.cw = new double[s.n];
    }

    /**
     * Takes {@code targets} as the targets of the rows of {@code s}'s current panel: the whole panel, or in a
     * block run the block {@link SimState#point} has just pointed at (pending orders carry over).
     */
    void nextBlock(TargetWeights targets) {
        if (targets.bars() != s.bars || targets.symbols() != s.n) {
            throw new IllegalArgumentException("target weights are " + targets.bars() + " bars × " + targets.symbols()
                    + " symbols but the panel is " + s.bars + " × " + s.n);
        }
        this.targets = targets;
        this.recorded = targets.weights();
        this.recordedDecision = new boolean[s.bars];
        int from = 0;
        int to = Integer.MAX_VALUE;
        for (int i = 0; i < s.n; i++) {
            from = Math.max(from, s.existsFrom[i]);
            to = Math.min(to, s.existsTo[i]);
        }
        this.allExistFrom = from;
        this.allExistTo = to;
    }

    /** The targets as decided, after the 0-forcing of R6/R7 (targets.csv, R25). */
    TargetWeights recordedTargets() {
        return new TargetWeights(s.bars, s.n, recordedDecision, recorded);
    }

    /**
     * Step 5, decision at bar {@code t}: a decision with at least one target replaces every pending
     * order (a NaN target cancels that symbol's order); a symbol that does not exist at {@code t}
     * gets target 0 (R6, R7). A decision whose targets are all NaN changes nothing (R8).
     */
    void decide(int t) {
        if (!targets.decision()[t]) {
            return;
        }
        int n = s.n;
        int row = t * n;
        double[] w = targets.weights();
        int first = 0;
        while (first < n && Double.isNaN(w[row + first])) {
            first++;
        }
        if (first == n) {
            return;
        }
        recordedDecision[t] = true;
        System.arraycopy(w, row, pendingW, 0, n);
        if (t < allExistFrom || t >= allExistTo) {
            forceAbsent(t);
        }
        anyPending = true;
        if (hook != null) {
            applyHook(t);
        }
    }

    /** R6/R7: a symbol that does not exist at decision bar {@code t} gets target 0 (recorded too). */
    private void forceAbsent(int t) {
        int row = t * s.n;
        int[] from = s.existsFrom;
        int[] to = s.existsTo;
        for (int i = 0; i < s.n; i++) {
            if (t < from[i] || t >= to[i]) {
                if (Double.doubleToRawLongBits(pendingW[i]) != 0L) {
                    record(row + i, 0.0);
                }
                pendingW[i] = 0.0;
            }
        }
    }

    /** Writes a forced value into the recorded targets, copying the shared input matrix on the first write. */
    private void record(int k, double v) {
        if (recorded == targets.weights()) {
            recorded = recorded.clone();
        }
        recorded[k] = v;
    }

    /** Lets the hook rewrite the decision; recounts the pending orders (R6/R7 0-forcing kept). */
    private void applyHook(int t) {
        int n = s.n;
        Account a = s.account;
        double e = s.equityAtLastCloses();
        for (int i = 0; i < n; i++) {
            double q = a.net(i);
            cw[i] = q != 0 && e > 0 ? q * s.lastClose(i) / e : 0.0;
            pendingReason[i] = null;
        }
        hook.adjust(t, pendingW, cw, pendingReason);
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (!s.exists(t, i)) {
                pendingW[i] = 0.0;
                pendingReason[i] = null;
            }
            any |= !Double.isNaN(pendingW[i]);
        }
        anyPending = any;
    }

    /** Whether an order may be pending (to execute at the next execution step). */
    boolean pendingOrders() {
        return anyPending;
    }

    /** Whether a decision is scheduled at bar {@code t} (it may still have no target, R8). */
    boolean decisionAt(int t) {
        return targets.decision()[t];
    }

    /** Drops the pending order of symbol {@code i} (delisting, R6). */
    void dropPending(int i) {
        pendingW[i] = Double.NaN;
    }

    /** Drops every pending order (circuit breaker). */
    void dropPending() {
        java.util.Arrays.fill(pendingW, Double.NaN);
        anyPending = false;
    }

    /**
     * Executes the pending orders of symbols with a bar at {@code t} (others are carried, R8), at
     * the open or at the close of {@code t}. Order of work (R10): E' once; band per symbol (or the
     * threshold rule); leverage cap (usdm, R11); cooldown refusal (§9); sells in universe order;
     * spot cash scaling of the buys (R12); buys in universe order. {@code E' = C + Σ q_i p_i} is
     * summed as {@link RowValue#lanes}; {@code value}: that {@code Σ q_i p_i} when the caller has it
     * already, summed the same way ({@link QuietBars#openValue}), else NaN.
     */
    void execute(int t, boolean useClose, double value) {
        if (!anyPending) {
            return;
        }
        s.executionPrices(t, useClose);
        if (value != value) {
            value = RowValue.lanes(q, s.px, 0, s.allListed(t), false);
        }
        double e = s.account.cash() + value;
        bandStep(t, e);
        int nt = thresholdRule();
        if (nt > 0) {
            placeOrders(t, e, nt);
            for (int k = 0; k < nt; k++) {
                trade[candidates[k]] = false;
            }
        }
    }

    /** R10's band step at {@code E' = e}: lists the candidates (symbols outside their band, or with the threshold rule any order). */
    private void bandStep(int t, double e) {
        candidateCount = 0;
        anyOver = false;
        if (prefilter != null && e > 0 && !threshold && s.panel.complete(t)) {
            bandCompleteRow(t, e);
        } else {
            bandEachOrder(t, e);
        }
    }

    /**
     * The number of candidates that trade: all of them, except with the threshold schedule (§5),
     * where every candidate trades to its target when any is outside its band, and none otherwise.
     */
    private int thresholdRule() {
        int nc = candidateCount;
        if (!threshold || nc == 0) {
            return nc;
        }
        for (int k = 0; k < nc; k++) {
            trade[candidates[k]] = anyOver;
        }
        return anyOver ? nc : 0;
    }

    /**
     * The band step, order by order: every pending order of a symbol with a bar at {@code t} is
     * consumed (dropped when {@code E' <= 0}, R13) and goes through {@link #bandOrder}; the others
     * are carried (R8).
     */
    private void bandEachOrder(int t, double e) {
        double[] close = s.close;
        double[] pw = pendingW;
        int row = t * s.n;
        boolean carried = false;
        for (int i = 0; i < s.n; i++) {
            double w = pw[i];
            if (w != w) {
                continue; // no pending order
            }
            if (close[row + i] != close[row + i]) {
                carried = true; // no bar: carried to the symbol's next bar (R8)
                continue;
            }
            pw[i] = Double.NaN;
            if (e > 0) {
                bandOrder(t, i, w, e);
            }
        }
        anyPending = carried;
    }

    /**
     * The band step when every symbol has a bar at {@code t}, {@code E' > 0} and the band is per
     * symbol: every pending order is consumed; only those that {@link BandPrefilter} finds may be
     * outside their band go through {@link #bandOrder} (the others are inside it, and
     * {@link #bandOrder} would drop them).
     */
    private void bandCompleteRow(int t, double e) {
        double[] pw = pendingW;
        int m = prefilter.select(pw, q, s.px, 1 / e, band, spot);
        int[] near = prefilter.selected();
        for (int k = 0; k < m; k++) {
            int c = near[k];
            if (!Double.isNaN(pw[c])) {
                bandOrder(t, c, pw[c], e);
            }
        }
        anyPending = false; // (pendingW is stale now: read only while anyPending, rewritten whole by decide)
    }

    /**
     * The band test of one consumed order with target {@code w} (§5, R10; dropped when the symbol is
     * delisted at {@code t}, R6): {@code |w − cw| >= band} with {@code cw = q p / E'}. A symbol
     * outside its band (with the threshold rule: any symbol with an order) becomes a candidate with
     * its post-band target {@code tw}: {@code w}, or with {@code rebalance.to: band_edge} the nearest
     * edge of the band (R10's reading, §12.10); negative targets are 0 in spot (§12.6).
     */
    private void bandOrder(int t, int i, double w, double e) {
        if (delistings && s.delisted(t, i)) {
            return;
        }
        if (spot && w < 0) {
            w = 0.0;
        }
        double cw = q[i] * s.px[i] / e;
        boolean over = Math.abs(w - cw) >= band;
        if (!over && !threshold) {
            return;
        }
        candidates[candidateCount++] = i;
        anyOver |= over;
        trade[i] = over;
        double target = !edge ? w : (cw > w ? w + band : w - band);
        tw[i] = spot && target < 0 ? 0 : target;
    }

    /**
     * The orders of the {@code nt} symbols in {@code candidates[0, nt)} (ascending, each with
     * {@code trade[i]} set), R10 to R12: the order sizes (leverage cap, cooldown), the sells, the
     * spot cash rule, the buys.
     */
    private void placeOrders(int t, double e, int nt) {
        orderSizes(t, e, nt);
        fillSells(t, e, nt);
        fillBuys(t, e, nt, spot ? cashScale(nt) : 1.0);
    }

    /**
     * {@code dq_i = q*_i − q_i} with {@code q*_i = tw_i · f · E' / p_i} ({@code f} the usdm leverage
     * factor, R11); during a cooldown (§9) an order may only reduce a position.
     */
    private void orderSizes(int t, double e, int nt) {
        Account a = s.account;
        double[] px = s.px;
        double f = spot ? 1.0 : leverageFactor(e);
        boolean blocked = s.entriesBlocked(t);
        for (int k = 0; k < nt; k++) {
            int i = candidates[k];
            double q = a.net(i);
            double qs = tw[i] * f * e / px[i];
            if (blocked && (q == 0 || q * qs < 0 || Math.abs(qs) > Math.abs(q))) {
                qs = q * qs < 0 ? 0 : Math.copySign(Math.min(Math.abs(qs), Math.abs(q)), q);
            }
            dq[i] = qs - q;
        }
    }

    /** The sells ({@code dq < 0}) in universe order, through the order filters (§4, R10). */
    private void fillSells(int t, double e, int nt) {
        for (int k = 0; k < nt; k++) {
            int i = candidates[k];
            if (dq[i] < 0) {
                trade(t, i, s.filter(i, dq[i], s.px[i], e));
            }
        }
    }

    /** R12: the common factor of the spot buys, {@code cash / cost} (0 when cash <= 0) when their cost with taker fees exceeds the cash, else 1. */
    private double cashScale(int nt) {
        Account a = s.account;
        double cost = 0;
        for (int k = 0; k < nt; k++) {
            int i = candidates[k];
            if (dq[i] > 0) {
                double fp = a.marketPrice(s.px[i], dq[i]);
                cost += dq[i] * fp + a.takerRate() * dq[i] * fp;
            }
        }
        double c = a.cash();
        return cost > c ? (c > 0 ? c / cost : 0.0) : 1.0;
    }

    /** The buys ({@code dq > 0}) scaled by {@code scale}, in universe order, through the order filters (§4, R10). */
    private void fillBuys(int t, double e, int nt, double scale) {
        for (int k = 0; k < nt; k++) {
            int i = candidates[k];
            if (dq[i] > 0) {
                trade(t, i, s.filter(i, dq[i] * scale, s.px[i], e));
            }
        }
    }

    /**
     * R11: {@code f = (max_leverage E' − untraded gross) / traded gross}, clamped to [0, 1], when the
     * gross after the orders would exceed {@code max_leverage E'}; else 1. Traded gross uses the
     * post-band targets {@code |tw_i| E'}.
     */
    private double leverageFactor(double e) {
        Account a = s.account;
        double traded = 0;
        double untraded = 0;
        for (int i = 0; i < s.n; i++) {
            if (trade[i]) {
                traded += Math.abs(tw[i] * e);
            } else {
                double q = a.net(i);
                if (q != 0) {
                    untraded += Math.abs(q) * s.px[i];
                }
            }
        }
        double cap = s.config.maxLeverage() * e;
        if (traded + untraded <= cap || traded == 0) {
            return 1.0;
        }
        return Math.max(0.0, Math.min(1.0, (cap - untraded) / traded));
    }

    /** One market order of {@code dq} on symbol {@code i}'s net position; a sign flip is CLOSE then OPEN (R10). */
    private void trade(int t, int i, double dq) {
        if (dq == 0) {
            return;
        }
        Account a = s.account;
        double fp = a.marketPrice(s.px[i], dq);
        double q = a.net(i);
        double after = q + dq;
        Reason override = pendingReason[i];
        if (override == Reason.HEDGE) {
            hedge(t, i, q, after, fp);
            return;
        }
        Reason reason = RebalanceExitStrategy.reason();
        if (q != 0 && q * after < 0) {
            // One lot per symbol on the weight path: the lot on q's side holds all of q.
            int from = q > 0 ? 2 * i : 2 * i + 1;
            a.close(t, from, fp, a.takerRate(), TradeEventType.CLOSE, reason);
            a.open(t, from ^ 1, after, fp, a.takerRate(), TradeEventType.OPEN, reason);
            return;
        }
        int slot = q > 0 || (q == 0 && dq > 0) ? 2 * i : 2 * i + 1;
        double lotAfter = a.lot(slot) + dq;
        if (q == 0) {
            a.open(t, slot, dq, fp, a.takerRate(), TradeEventType.OPEN, reason);
        } else if (lotAfter == 0) {
            a.close(t, slot, fp, a.takerRate(), TradeEventType.CLOSE, override != null ? override : reason);
        } else if (override != null && Math.abs(after) < Math.abs(q)) {
            // DecisionHook: the risk manager reduced an existing position.
            a.adjust(t, slot, dq, fp, a.takerRate(), TradeEventType.PARTIAL_CLOSE, override);
        } else {
            a.adjust(t, slot, dq, fp, a.takerRate(), TradeEventType.REBALANCE, reason);
        }
    }

    /** An order of the hedge overlay: every row type HEDGE, reason hedge; a sign flip is two rows. */
    private void hedge(int t, int i, double q, double after, double fp) {
        Account a = s.account;
        TradeEventType h = TradeEventType.HEDGE;
        if (q != 0 && q * after < 0) {
            int from = q > 0 ? 2 * i : 2 * i + 1;
            a.close(t, from, fp, a.takerRate(), h, Reason.HEDGE);
            a.open(t, from ^ 1, after, fp, a.takerRate(), h, Reason.HEDGE);
            return;
        }
        int slot = q > 0 || (q == 0 && after > q) ? 2 * i : 2 * i + 1;
        double dq = after - q;
        double lot = a.lot(slot);
        if (lot == 0) {
            a.open(t, slot, dq, fp, a.takerRate(), h, Reason.HEDGE);
        } else if (lot + dq == 0) {
            a.close(t, slot, fp, a.takerRate(), h, Reason.HEDGE);
        } else {
            a.adjust(t, slot, dq, fp, a.takerRate(), h, Reason.HEDGE);
        }
    }
}
