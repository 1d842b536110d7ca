package io.quantlake.strategy;

import io.quantlake.market.Interval;

/**
 * Tier 1, the original bot's interface (DESIGN.md): per symbol and bar, BUY with take-profit and
 * stop-loss prices, or nothing. Existing strategies implement this and keep working unchanged.
 */
public interface LegacyStrategy {
    /**
     * Decides for one symbol at its latest bar ({@code window.size() - 1}).
     *
     * @return a BUY, or null for no action
     */
    LegacyDecision decide(CandleWindow window, Interval interval);

    /**
     * Own bars the strategy needs before it can decide (warm-up); the engine does not call earlier. It is also
     * the most history a decision reads: a run in time blocks gives the windows this many own bars before each
     * block's first bar.
     */
    default int warmupBars() {
        return 1;
    }
}
