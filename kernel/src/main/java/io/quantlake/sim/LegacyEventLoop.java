package io.quantlake.sim;

import io.quantlake.exit.ExitStrategy;
import io.quantlake.exit.OpenLot;
import io.quantlake.exit.TPSLExitStrategy;
import io.quantlake.strategy.SeriesLegacyStrategy;
import java.util.Arrays;
import java.util.List;

/**
 * The legacy path ({@link StrategyInput.Legacy} with a {@link SeriesLegacyStrategy}) run from event
 * bar to event bar: {@link Simulator}'s bar loop, minus the bars where provably nothing happens.
 *
 * <p>An event bar runs the bar loop's steps 1–5 with the same code (the {@link BarLoop} step methods);
 * step 5 only where it may act ({@link #decisionAt}: at a
 * bar where only an exit fires, every decider returns null with no side effect). Every other bar
 * is quiet: nothing fills, no exit fires, no symbol is delisted, and every decider returns null
 * with no side effect there, so skipping it
 * leaves the account, the ledger and the warnings exactly as the bar loop does. A bar is an event
 * when any of these holds:
 * <ul>
 *   <li>an order is pending (it may fill at this bar's open or at a later close);</li>
 *   <li>a symbol's decider may return a BUY that would be taken, or have a side effect
 *       ({@link SeriesLegacyStrategy.Decider#nextDecision}; for a symbol held, or with the portfolio
 *       full, only {@link SeriesLegacyStrategy.Decider#nextSideEffect} counts: its BUY would be ignored);</li>
 *   <li>a symbol is delisted at it (R5);</li>
 *   <li>an open lot's exit chain may fire: for a chain of TP/SL rules, the bar's open or low reaches
 *       a {@link TPSLExitStrategy#lowerTrigger} or its open or high an
 *       {@link TPSLExitStrategy#upperTrigger} (R17's conditions, found by a scan of the lot's symbol);
 *       any other chain makes every bar an event while the lot is open;</li>
 *   <li>it is bar 0.</li>
 * </ul>
 * The equity rows are not written per bar: the account's state is recorded at the event bars that
 * change it ({@link AccountPath}) and the rows are computed from it when first read.
 *
 * <p>Applies to spot runs without a circuit breaker: there the per-bar steps that read the
 * equity of every bar (the breaker's checks, usdm funding and liquidation) do not exist.
 */
final class LegacyEventLoop {
    private final SimState s;
    /** The rule steps, run at the event bars. */
    private final BarLoop steps;
    private final SignalExecutor signals;
    private final LegacySignalAdapter adapter;
    private final double[] high;
    private final double[] low;
    /** {@link io.quantlake.panel.Panel#openWithinRange()}: the TP/SL scan then reads the low and the high only. */
    private final boolean openWithinRange;
    /**
     * Per symbol: the next grid bar at which its decider may act, and may have a side effect (for a
     * symbol whose BUYs are ignored); each valid while {@code >= from}, -1 = not known yet.
     */
    private final int[] nextDecision;
    private final int[] nextSideEffect;
    /** The first bar where a decider may act, as {@link #nextEvent} last found it (-1 = none found). */
    private int decisionBar = -1;

    private LegacyEventLoop(SimState s, SignalExecutor signals, LegacySignalAdapter adapter) {
        this.s = s;
        this.steps = new BarLoop(s, null, signals, true);
        this.signals = signals;
        this.adapter = adapter;
        this.high = s.panel.high();
        this.low = s.panel.low();
        this.openWithinRange = s.panel.openWithinRange();
        this.nextDecision = new int[s.n];
        this.nextSideEffect = new int[s.n];
        Arrays.fill(nextDecision, -1);
        Arrays.fill(nextSideEffect, -1);
    }

    /** Whether a legacy run of {@code input}'s strategy under {@code s}'s configuration can run from event to event. */
    static boolean applies(SimState s, StrategyInput.Legacy input) {
        return input.strategy() instanceof SeriesLegacyStrategy && s.spot && s.config.circuitBreaker() == null;
    }

    /** Runs the backtest; {@code signals} drives {@code adapter}. */
    static BacktestResult run(SimState s, SignalExecutor signals, LegacySignalAdapter adapter) {
        return new LegacyEventLoop(s, signals, adapter).loop();
    }

    private BacktestResult loop() {
        Account a = s.account;
        AccountPath path = new AccountPath(s.config.capital(), s.n, s.bars, s.close);
        int rows = 0;
        int t = 0;
        while (t < s.bars) {
            step(t);
            if (a.ledger().size() != rows) {
                rows = a.ledger().size();
                path.record(t, a);
            }
            int next = nextEvent(t + 1);
            if (next < s.bars && !s.panel.complete(next)) {
                // (at a complete bar, step 2 takes every symbol's close before anything reads the last closes)
                s.takeClosesOfSkippedBars(t + 1, next);
            }
            t = next;
        }
        return new BacktestResult(s.panel.interval(), s.times, s.panel.symbols().clone(), s.config.capital(), path,
                a.ledger(), RecordedTargets.none(s.bars, s.n));
    }

