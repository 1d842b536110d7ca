package io.quantlake.strategy.reference;

import static io.quantlake.strategy.reference.SmaCrossFlags.CHECK;
import static io.quantlake.strategy.reference.SmaCrossFlags.CROSS;
import static io.quantlake.strategy.reference.SmaCrossFlags.PLAIN;

import io.quantlake.market.Interval;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.LegacyDecision;
import io.quantlake.strategy.SeriesLegacyStrategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code sma_cross_tpsl} (CLI.md, legacy tier): BUY at bar {@code t} on a cross-up of the simple
 * moving averages of the symbol's own closes (§12.9, R20), with
 * {@code tp = close_t · (1 + takeProfit)} and {@code sl = close_t · (1 − stopLoss)}.
 *
 * <p>Cross-up (SIMULATION.md §13, which wins over R20's exact arithmetic):
 * {@code fast_t − slow_t > 1e-12 · slow_t} and {@code fast_{t−1} − slow_{t−1} <= 1e-12 · slow_{t−1}},
 * where {@code t − 1} is the symbol's previous own bar. Needs {@code max(fast, slow) + 1} own bars
 * up to {@code t} ({@link #warmupBars()}). Where the SMAs are within 1e-9 relative, the cross is
 * also decided in exact decimal arithmetic on the closes as published ({@link Double#toString}); when
 * the plain floating-point comparison {@code fast > slow} decides differently, a warning goes to the
 * warning sink (stderr by default), as R20 asks.
 *
 * <p>The capacity {@code maxPositions} is applied by the legacy portfolio manager (R19), not here.
 * Stateless apart from the sink, so one instance serves every symbol.
 */
public final class SmaCrossTpslStrategy implements SeriesLegacyStrategy {
    /** Relative tolerance of the cross rule (§13). */
    public static final double CROSS_TOLERANCE = 1e-12;

    private final int fast;
    private final int slow;
    private final double takeProfit;
    private final double stopLoss;
    private final int maxPositions;
    private final Consumer<String> warnings;

    /** With R20 warnings on stderr. */
    public SmaCrossTpslStrategy(int fast, int slow, double takeProfit, double stopLoss, int maxPositions) {
        this(fast, slow, takeProfit, stopLoss, maxPositions, System.err::println);
    }

    /**
     * @param fast         fast SMA length in own bars, >= 1
     * @param slow         slow SMA length in own bars, >= 1
     * @param takeProfit   take-profit distance above the close, a fraction > 0
     * @param stopLoss     stop-loss distance below the close, a fraction in (0, 1)
     * @param maxPositions capacity K of the legacy portfolio manager, >= 1
     * @param warnings     receives the R20 float-vs-exact warnings
     */
    public SmaCrossTpslStrategy(int fast, int slow, double takeProfit, double stopLoss, int maxPositions,
                                Consumer<String> warnings) {
        if (fast < 1 || slow < 1) {
            throw new IllegalArgumentException("sma_cross_tpsl fast and slow must be >= 1, got " + fast + ", " + slow);
        }
        if (!(takeProfit > 0) || !Double.isFinite(takeProfit)) {
            throw new IllegalArgumentException("sma_cross_tpsl take_profit must be > 0, got " + takeProfit);
        }
        if (!(stopLoss > 0 && stopLoss < 1)) {
            throw new IllegalArgumentException("sma_cross_tpsl stop_loss must be in (0, 1), got " + stopLoss);
        }
        if (maxPositions < 1) {
            throw new IllegalArgumentException("sma_cross_tpsl max_positions must be >= 1, got " + maxPositions);
        }
        this.fast = fast;
        this.slow = slow;
        this.takeProfit = takeProfit;
        this.stopLoss = stopLoss;
        this.maxPositions = maxPositions;
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    public int fast() {
        return fast;
    }

    public int slow() {
        return slow;
    }

    public double takeProfit() {
        return takeProfit;
    }

    public double stopLoss() {
        return stopLoss;
    }

    /** Capacity K: at most this many open positions in all (applied by the legacy portfolio manager). */
    public int maxPositions() {
        return maxPositions;
    }

    /** {@code max(fast, slow) + 1}: the SMAs at {@code t} and at the previous own bar. */
    @Override
    public int warmupBars() {
        return Math.max(fast, slow) + 1;
    }

    @Override
    public LegacyDecision decide(CandleWindow window, Interval interval) {
        if (window.size() < warmupBars()) {
            return null;
        }
        int last = window.size() - 1;
        return decision(window, last, SmaCrossFlags.at(window, last, fast, slow));
    }

    /** The decision at own bar {@code last} of {@code window} with flags {@code f} ({@link SmaCrossFlags#at}): the R20 check, then a BUY on a cross. */
    private LegacyDecision decision(CandleWindow window, int last, byte f) {
        boolean cross = (f & CROSS) != 0;
        if ((f & CHECK) != 0) {
            checkExact(window, last, (f & PLAIN) != 0, cross);
        }
        if (!cross) {
            return null;
        }
        double close = window.close(last);
        return LegacyDecision.buy(close * (1 + takeProfit), close * (1 - stopLoss));
    }

    /**
     * The fast path: the flags of every own bar computed once ({@link SmaCrossFlags#of}, the
     * {@link SmaLanePass}), equal to what {@link #decide} finds at that bar; the R20 exact check and its warning still run at the decision.
     * {@link Decider#nextDecision} jumps to the next own bar with a cross or an exact check.
     */
    @Override
    public Decider prepare(CandleWindow series, Interval interval) {
        return new SeriesDecider(series, SmaCrossFlags.of(series, fast, slow));
    }

    /** {@link #prepare}'s decider: the own bars where one says decide, with their flags. */
    private final class SeriesDecider implements Decider {
        private final CandleWindow series;
        /** The flags of {@code events[j]} at {@code j}. */
        private final byte[] eventFlags;
        /** The first entry of {@link #events} at or after the bar of the last {@link #decide}. */
        private int decideCursor;
        /** Own bars (ascending) whose flags have {@link SmaCrossFlags#CROSS} or {@link SmaCrossFlags#CHECK}: the only bars where {@code decide} acts. */
        private final int[] events;
        private final int eventCount;
        /** Own bars (ascending) whose flags have {@link SmaCrossFlags#CHECK}. */
        private final int[] checks;
        private final int checkCount;
        /**
         * Where the last {@link #next} answer stood in {@link #events} and {@link #checks}: the first
         * entry at or after the bar asked for, so the next question (a later bar) starts there.
         */
        private int eventCursor;
        private int checkCursor;

        SeriesDecider(CandleWindow series, SmaCrossFlags.Flags f) {
            this.series = series;
            this.eventFlags = f.eventFlags();
            this.events = f.events();
            this.eventCount = f.count();
            this.checks = f.checks();
            this.checkCount = f.checkCount();
        }

        @Override
        public LegacyDecision decide(int size) {
            if (size < warmupBars()) {
                return null;
            }
            int last = size - 1;
            int j = eventAt(last);
            if (j < 0) {
                return null; // neither a cross nor an exact check at this bar
            }
            return decision(series, last, eventFlags[j]);
        }

        @Override
        public int nextDecision(int size) {
            return next(size, false);
        }

        /**
         * The entry of own bar {@code bar} in {@link #events}, -1 when it is not an event. Bars asked
         * in increasing order (the engine's) move a cursor forward; an earlier bar searches.
         */
        private int eventAt(int bar) {
            int j = decideCursor;
            if (j > 0 && events[j - 1] >= bar) {
                j = Arrays.binarySearch(events, 0, eventCount, bar);
                j = j < 0 ? -j - 1 : j;
            }
            while (j < eventCount && events[j] < bar) {
                j++;
            }
            decideCursor = j;
            return j < eventCount && events[j] == bar ? j : -1;
        }

        /** The next own bar with an R20 exact check: the only side effect of {@code decide} (its warning). */
        @Override
        public int nextSideEffect(int size) {
            return next(size, true);
        }

        private int next(int size, boolean checkOnly) {
            int from = Math.max(size, warmupBars()) - 1;
            int[] bars = checkOnly ? checks : events;
            int count = checkOnly ? checkCount : eventCount;
            int j = checkOnly ? checkCursor : eventCursor;
            if (j > 0 && bars[j - 1] >= from) {
                j = 0; // an earlier bar than the last question: search from the start
            }
            // A run asks about later and later bars: count the next 16 entries below from (sorted, so that
            // is how far to step; no branch per entry), else search the rest.
            int stop = Math.min(count, j + 16);
            int below = 0;
            for (int i = j; i < stop; i++) {
                below += bars[i] < from ? 1 : 0;
            }
            j += below;
            if (j == stop && j < count && bars[j] < from) {
                j = Arrays.binarySearch(bars, j, count, from);
                if (j < 0) {
                    j = -j - 1;
                }
            }
            if (checkOnly) {
                checkCursor = j;
            } else {
                eventCursor = j;
            }
            return j < count ? bars[j] + 1 : Integer.MAX_VALUE;
        }
    }

    private void checkExact(CandleWindow window, int last, boolean plain, boolean used) {
        boolean exact = exactGreater(window, last) && !exactGreater(window, last - 1);
        if (exact != plain) {
            warnings.accept("warning: sma_cross_tpsl " + window.symbol() + " at "
                    + Instant.ofEpochMilli(window.time(last)) + ": floating-point SMA comparison says cross="
                    + plain + " but exact decimal arithmetic says cross=" + exact + " (SIMULATION.md R20); the "
                    + "1e-12 tolerance rule decides cross=" + used);
        }
    }

    /** {@code SMA_fast > SMA_slow} at own bar {@code end}, exactly: {@code slow·Σfast > fast·Σslow}. */
    private boolean exactGreater(CandleWindow window, int end) {
        BigDecimal sumFast = exactSum(window, end, fast);
        BigDecimal sumSlow = exactSum(window, end, slow);
        return sumFast.multiply(BigDecimal.valueOf(slow)).compareTo(sumSlow.multiply(BigDecimal.valueOf(fast))) > 0;
    }

    private static BigDecimal exactSum(CandleWindow window, int end, int length) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = end - length + 1; k <= end; k++) {
            sum = sum.add(new BigDecimal(Double.toString(window.close(k))));
        }
        return sum;
    }

    @Override
    public String toString() {
        return "sma_cross_tpsl(fast=" + fast + ", slow=" + slow + ", take_profit=" + takeProfit + ", stop_loss="
                + stopLoss + ", max_positions=" + maxPositions + ")";
    }
}
