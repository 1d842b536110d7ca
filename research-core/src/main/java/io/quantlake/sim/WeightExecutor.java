package io.quantlake.sim;

import io.quantlake.exit.RebalanceExitStrategy;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.strategy.TargetWeights;

/**
 * The vectorized path (SIMULATION.md §5, R8–R14): keeps the pending target weights of the last
 * decision and executes them at each execution step. All scratch arrays are allocated once; the
 * per-bar work is flat loops over primitive arrays.
 */
final class WeightExecutor {
    private final SimState s;
    private final TargetWeights targets;
    /** The recorded targets: the input matrix itself until R6/R7 forcing changes a cell (copy on write). */
    private double[] recorded;
    private final boolean[] recordedDecision;
    private final double band;
    private final boolean bandEdge;
    private final double[] pendingW;
    private final boolean[] pending;
    private final boolean[] trade;
    /** Scratch: the symbols considered at one execution step, ascending. */
    private final int[] candidates;
    private final double[] tw;
    private final double[] dq;
    private final DecisionHook hook;
    /** The reason override of each pending order (null = ordinary rows); set only by a hook. */
    private final Reason[] pendingReason;
    private final double[] cw;
    private int pendingCount;

    WeightExecutor(SimState s, TargetWeights targets) {
        this(s, targets, null);
    }

    /** With a {@link DecisionHook} called at each decision (null = none). */
    WeightExecutor(SimState s, TargetWeights targets, DecisionHook hook) {
        if (targets.bars() != s.bars || targets.symbols() != s.n) {
            throw new IllegalArgumentException("target weights are " + targets.bars() + " bars × " + targets.symbols()
                    + " symbols but the panel is " + s.bars + " × " + s.n);
        }
        this.s = s;
        this.targets = targets;
        this.band = targets.band();
        this.bandEdge = s.config.rebalanceMode() == RebalanceMode.BAND_EDGE;
        this.recorded = targets.weights();
        this.recordedDecision = new boolean[s.bars];
        this.pendingW = new double[s.n];
        this.pending = new boolean[s.n];
        this.trade = new boolean[s.n];
        this.candidates = new int[s.n];
        this.tw = new double[s.n];
        this.dq = new double[s.n];
        this.hook = hook;
        this.pendingReason = new Reason[s.n];
        this.cw = new double[s.n];
    }

    /** Whether a {@link DecisionHook} adjusts the decisions (it reads the last closes). */
    boolean hasHook() {
        return hook != null;
    }