    /**
     * Steps 1–5 of the {@link BarLoop} for a spot run of the signal path without a circuit breaker
     * (steps 4 and 6–8 and the breaker do not exist there; the rows come from {@link AccountPath}).
     * Step 5 is left out where it provably does nothing ({@link #decisionAt}).
     */
    private void step(int t) {
        steps.fillAtOpen(t);
        steps.exitsInsideBar(t);
        steps.takeCloses(t);
        steps.delistingCloses(t);
        if (decisionAt(t)) {
            steps.decideAtClose(t);
        }
    }

    /**
     * Whether step 5 at bar {@code t} (after the bar's exits) may do anything: at bar 0, with an
     * order pending (it may fill at this close), with an open lot whose chain has a rule that
     * decides at the close, or when some symbol's decider may act at {@code t} (a BUY that would be
     * taken, or a side effect; whether its BUYs are ignored is judged after the exits, which may
     * have freed a place). Otherwise every decider returns null with no side effect, so the step
     * places nothing and changes nothing (an exit-only event bar).
     */
    private boolean decisionAt(int t) {
        if (t == 0 || t == decisionBar || signals.anyPending()) {
            return true; // (a decider found acting at t before the exits still acts: exits only free places)
        }
        Account a = s.account;
        if (a.exitLots() > 0) {
            for (int slot = 0; slot < 2 * s.n; slot++) {
                OpenLot lot = a.exits(slot);
                if (lot != null && lot.hasCloseRule()) {
                    return true;
                }
            }
        }
        return firstDecision(t, s.bars) == t;
    }

    /** The first event bar {@code >= from} ({@code s.bars} when none is left). */
    private int nextEvent(int from) {
        decisionBar = -1;
        if (from >= s.bars || signals.anyPending()) {
            return from;
        }
        int limit = s.bars;
        for (int i : s.delisting) {
            int d = s.delistBar[i];
            if (d >= from && d < limit) {
                limit = d;
            }
        }
        limit = firstDecision(from, limit);
        decisionBar = limit;
        Account a = s.account;
        if (a.exitLots() == 0) {
            return limit;
        }
        for (int slot = 0; slot < 2 * s.n && limit > from; slot++) {
            OpenLot lot = a.exits(slot);
            if (lot != null) {
                limit = scan(slot / 2, lot, from, limit);
            }
        }
        return limit;
    }

    /**
     * The first bar in {@code [from, limit)} where some symbol's decider may act (see
     * {@link #nextDecision}), else {@code limit}.
     */
    private int firstDecision(int from, int limit) {
        EngineView view = signals.view();
        for (int k = 0; k < s.n && limit > from; k++) {
            boolean ignored = adapter.buysIgnored(view, k);
            int[] cache = ignored ? nextSideEffect : nextDecision;
            int d = cache[k];
            if (d < from) {
                d = adapter.nextDecisionBar(view, k, from, ignored);
                cache[k] = d;
            }
            limit = Math.min(limit, d);
        }
        return limit;
    }

    /**
     * The first bar in {@code [from, limit)} where {@code lot}'s chain (on symbol {@code i}) may fire,
     * else {@code limit}. A chain of TP/SL rules fires at a bar only if its open or low is at or below
     * the highest lower trigger, or its open or high at or above the lowest upper trigger (a missing
     * bar is NaN and never does); for other chains every bar may.
     */
    private int scan(int i, OpenLot lot, int from, int limit) {
        double lower = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        List<ExitStrategy> chain = lot.chain();
        for (int r = 0; r < chain.size(); r++) {
            if (!(chain.get(r) instanceof TPSLExitStrategy tpsl)) {
                return from;
            }
            double lo = tpsl.lowerTrigger(r, lot);
            double hi = tpsl.upperTrigger(r, lot);
            if (lo > lower) {
                lower = lo;
            }
            if (hi < upper) {
                upper = hi;
            }
        }
        int n = s.n;
        if (openWithinRange) {
            // low <= open <= high at every bar: the open reaches a level only if the low or the high does.
            for (int b = from, k = from * n + i; b < limit; b++, k += n) {
                if ((low[k] <= lower) | (high[k] >= upper)) {
                    return b;
                }
            }
            return limit;
        }
        double[] open = s.open;
        for (int b = from, k = from * n + i; b < limit; b++, k += n) {
            double o = open[k];
            if ((o <= lower) | (low[k] <= lower) | (o >= upper) | (high[k] >= upper)) {
                return b;
            }
        }
        return limit;
    }
}
