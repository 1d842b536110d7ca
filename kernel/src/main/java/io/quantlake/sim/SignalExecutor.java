package io.quantlake.sim;

import io.quantlake.exit.ExitBar;
import io.quantlake.exit.OpenLot;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signal path (tiers 1 and 2): decisions at each close, pending orders carried to each
 * symbol's next bar (R8), fills with sells before buys in universe order (§4, R10), and the lots'
 * exit chains ({@link LotExits}).
 *
 * <p>Choices the contract leaves open, made here:
 * <ul>
 *   <li>A batch of signals replaces the pending orders of each symbol it names; other symbols'
 *       pending orders stay. Signals for a symbol that does not exist at the decision bar are dropped (§1).</li>
 *   <li>Sizing: a weight {@code w} of an OPEN gives {@code q = w · E_t / fill_price} with {@code E_t}
 *       the decision equity (R19); of a REBALANCE, {@code q* = w · E' / p} with {@code E'} the
 *       execution bar's equity (§5); a REBALANCE by weight at a bar with {@code E' <= 0} is dropped,
 *       as R13 drops weight orders.</li>
 *   <li>Every buy that opens or increases a long lot is cut to the cash at that moment,
 *       {@code q <= C / (fp (1 + taker))} (R19's rule, in both markets: the signal path does not
 *       borrow for longs). A sell that opens or increases a short lot (usdm only; spot drops it)
 *       is cut so that gross exposure stays within {@code max_leverage · E} at execution prices.</li>
 *   <li>OPEN on an open lot adds to it (REBALANCE row) and keeps the lot's exit chain.</li>
 *   <li>Order filters and the dust rule apply to sized orders, not to closing a whole lot.</li>
 * </ul>
 */
final class SignalExecutor {
    /** A signal waiting for its fill; {@code slot} and {@code dir} are fixed once per execution step. */
    private static final class Pending {
        private final Signal signal;
        private final double decisionEquity;
        private int slot;
        private int dir;

        Pending(Signal signal, double decisionEquity) {
            this.signal = signal;
            this.decisionEquity = decisionEquity;
        }

        Signal signal() {
            return signal;
        }

        double decisionEquity() {
            return decisionEquity;
        }
    }

    private final SimState s;
    private final SignalStrategy strategy;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<Pending>> pending = new ArrayList<>();
    private final LotExits exits;
    /** The strategy's view of the current panel (a block run: of the current block, {@link #nextBlock}). */
    private EngineView view;
    private final ExitBar bar = new ExitBar();
    private int pendingSymbols;
    /** Per symbol: the last signal batch ({@link #batch}) that named it. */
    private final int[] seenInBatch;
    /** Number of signal batches so far (one per decision bar). */
    private int batch;
    /** The universe index of the last signal's symbol ({@link #symbolIndex}). */
    private int lastSymbol = -1;

    SignalExecutor(SimState s, SignalStrategy strategy) {
        this.s = s;
        this.strategy = strategy;
        for (int i = 0; i < s.n; i++) {
            index.put(s.panel.symbols()[i], i);
            pending.add(new ArrayList<>());
        }
        this.exits = new LotExits(s);
        this.seenInBatch = new int[s.n];
        this.view = new EngineView(s, this);
    }

    /** Views the rows of {@code s}'s current panel: in a block run, the block {@link SimState#point} has just pointed at. */
    void nextBlock() {
        this.view = new EngineView(s, this);
    }

    /** The strategy's view of the run. */
    EngineView view() {
        return view;
    }

    /** Whether any symbol has a pending order. */
    boolean anyPending() {
        return pendingSymbols > 0;
    }

    boolean hasPending(int i) {
        return !pending.get(i).isEmpty();
    }

    void dropPending(int i) {
        if (hasPending(i)) {
            pending.get(i).clear();
            pendingSymbols--;
        }
    }

    void dropPending() {
        for (int i = 0; i < s.n; i++) {
            dropPending(i);
        }
    }

    /** Step 1: pending conditional exits, then pending signals, at the open of {@code t}. */
    void fillAtOpen(int t) {
        exits.fillPendingAtOpen(t);
        execute(t, false);
    }