    /** The targets as decided, after the 0-forcing of R6/R7 (targets.csv, R25). */
    TargetWeights recordedTargets() {
        return new TargetWeights(s.bars, s.n, recordedDecision, recorded, band, targets.threshold());
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
        int count = 0;
        int[] from = s.existsFrom;
        int[] to = s.existsTo;
        for (int i = 0; i < n; i++) {
            double raw = w[row + i];
            double v = raw;
            if (t < from[i] || t >= to[i]) {
                v = 0.0;
                if (Double.doubleToRawLongBits(raw) != 0L) {
                    record(row + i, v);
                }
            }
            boolean p = v == v;
            pending[i] = p;
            pendingW[i] = v;
            if (p) {
                count++;
            }
        }
        pendingCount = count;
        if (hook != null) {
            applyHook(t);
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
        double e = a.equity(s.lastClose);
        for (int i = 0; i < n; i++) {
            double q = a.net(i);
            cw[i] = q != 0 && e > 0 ? q * s.lastClose[i] / e : 0.0;
            pendingReason[i] = null;
        }
        hook.adjust(t, pendingW, cw, pendingReason);
        pendingCount = 0;
        for (int i = 0; i < n; i++) {
            if (!s.exists(t, i)) {
                pendingW[i] = 0.0;
                pendingReason[i] = null;
            }
            pending[i] = !Double.isNaN(pendingW[i]);
            if (pending[i]) {
                pendingCount++;
            }
        }
    }

    /** Drops the pending order of symbol {@code i} (delisting, R6). */
    void dropPending(int i) {
        if (pending[i]) {
            pending[i] = false;
            pendingCount--;
        }
    }

    /** Drops every pending order (circuit breaker). */
    void dropPending() {
        java.util.Arrays.fill(pending, false);
        pendingCount = 0;
    }

    /**
     * Executes the pending orders of symbols with a bar at {@code t} (others are carried, R8), at
     * the open or at the close of {@code t}. Order of work (R10): E' once; band per symbol (or the
     * threshold rule); leverage cap (usdm, R11); cooldown refusal (§9); sells in universe order;
     * spot cash scaling of the buys (R12); buys in universe order.
     */
    void execute(int t, boolean useClose) {
        if (pendingCount == 0) {
            return;
        }
        int n = s.n;
        Account a = s.account;
        double[] lots = a.lots();
        double[] px = s.px;
        double[] close = s.close;
        double[] src = useClose ? close : s.open;
        double[] last = s.lastClose;
        int row = t * n;
        // Execution prices and E' = C + Σ q_i px_i in one pass (the sum in universe order, as Account.equity).
        double e = a.cash();
        for (int i = 0; i < n; i++) {
            double c = close[row + i];
            double p = c != c ? last[i] : src[row + i];
            px[i] = p;
            double q = lots[2 * i] + lots[2 * i + 1];
            if (q != 0) {
                e += q * p;
            }
        }
        boolean delistings = s.delisting.length > 0;
        boolean positive = e > 0;
        boolean threshold = targets.threshold();
        boolean spot = s.spot;
        boolean edge = bandEdge && band != 0;
        double b = band;
        boolean[] pend = pending;
        double[] pw = pendingW;
        int nc = 0;
        int executed = 0;
        boolean anyOver = false;
        for (int i = 0; i < n; i++) {
            if (!pend[i] || close[row + i] != close[row + i]) {
                continue;
            }
            pend[i] = false;
            executed++;
            if ((delistings && s.delisted(t, i)) || !positive) {
                continue;
            }
            double w = spot && pw[i] < 0 ? 0.0 : pw[i];
            double cw = (lots[2 * i] + lots[2 * i + 1]) * px[i] / e;
            boolean over = Math.abs(w - cw) >= b;
            anyOver |= over;
            trade[i] = over;
            if (over || threshold) {
                candidates[nc++] = i; // per-symbol band: only the symbols that trade
            }
            double target = !edge ? w : (cw > w ? w + b : w - b);
            tw[i] = spot && target < 0 ? 0 : target;
        }
        pendingCount -= executed;
        if (nc == 0) {
            return;
        }
        int nt = nc;
        if (threshold) {
            // §5 threshold schedule: when any candidate is outside its band, every candidate trades to its target.
            for (int k = 0; k < nc; k++) {
                int i = candidates[k];
                trade[i] = anyOver;
                tw[i] = s.spot && pendingW[i] < 0 ? 0.0 : pendingW[i];
            }
            nt = anyOver ? nc : 0;
        }
        if (nt > 0) {
            placeOrders(t, e, nt);
            for (int k = 0; k < nt; k++) {
                trade[candidates[k]] = false;
            }
        }
    }

    /**
     * The orders of the {@code nt} symbols in {@code candidates[0, nt)} (ascending, each with
     * {@code trade[i]} set): leverage cap, cooldown refusal, sells, spot cash scaling, buys.
     */
    private void placeOrders(int t, double e, int nt) {
        Account a = s.account;
        double[] px = s.px;
        double f = s.spot ? 1.0 : leverageFactor(e);
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
        for (int k = 0; k < nt; k++) {
            int i = candidates[k];
            if (dq[i] < 0) {
                trade(t, i, s.filter(i, dq[i], px[i], e));
            }
        }
        double scale = 1.0;
        if (s.spot) {
            double cost = 0;
            for (int k = 0; k < nt; k++) {
                int i = candidates[k];
                if (dq[i] > 0) {
                    double fp = a.marketPrice(px[i], dq[i]);
                    cost += dq[i] * fp + a.takerRate() * dq[i] * fp;
                }
            }
            double c = a.cash();
            scale = cost > c ? (c > 0 ? c / cost : 0.0) : 1.0;
        }
        for (int k = 0; k < nt; k++) {
            int i = candidates[k];
            if (dq[i] > 0) {
                trade(t, i, s.filter(i, dq[i] * scale, px[i], e));
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
        if (q != 0 && q * after < 0) {
            int from = q > 0 ? 2 * i : 2 * i + 1;
            a.fill(t, from, -q, fp, a.takerRate(), TradeEventType.OPEN, TradeEventType.REBALANCE, TradeEventType.CLOSE,
                    RebalanceExitStrategy.reason());
            a.fill(t, from ^ 1, after, fp, a.takerRate(), TradeEventType.OPEN, TradeEventType.REBALANCE,
                    TradeEventType.CLOSE, RebalanceExitStrategy.reason());
            return;
        }
        int slot = q > 0 || (q == 0 && dq > 0) ? 2 * i : 2 * i + 1;
        double lotAfter = a.lot(slot) + dq;
        if (override != null && q != 0 && Math.abs(after) < Math.abs(q)) {
            // DecisionHook: the risk manager reduced an existing position.
            TradeEventType type = lotAfter == 0 ? TradeEventType.CLOSE : TradeEventType.PARTIAL_CLOSE;
            a.fill(t, slot, dq, fp, a.takerRate(), type, type, type, override);
            return;
        }
        TradeEventType type = q == 0 ? TradeEventType.OPEN : RebalanceExitStrategy.typeFor(lotAfter);
        a.fill(t, slot, dq, fp, a.takerRate(), type, type, type, RebalanceExitStrategy.reason());
    }

    /** An order of the hedge overlay: every row type HEDGE, reason hedge; a sign flip is two rows. */
    private void hedge(int t, int i, double q, double after, double fp) {
        Account a = s.account;
        TradeEventType h = TradeEventType.HEDGE;
        if (q != 0 && q * after < 0) {
            int from = q > 0 ? 2 * i : 2 * i + 1;
            a.fill(t, from, -q, fp, a.takerRate(), h, h, h, Reason.HEDGE);
            a.fill(t, from ^ 1, after, fp, a.takerRate(), h, h, h, Reason.HEDGE);
            return;
        }
        int slot = q > 0 || (q == 0 && after > q) ? 2 * i : 2 * i + 1;
        a.fill(t, slot, after - q, fp, a.takerRate(), h, h, h, Reason.HEDGE);
    }
}
