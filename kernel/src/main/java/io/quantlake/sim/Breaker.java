package io.quantlake.sim;

import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;

/**
 * The circuit breaker (SIMULATION.md §9; timings documented on {@link CircuitBreaker}). The peak
 * starts at the initial capital and the "previous equity" of bar 0 is the initial capital. While
 * the cooldown runs no new trip is checked.
 */
final class Breaker {
    private final SimState s;
    private final CircuitBreaker cb;
    private final WeightExecutor weights;
    private final SignalExecutor signals;
    private double peak;
    private double previous;
    private boolean anyFlatten;

    Breaker(SimState s, WeightExecutor weights, SignalExecutor signals) {
        this.s = s;
        this.cb = s.config.circuitBreaker();
        this.weights = weights;
        this.signals = signals;
        this.peak = s.config.capital();
        this.previous = s.config.capital();
    }

    /** Closes the lots flagged by a trip, for symbols with a bar at {@code t}, at its open or close. */
    void flatten(int t, boolean useClose) {
        if (!anyFlatten) {
            return;
        }
        anyFlatten = false;
        double[] src = useClose ? s.close : s.open;
        for (int i = 0; i < s.n; i++) {
            if (!s.flatten[i]) {
                continue;
            }
            if (s.hasBar(t, i)) {
                s.closeSymbol(t, i, src[t * s.n + i], TradeEventType.CLOSE, Reason.CIRCUIT_BREAKER);
                s.flatten[i] = false;
            } else {
                anyFlatten = true;
            }
        }
    }

    /** Checks the trip conditions at the close of {@code t} with equity {@code e}. */
    void check(int t, double e) {
        if (cb == null) {
            return;
        }
        if (t > s.tripBar && t <= s.cooldownEnd) {
            if (t == s.cooldownEnd) {
                peak = e;
            }
            previous = e;
            return;
        }
        peak = Math.max(peak, e);
        boolean drawdown = 1 - e / peak >= cb.maxDrawdown();
        boolean barLoss = 1 - e / previous >= cb.maxBarLoss();
        previous = e;
        if (!drawdown && !barLoss) {
            return;
        }
        s.tripBar = t;
        s.cooldownEnd = t + cb.cooldownBars();
        for (int i = 0; i < s.n; i++) {
            s.flatten[i] = s.account.held(i);
            anyFlatten |= s.flatten[i];
        }
        if (weights != null) {
            weights.dropPending();
        }
        if (signals != null) {
            signals.dropPending();
        }
        if (cb.cooldownBars() == 0) {
            peak = e;
        }
    }
}
