package io.quantlake.strategy;

import io.quantlake.exit.ExitStrategy;
import io.quantlake.exit.TPSLExitStrategy;
import io.quantlake.market.Interval;
import java.util.List;

/**
 * Tier 2 (DESIGN.md "Three tiers, one engine"): many signals at once, for any symbols, with sizes
 * and exit chains. Decisions at bar {@code t} may use only data up to {@code t}.
 *
 * <p>A SignalStrategy is also a {@link LegacyStrategy}: its default {@link #decide} builds a
 * one-symbol snapshot and an empty portfolio, calls {@link #generateSignals}, and turns the first
 * {@code OPEN LONG} signal for the window's symbol into a BUY, taking its take-profit and
 * stop-loss from the first {@link TPSLExitStrategy} of the signal's chain (relative levels are
 * resolved against the window's last close). So it can stand wherever a LegacyStrategy is used.
 */
public interface SignalStrategy extends LegacyStrategy {
    /** The signals decided at {@code snapshot.bar()}'s close; an empty list for none. */
    List<Signal> generateSignals(MarketSnapshot snapshot, PortfolioState state);

    /**
     * The own bars of history before a bar that its signals read at most (its warm-up, SIMULATION.md §12.9): a
     * run in time blocks gives each block this many own bars of each symbol before its first bar (the windows of
     * the snapshot start there), and the signals must then be those of the whole panel. The strategy object lives
     * across the blocks, so state it carries from call to call is kept. Default
     * {@link WeightStrategy#UNDECLARED}: such a strategy runs only on a whole panel (the signal path itself does
     * not read this; a legacy run of the strategy ignores a negative value, as it ignores 1).
     */
    @Override
    default int warmupBars() {
        return WeightStrategy.UNDECLARED;
    }

    @Override
    default LegacyDecision decide(CandleWindow window, Interval interval) {
        for (Signal s : generateSignals(MarketSnapshot.of(window, interval), PortfolioState.empty())) {
            if (s.action() != Signal.Action.OPEN || s.side() != Signal.Side.LONG || !s.symbol().equals(window.symbol())) {
                continue;
            }
            for (ExitStrategy e : s.exits()) {
                if (e instanceof TPSLExitStrategy tpsl && !tpsl.takeProfits().isEmpty() && !tpsl.stopLosses().isEmpty()) {
                    double tp = tpsl.takeProfits().get(0).value();
                    double sl = tpsl.stopLosses().get(0).value();
                    if (tpsl.basis() == TPSLExitStrategy.PriceBasis.RELATIVE) {
                        tp = window.lastClose() * (1 + tp);
                        sl = window.lastClose() * (1 - sl);
                    }
                    return LegacyDecision.buy(tp, sl);
                }
            }
            throw new IllegalStateException("signal OPEN LONG " + s.symbol() + " has no TP/SL exit with both legs, "
                    + "so it cannot be expressed as a legacy BUY; exits: " + s.exits());
        }
        return null;
    }
}
