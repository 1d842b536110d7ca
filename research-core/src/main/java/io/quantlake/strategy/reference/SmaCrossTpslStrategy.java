package io.quantlake.strategy.reference;

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
    /** SMAs closer than this, relative, are also compared exactly (R20). */
    private static final double EXACT_CHECK = 1e-9;

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
        int last = window.size() - 1;
        if (window.size() < warmupBars()) {
            return null;
        }
        double fastNow = sma(window, last, fast);
        double slowNow = sma(window, last, slow);
        double fastPrev = sma(window, last - 1, fast);
        double slowPrev = sma(window, last - 1, slow);
        boolean cross = fastNow - slowNow > CROSS_TOLERANCE * slowNow
                && fastPrev - slowPrev <= CROSS_TOLERANCE * slowPrev;
        if (near(fastNow, slowNow) || near(fastPrev, slowPrev)) {
            checkExact(window, last, fastNow > slowNow && fastPrev <= slowPrev, cross);
        }
        if (!cross) {
            return null;
        }
        double close = window.close(last);
        return LegacyDecision.buy(close * (1 + takeProfit), close * (1 - stopLoss));
    }

    /** Mean of the {@code length} closes ending at own bar {@code end}, summed oldest first. */
    private static double sma(CandleWindow window, int end, int length) {
        double sum = 0;
        for (int k = end - length + 1; k <= end; k++) {
            sum += window.close(k);
        }
        return sum / length;
    }

    /** Bits of {@link #crossFlags}: the §13 cross, the R20 exact check is needed, the plain {@code fast > slow} cross. */
    private static final byte CROSS = 1;
    private static final byte CHECK = 2;
    private static final byte PLAIN = 4;
    /** Bars per block of the running SMA sums (each block re-starts them exactly). */
    private static final int BLOCK = 1024;

    /**
     * The fast path: the cross of every own bar computed once ({@link #crossFlags}), equal to what
     * {@link #decide} finds at that bar; the R20 exact check and its warning still run at the decision.
     * {@link Decider#nextDecision} jumps to the next own bar with a cross or an exact check.
     */
    @Override
    public Decider prepare(CandleWindow series, Interval interval) {
        return new SeriesDecider(series, crossFlags(series));
    }

    /** {@link #prepare}'s decider: the flags of every own bar and the own bars where one says decide. */
    private final class SeriesDecider implements Decider {
        private final CandleWindow series;
        private final byte[] flags;
        /** Own bars (ascending) whose flags have {@link #CROSS} or {@link #CHECK}: the only bars where {@code decide} acts. */
        private final int[] events;
        private final int eventCount;
        /** Own bars (ascending) whose flags have {@link #CHECK}. */
        private final int[] checks;
        private final int checkCount;

        SeriesDecider(CandleWindow series, Flags f) {
            this.series = series;
            this.flags = f.flags;
            this.events = f.events;
            this.eventCount = f.count;
            this.checks = f.checks;
            this.checkCount = f.checkCount;
        }

        @Override
        public LegacyDecision decide(int size) {
            if (size < warmupBars()) {
                return null;
            }
            int last = size - 1;
            byte f = flags[last];
            boolean cross = (f & CROSS) != 0;
            if ((f & CHECK) != 0) {
                checkExact(series, last, (f & PLAIN) != 0, cross);
            }
            if (!cross) {
                return null;
            }
            double close = series.close(last);
            return LegacyDecision.buy(close * (1 + takeProfit), close * (1 - stopLoss));
        }

        @Override
        public int nextDecision(int size) {
            return next(size, false);
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
            int j = Arrays.binarySearch(bars, 0, count, from);
            if (j < 0) {
                j = -j - 1;
            }
            return j < count ? bars[j] + 1 : Integer.MAX_VALUE;
        }
    }

    /**
     * {@link #crossFlags}' result: flags per own bar, the own bars with {@link #CROSS} or {@link #CHECK}
     * ({@code events[0, count)}) and those with {@link #CHECK} ({@code checks[0, checkCount)}), ascending.
     */
    private record Flags(byte[] flags, int[] events, int count, int[] checks, int checkCount) {
    }

    /**
     * Per own bar {@code k >= warmupBars() - 1}: the {@link #CROSS}, {@link #CHECK} and {@link #PLAIN}
     * bits that {@link #decide} finds at {@code k}. Running sums (re-started exactly at each block of
     * {@value #BLOCK} bars) give {@code fast − slow} within a bound {@code err} of the sequential sums;
     * where both {@code t} and {@code t − 1} are farther than {@code 2e-9 · slow + 4 err} from a tie,
     * no rule is near its threshold (not near, cross = plain = the signs), else the bar is decided
     * from the sequential sums exactly as {@code decide} does.
     *
     * <p>The bound at bar {@code k}: with {@code M} the largest |close| that entered the block's sums
     * up to {@code k} and {@code u = 2^-53}, one running update {@code s += (c_k − c_{k−L})} rounds
     * twice, by at most {@code 2uM} and {@code u(L + 2)M}, so the mean moves by at most {@code 3uM}
     * per update ({@code L >= 1}); the means are then taken by multiplying with a rounded {@code 1/L}
     * ({@code 2uM} each). After at most {@value #BLOCK} updates, {@code fast − slow} is within
     * {@code (6 BLOCK + 4) uM} of the exact value, and {@code err = (2 longest + 8 BLOCK + 16) · 2.3e-16 · M}
     * is more than that. A NaN close makes every sum it enters NaN, never certain.
     */
    private Flags crossFlags(CandleWindow series) {
        int m = series.size();
        FlagSink sink = new FlagSink(m);
        int longest = Math.max(fast, slow);
        if (m <= longest) {
            return sink.flags();
        }
        double invFast = 1.0 / fast;
        double invSlow = 1.0 / slow;
        // 4 err = certainPerMax · M
        double certainPerMax = 4 * (2.0 * longest + 8.0 * BLOCK + 16) * 2.3e-16;
        double[] buf = new double[BLOCK + longest + 1];
        double dPrev = Double.NaN;
        boolean certainPrev = false;
        for (int start = 0; start < m; start += BLOCK) {
            int end = Math.min(m, start + BLOCK);
            int from = Math.max(0, start - longest);
            series.copyCloses(from, buf, 0, end - from);
            int x0 = Math.max(start, longest - 1) - from;
            int xEnd = end - from;
            if (x0 >= xEnd) {
                continue;
            }
            double maxAbs = 0;
            for (int j = x0 - longest + 1; j <= x0; j++) {
                maxAbs = Math.max(maxAbs, Math.abs(buf[j]));
            }
            double certainSlow = certainPerMax * maxAbs;
            double sf = sum(buf, x0, fast);
            double ss = sum(buf, x0, slow);
            // the block's first bar, from the exact sums (the very first bar, k = longest - 1, has no previous bar)
            double slow0 = ss * invSlow;
            double d0 = sf * invFast - slow0;
            boolean certain0 = slow0 > certainSlow & Math.abs(d0) > 2e-9 * slow0 + certainSlow;
            if (x0 + from >= longest && (!(certain0 & certainPrev) | (d0 > 0 & dPrev < 0))) {
                sink.set(x0 + from, certain0 & certainPrev ? (byte) (CROSS | PLAIN) : exactFlags(buf, x0));
            }
            dPrev = d0;
            certainPrev = certain0;
            for (int x = x0 + 1; x < xEnd; x++) {
                double c = buf[x];
                double a = Math.abs(c);
                if (a > maxAbs) {
                    maxAbs = a; // a NaN close is skipped here, but makes every sum it enters NaN: never certain
                    certainSlow = certainPerMax * maxAbs;
                }
                sf += c - buf[x - fast];
                ss += c - buf[x - slow];
                double slowNow = ss * invSlow;
                double d = sf * invFast - slowNow;
                boolean certain = slowNow > certainSlow & Math.abs(d) > 2e-9 * slowNow + certainSlow;
                boolean sure = certain & certainPrev;
                if (!sure | (d > 0 & dPrev < 0)) {
                    sink.set(x + from, sure ? (byte) (CROSS | PLAIN) : exactFlags(buf, x));
                }
                dPrev = d;
                certainPrev = certain;
            }
        }
        return sink.flags();
    }

    /** Collects {@link #crossFlags}' result: the flags per own bar and the lists of event and check bars. */
    private static final class FlagSink {
        private final byte[] flags;
        private int[] events = new int[64];
        private int count;
        private int[] checks = new int[16];
        private int checkCount;

        FlagSink(int bars) {
            flags = new byte[bars];
        }

        /** Records flags {@code f} of own bar {@code bar}; bars come in increasing order. */
        void set(int bar, byte f) {
            if (f == 0) {
                return;
            }
            flags[bar] = f;
            if ((f & (CROSS | CHECK)) != 0) {
                if (count == events.length) {
                    events = Arrays.copyOf(events, 2 * count);
                }
                events[count++] = bar;
            }
            if ((f & CHECK) != 0) {
                if (checkCount == checks.length) {
                    checks = Arrays.copyOf(checks, 2 * checkCount);
                }
                checks[checkCount++] = bar;
            }
        }

        Flags flags() {
            return new Flags(flags, events, count, checks, checkCount);
        }
    }

    /** The flags of the bar at {@code buf[x]} from sequential sums, as {@link #decide} computes them. */
    private byte exactFlags(double[] buf, int x) {
        double fastNow = sum(buf, x, fast) / fast;
        double slowNow = sum(buf, x, slow) / slow;
        double fastPrev = sum(buf, x - 1, fast) / fast;
        double slowPrev = sum(buf, x - 1, slow) / slow;
        byte b = 0;
        if (fastNow - slowNow > CROSS_TOLERANCE * slowNow && fastPrev - slowPrev <= CROSS_TOLERANCE * slowPrev) {
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

    /** Sum of the {@code length} values ending at {@code buf[end]}, oldest first from 0 (as {@link #sma}). */
    private static double sum(double[] buf, int end, int length) {
        double sum = 0;
        for (int k = end - length + 1; k <= end; k++) {
            sum += buf[k];
        }
        return sum;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= EXACT_CHECK * Math.abs(b);
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
