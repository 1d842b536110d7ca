package io.quantlake.strategy.reference;

import io.quantlake.strategy.CandleWindow;
import java.util.Arrays;

/**
 * What {@link SmaCrossTpslStrategy} decides at an own bar {@code k >= max(fast, slow)} of a symbol,
 * as three bits ({@link #at}): {@link #CROSS}, the §13 cross-up
 * ({@code fast_k − slow_k > 1e-12 · slow_k} and {@code fast_{k−1} − slow_{k−1} <= 1e-12 · slow_{k−1}});
 * {@link #CHECK}, R20's exact check is needed ({@code |fast − slow| <= 1e-9 · |slow|} at {@code k} or
 * {@code k − 1}); {@link #PLAIN}, the plain floating-point cross ({@code fast > slow} at {@code k}
 * and not at {@code k − 1}). The SMAs are sequential means: {@code Σ c / L}, summed oldest first from 0.
 *
 * <p>{@link #of} gives the flags of a whole series through the fast {@link SmaLanePass};
 * {@link #plain} gives the same from {@link #at} bar by bar.
 */
final class SmaCrossFlags {
    /** Bits of a bar's flags: the §13 cross, the R20 exact check is needed, the plain {@code fast > slow} cross. */
    static final byte CROSS = 1;
    static final byte CHECK = 2;
    static final byte PLAIN = 4;
    /** R20's near-tie threshold (relative). */
    static final double EXACT_CHECK = 1e-9;

    private SmaCrossFlags() {
    }

    /**
     * The own bars with {@link #CROSS} or {@link #CHECK} ({@code events[0, count)}, ascending) with
     * their flags ({@code eventFlags[j]} of {@code events[j]}, all three bits), and those with
     * {@link #CHECK} ({@code checks[0, checkCount)}). Only these bars' flags are kept: at any other
     * bar {@code decide} neither buys nor checks, whatever its {@link #PLAIN} bit.
     */
    record Flags(int[] events, byte[] eventFlags, int count, int[] checks, int checkCount) {
        /** The flags of own bar {@code bar}: its event's, 0 for a bar that is not an event. */
        byte at(int bar) {
            int j = Arrays.binarySearch(events, 0, count, bar);
            return j < 0 ? 0 : eventFlags[j];
        }
    }

    /** The flags of the event bars of {@code series} for {@code sma_cross_tpsl(fast, slow)}, by the fast lane pass. */
    static Flags of(CandleWindow series, int fast, int slow) {
        return new SmaLanePass(fast, slow).pass(series);
    }

    /** {@link #of} computed plainly, {@link #at} at every own bar (the reference for the lane pass). */
    static Flags plain(CandleWindow series, int fast, int slow) {
        FlagSink sink = new FlagSink(series.size());
        for (int k = Math.max(fast, slow); k < series.size(); k++) {
            sink.set(k, at(series, k, fast, slow));
        }
        return sink.flags();
    }

    /** The flags of own bar {@code k >= max(fast, slow)} of {@code w} (see the class comment). */
    static byte at(CandleWindow w, int k, int fast, int slow) {
        double fastNow = sma(w, k, fast);
        double slowNow = sma(w, k, slow);
        double fastPrev = sma(w, k - 1, fast);
        double slowPrev = sma(w, k - 1, slow);
        double tolerance = SmaCrossTpslStrategy.CROSS_TOLERANCE;
        byte b = 0;
        if (fastNow - slowNow > tolerance * slowNow && fastPrev - slowPrev <= tolerance * slowPrev) {
            b |= CROSS;
        }
        if (near(fastNow, slowNow) || near(fastPrev, slowPrev)) {
            b |= CHECK;
        }
        if (fastNow > slowNow && fastPrev <= slowPrev) {
            b |= PLAIN;
        }
        return b;
    }

    /** Mean of the {@code length} closes ending at own bar {@code end}, summed oldest first from 0. */
    private static double sma(CandleWindow w, int end, int length) {
        double sum = 0;
        for (int k = end - length + 1; k <= end; k++) {
            sum += w.close(k);
        }
        return sum / length;
    }

    /** R20's near tie. */
    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= EXACT_CHECK * Math.abs(b);
    }

    /** Collects flags per own bar into the lists of event and check bars. */
    static final class FlagSink {
        private int[] events;
        private byte[] eventFlags;
        private int count;
        private int[] checks = new int[16];
        private int checkCount;

        FlagSink(int bars) {
            // room for one event per 32 bars without growing (a random walk crosses about every 50)
            int room = Math.max(64, bars >> 5);
            events = new int[room];
            eventFlags = new byte[room];
        }

        /** Records flags {@code f} of own bar {@code bar}; bars come in increasing order. */
        void set(int bar, byte f) {
            if ((f & (CROSS | CHECK)) == 0) {
                return;
            }
            if (count == events.length) {
                events = Arrays.copyOf(events, 2 * count);
                eventFlags = Arrays.copyOf(eventFlags, 2 * count);
            }
            events[count] = bar;
            eventFlags[count++] = f;
            if ((f & CHECK) != 0) {
                if (checkCount == checks.length) {
                    checks = Arrays.copyOf(checks, 2 * checkCount);
                }
                checks[checkCount++] = bar;
            }
        }

        Flags flags() {
            return new Flags(events, eventFlags, count, checks, checkCount);
        }
    }
}
