package io.quantlake.strategy;

import io.quantlake.market.Interval;

/**
 * An optional fast path of a {@link LegacyStrategy}: the engine prepares one {@link Decider} per
 * symbol and run over the symbol's whole own-bar series, then asks it at each decision bar instead
 * of calling {@link #decide(CandleWindow, Interval)} with a fresh window. Strategies that do not
 * implement it run through {@code decide} unchanged.
 *
 * <p>Contract: {@code prepare(series, interval).decide(size)} returns what
 * {@code decide(window, interval)} returns for the window of the first {@code size} own bars of
 * {@code series}, with the same side effects (warnings) at the same call. A decider may precompute
 * arithmetic over the whole series in {@code prepare} (e.g. moving averages, vectorised), but its
 * answer for {@code size} must depend only on own bars {@code [0, size)}: no look-ahead. Its
 * {@link Decider#nextDecision} lets the engine jump over bars where nothing can be decided.
 */
public interface SeriesLegacyStrategy extends LegacyStrategy {

    /**
     * A decider over {@code series}, which the engine dedicates to it (not re-pointed later).
     *
     * @param series   all own bars of one symbol in the run, oldest first
     * @param interval the bar interval
     */
    Decider prepare(CandleWindow series, Interval interval);

    /** The decisions over one prepared series. */
    @FunctionalInterface
    interface Decider {
        /** The decision on the first {@code size} own bars (the decision bar is own bar {@code size - 1}); null = none. */
        LegacyDecision decide(int size);

        /**
         * The smallest own-bar count {@code s >= size} at which {@link #decide} may return a decision
         * or have a side effect; {@code decide} returns null with no side effect at every count in
         * {@code [size, s)}, so the engine may skip those bars. {@link Integer#MAX_VALUE} when no
         * count of the series qualifies. The default, {@code size}, lets the engine skip nothing. It
         * may read the whole series: it only tells the engine which bars it may skip, while each
         * decision still depends on own bars {@code [0, size)} only.
         *
         * @param size an own-bar count, {@code >= 1}
         */
        default int nextDecision(int size) {
            return size;
        }

        /**
         * Like {@link #nextDecision}, for an engine that will ignore the decision (the symbol is held,
         * or the portfolio is full): the smallest count {@code s >= size} at which {@link #decide} may
         * have a side effect; {@code decide} has none at every count in {@code [size, s)}.
         * {@link Integer#MAX_VALUE} when none; by default {@link #nextDecision}.
         */
        default int nextSideEffect(int size) {
            return nextDecision(size);
        }
    }
}