    /** Step 2. */
    void exitsInBar(int t) {
        exits.inBar(t);
    }

    /** Step 5: conditional exits, then the strategy's signals (filled now with execution.price: close). */
    void decide(int t) {
        exits.atClose(t);
        double e = s.equityAtLastCloses();
        List<Signal> signals = strategy.generateSignals(view.reset(t, e), view);
        batch++;
        for (int j = 0, count = signals.size(); j < count; j++) {
            Signal sig = signals.get(j);
            int k = symbolIndex(sig.symbol(), t);
            if (!s.panel.exists(t, k)) {
                continue;
            }
            if (seenInBatch[k] != batch) {
                seenInBatch[k] = batch; // the batch's first signal for k replaces k's pending orders
                dropPending(k);
            }
            if (!hasPending(k)) {
                pendingSymbols++;
            }
            pending.get(k).add(new Pending(sig, e));
        }
        if (s.atClose) {
            execute(t, true);
        }
    }

    /**
     * The universe index of {@code symbol}. Strategies mostly name symbols with the panel's own
     * strings in universe order, so the entry after the last one found is tried by identity first.
     */
    private int symbolIndex(String symbol, int t) {
        String[] symbols = s.panel.symbols();
        int hint = lastSymbol + 1 < symbols.length ? lastSymbol + 1 : 0;
        if (hint < symbols.length && symbols[hint] == symbol) {
            lastSymbol = hint;
            return hint;
        }
        Integer k = index.get(symbol);
        if (k == null) {
            throw new IllegalArgumentException("signal for " + symbol + " at bar " + t
                    + ", which is not in the universe " + index.keySet());
        }
        lastSymbol = k;
        return k;
    }

    private void execute(int t, boolean useClose) {
        if (pendingSymbols == 0) {
            return;
        }
        s.executionPrices(t, useClose);
        double e = s.account.equity(s.px);
        // Each order's lot and direction are fixed against the state before the bar's fills (E' once, R10).
        for (int i = 0; i < s.n; i++) {
            if (hasPending(i) && s.hasBar(t, i) && !s.delisted(t, i)) {
                for (Pending p : pending.get(i)) {
                    p.slot = slot(i, p.signal());
                    p.dir = p.slot < 0 ? 0 : direction(i, p.slot, p.signal(), e);
                }
            }
        }
        for (int pass = -1; pass <= 1; pass += 2) {
            for (int i = 0; i < s.n; i++) {
                if (!hasPending(i) || !s.hasBar(t, i) || s.delisted(t, i)) {
                    continue;
                }
                for (Pending p : pending.get(i)) {
                    if (p.dir == pass) {
                        execute(t, i, p.slot, p, e, useClose);
                    }
                }
            }
        }
        for (int i = 0; i < s.n; i++) {
            if (hasPending(i) && (s.hasBar(t, i) || s.delisted(t, i))) {
                dropPending(i);
            }
        }
    }

    /** The lot slot a signal acts on, or -1 when it cannot act (no lot to hedge or close, short in spot). */
    private int slot(int i, Signal sig) {
        Account a = s.account;
        int lng = 2 * i;
        int sht = 2 * i + 1;
        if (sig.side() == Signal.Side.HEDGE) {
            if (sig.action() == Signal.Action.CLOSE) {
                return a.isHedge(lng) ? lng : a.isHedge(sht) ? sht : -1;
            }
            boolean l = a.lot(lng) != 0;
            boolean sh = a.lot(sht) != 0;
            int target = l && !sh ? sht : sh && !l ? lng : -1;
            return target == sht && s.spot ? -1 : target;
        }
        int slot = sig.side() == Signal.Side.LONG ? lng : sht;
        return slot == sht && s.spot ? -1 : slot;
    }

    /** +1 buy, -1 sell, 0 nothing to do. */
    private int direction(int i, int slot, Signal sig, double e) {
        int sign = (slot & 1) == 0 ? 1 : -1;
        double lot = s.account.lot(slot);
        return switch (sig.action()) {
            case OPEN -> sign;
            case CLOSE -> lot == 0 ? 0 : -sign;
            // R13's reading for a weight: with E' <= 0 there is no target to trade to (the order is dropped)
            case REBALANCE -> sig.size() instanceof Signal.Weight && !(e > 0) ? 0
                    : (int) Math.signum(target(i, slot, sig, e) - lot);
        };
    }

    private double target(int i, int slot, Signal sig, double e) {
        int sign = (slot & 1) == 0 ? 1 : -1;
        double v = sig.size() instanceof Signal.Weight w ? w.value() * e / s.px[i] : ((Signal.Quantity) sig.size()).value();
        return sign * v;
    }

    private void execute(int t, int i, int slot, Pending p, double e, boolean useClose) {
        Account a = s.account;
        Signal sig = p.signal();
        int sign = (slot & 1) == 0 ? 1 : -1;
        double lot = a.lot(slot);
        boolean hedge = sig.side() == Signal.Side.HEDGE || a.isHedge(slot);
        double dq;
        switch (sig.action()) {
            case OPEN -> {
                double fp = a.marketPrice(s.px[i], sign);
                double q = sig.size() instanceof Signal.Weight w ? w.value() * p.decisionEquity() / fp
                        : ((Signal.Quantity) sig.size()).value();
                dq = sign * q;
            }
            case CLOSE -> dq = sig.size() instanceof Signal.All ? -lot
                    : -sign * Math.min(((Signal.Quantity) sig.size()).value(), Math.abs(lot));
            case REBALANCE -> dq = target(i, slot, sig, e) - lot;
            default -> throw new IllegalStateException("unknown action " + sig.action());
        }
        if (dq * p.dir <= 0) {
            return; // an earlier order of the batch already moved the lot past this one's direction
        }
        boolean entry = dq * sign > 0;
        if (entry) {
            if (s.entriesBlocked(t)) {
                return;
            }
            dq = sign * Math.min(Math.abs(dq), entryLimit(i, sign, a.marketPrice(s.px[i], sign)));
        }
        if (!(sig.size() instanceof Signal.All)) {
            dq = s.filter(i, dq, s.px[i], e);
        }
        if (dq == 0 || Double.isNaN(dq)) {
            return;
        }
        double fp = a.marketPrice(s.px[i], dq);
        Reason reason = sig.reason() != null ? sig.reason() : hedge ? Reason.HEDGE
                : sig.action() == Signal.Action.REBALANCE ? Reason.REBALANCE : Reason.SIGNAL;
        if (lot == 0) {
            a.open(t, slot, dq, fp, a.takerRate(), hedge ? TradeEventType.HEDGE : TradeEventType.OPEN, reason);
        } else if (lot + dq == 0) {
            a.close(t, slot, fp, a.takerRate(), hedge ? TradeEventType.HEDGE : TradeEventType.CLOSE, reason);
        } else {
            a.adjust(t, slot, dq, fp, a.takerRate(), hedge ? TradeEventType.HEDGE
                    : sig.action() == Signal.Action.CLOSE ? TradeEventType.PARTIAL_CLOSE : TradeEventType.REBALANCE, reason);
        }
        if (lot == 0) {
            OpenLot opened = sig.exits().isEmpty() ? null
                    : new OpenLot(i, Account.side(slot), sig.exits(), fp, t, !useClose, Math.abs(dq));
            a.setExits(slot, opened, hedge);
            if (opened != null) {
                bar.reset(s.panel, t, i, s.atClose);
                for (int r = 0; r < opened.chain().size(); r++) {
                    opened.chain().get(r).onOpen(r, opened, bar);
                }
            }
        }
    }

    /** The largest entry quantity: the cash rule for buys, the usdm leverage cap for short entries. */
    private double entryLimit(int i, int sign, double fp) {
        Account a = s.account;
        if (sign > 0) {
            double c = a.cash();
            return c > 0 ? c / (fp * (1 + a.takerRate())) : 0;
        }
        double e = a.equity(s.px);
        double others = a.gross(s.px) - Math.abs(a.net(i)) * s.px[i];
        double allowed = s.config.maxLeverage() * e - others;
        return Math.max(0, a.net(i) + allowed / s.px[i]);
    }
}
