package io.quantlake.strategy.reference;

import io.quantlake.strategy.CandleWindow;
import java.util.Arrays;

/**
 * The one-time pass of {@link SmaCrossTpslStrategy}'s decider over a symbol's closes: for every
 * own bar {@code k >= longest} ({@code longest = max(fast, slow)}), the bits {@link #CROSS},
 * {@link #CHECK} and {@link #PLAIN} that {@link SmaCrossTpslStrategy#decide} finds at {@code k},
 * bit for bit. The SMAs are the sequential means {@code decide} takes ({@code Σ c / L}, summed
 * oldest first from 0); the §13 cross at {@code k} compares {@code d_k = fast_k − slow_k} with
 * {@code 1e-12 · slow_k} and {@code d_{k−1}} with {@code 1e-12 · slow_{k−1}}, R20 needs the exact
 * check where {@code |d| <= 1e-9 · |slow|} at {@code k} or {@code k − 1}, and the plain cross is
 * {@code fast > slow} at {@code k} and not at {@code k − 1}.
 *
 * <h2>The pass</h2>
 * Per block of {@value #BLOCK} bars, with the block's closes and the {@code longest} before it in a
 * buffer {@code c[0, n)}:
 * <ol>
 *   <li>prefix sums {@code P[0] = 0, P[j + 1] = P[j] + c[j]}, in {@value #LANES} interleaved
 *       chains (lane {@code q} sums its own quarter of the block and the {@code longest} closes
 *       before it, from 0), so that the additions of different lanes overlap;</li>
 *   <li>a branch-free loop over the bars: {@code f = (P[j + 1] − P[j + 1 − fast]) · fl(1/fast)},
 *       likewise {@code s}, {@code d = f − s}, and the margin {@code |d| − (2e-9 · |s| + tol)};</li>
 *   <li>a branch-free loop for each decision bar: {@code min(margin_j, margin_{j−1}, d_j · d_{j−1})};
 *       where it is {@code > 0} both bars are certain with the same sign of {@code d}, so the
 *       flags are 0 (no cross, no check, no plain cross);</li>
 *   <li>a scan for the other bars (a few percent): both certain with a sign change gives
 *       {@code CROSS | PLAIN} on an upward change and 0 on a downward one; any other bar is decided
 *       from the sequential sums exactly as {@code decide} does ({@link #exactFlags}).</li>
 * </ol>
 *
 * <h2>The bound behind "certain"</h2>
 * Let {@code u = 2^-53}, {@code M} the largest {@code |c|} of the lane's buffer and {@code N} the
 * number of closes a lane's prefix sums ({@code N <= BLOCK / LANES + longest}); the pass requires
 * {@code 1e-200 <= M <= 1e200} (no overflow, and an underflowed product errs by at most
 * {@code 2^-1074}, far below {@code uM}), else no bar of the block is certain. Every rounding below
 * is {@code fl(x ∘ y) = (x ∘ y)(1 + δ)}, {@code |δ| <= u}.
 * <ul>
 *   <li>Prefix: {@code P̂[i] = P̂[i−1] + c[i−1] + δ_i} with {@code |δ_i| <= u|P̂[i]| <= 1.01 uNM}, so
 *       {@code P̂[a] − P̂[a − L] = Σ_window c + Σ_{L steps} δ} exactly, and the rounded difference is
 *       within {@code 1.01 uLM(N + 1)} of the window's exact sum.</li>
 *   <li>Mean: times {@code fl(1/L)} (two roundings): within {@code 1.01 uM(N + 4)} of the exact mean.</li>
 *   <li>{@code decide}'s sequential mean: partial sums {@code <= 1.01 iM}, so the sum errs by at most
 *       {@code 1.01 uM L(L − 1)/2} and the mean (one division) by {@code 1.01 uM(longest + 1)}.</li>
 *   <li>Hence, with {@code E = 2.02 uM(N + longest + 5)}: {@code |ŝ − s| <= E/2} and
 *       {@code |d̂ − d| <= E + u(|d̂| + |d|)}, where hats are this pass's values and {@code d, s} are
 *       {@code decide}'s rounded values.</li>
 * </ul>
 * Certain means {@code |d̂| > 2e-9 · |ŝ| + tol} with {@code tol = TOL_PER_MAX · M >= 2E} (the test's
 * own two roundings are covered by the slack of the constants). Then {@code d} has the sign of
 * {@code d̂} and {@code |d| > (1 + u) · 1e-9 · |s|}: so {@code decide}'s near test is false, its
 * tolerance test {@code d > fl(1e-12 · s)} is true exactly when {@code d > 0} (for either sign of
 * {@code s}), and the plain {@code fast > slow} is {@code d > 0} (a rounded difference of two
 * unequal doubles is never 0). A NaN close makes {@code M} NaN: nothing in its block is certain; an
 * infinite one is outside the range.
 */
final class SmaCrossFlags {
    /** Bits of a bar's flags: the §13 cross, the R20 exact check is needed, the plain {@code fast > slow} cross. */
    static final byte CROSS = 1;
    static final byte CHECK = 2;
    static final byte PLAIN = 4;

    /** Bars per block: each block re-starts its prefix sums from 0. */
    private static final int BLOCK = 1024;
    /** Independent prefix-sum chains per block (each sums {@code BLOCK / LANES} bars and its history). */
    private static final int LANES = 4;
    private static final double U = 0x1p-53;
    /** Relative tolerance of the cross rule (§13) and the R20 near-tie threshold, as {@code decide} uses them. */
    private static final double CROSS_TOLERANCE = SmaCrossTpslStrategy.CROSS_TOLERANCE;
    private static final double EXACT_CHECK = 1e-9;

    /**
     * Flags per own bar and the own bars with {@link #CROSS} or {@link #CHECK}
     * ({@code events[0, count)}) and those with {@link #CHECK} ({@code checks[0, checkCount)}), ascending.
     */
    record Flags(byte[] flags, int[] events, int count, int[] checks, int checkCount) {
    }

    private final int fast;
    private final int slow;
    private final int longest;
    /** Closes of the block's bars and the {@code longest} before it. */
    private final double[] buf;
    /** Prefix sums of {@code buf} ({@code prefix[j + 1]} ends at {@code buf[j]}). */
    private final double[] prefix;
    /** {@code d̂} and the certainty margin per bar of {@code buf}; {@code sure} per decision bar. */
    private final double[] diff;
    private final double[] margin;
    private final double[] sure;

    private SmaCrossFlags(int fast, int slow) {
        this.fast = fast;
        this.slow = slow;
        this.longest = Math.max(fast, slow);
        this.buf = new double[BLOCK + longest];
        this.prefix = new double[BLOCK + longest + 1];
        this.diff = new double[BLOCK + longest];
        this.margin = new double[BLOCK + longest];
        this.sure = new double[BLOCK + longest];
    }

    /** The flags of every own bar of {@code series} for {@code sma_cross_tpsl(fast, slow)}. */
    static Flags of(CandleWindow series, int fast, int slow) {
        return new SmaCrossFlags(fast, slow).pass(series);
    }

    private Flags pass(CandleWindow series) {
        int m = series.size();
        FlagSink sink = new FlagSink(m);
        double invFast = 1.0 / fast;
        double invSlow = 1.0 / slow;
        // tol / M: 2E / M = 4.04 u (N + longest + 5) with N <= BLOCK + longest, and slack for the test's roundings
        double tolPerMax = 4.1 * U * (BLOCK + 2.0 * longest + 6);
        for (int start = 0; start < m; start += BLOCK) {
            int end = Math.min(m, start + BLOCK);
            int firstDecision = Math.max(start, longest);
            if (firstDecision >= end) {
                continue;
            }
            int from = start - longest; // >= 0 here: firstDecision < end needs m > longest, and start >= longest unless start == 0
            from = Math.max(0, from);
            int n = end - from;
            series.copyCloses(from, buf, 0, n);
            double maxAbs = 0;
            for (int j = 0; j < n; j++) {
                maxAbs = Math.max(maxAbs, Math.abs(buf[j]));
            }
            double tol = maxAbs >= 1e-200 && maxAbs <= 1e200 ? tolPerMax * maxAbs : Double.POSITIVE_INFINITY;
            prefix[0] = 0;
            for (int j = 0; j < n; j++) {
                prefix[j + 1] = prefix[j] + buf[j];
            }
            int j0 = firstDecision - 1 - from; // the bar before the first decision bar
            for (int j = j0; j < n; j++) {
                double p = prefix[j + 1];
                double s = (p - prefix[j + 1 - slow]) * invSlow;
                double d = (p - prefix[j + 1 - fast]) * invFast - s;
                diff[j] = d;
                margin[j] = Math.abs(d) - (2 * EXACT_CHECK * Math.abs(s) + tol);
            }
            for (int j = j0 + 1; j < n; j++) {
                sure[j] = Math.min(Math.min(margin[j], margin[j - 1]), diff[j] * diff[j - 1]);
            }
            for (int j = j0 + 1; j < n; j++) {
                if (!(sure[j] > 0)) {
                    byte f;
                    if (margin[j] > 0 & margin[j - 1] > 0) {
                        f = diff[j] > 0 & diff[j - 1] < 0 ? (byte) (CROSS | PLAIN) : 0;
                    } else {
                        f = exactFlags(j);
                    }
                    sink.set(j + from, f);
                }
            }
        }
        return sink.flags();
    }

    /** The flags of the bar at {@code buf[x]} from sequential sums, as {@link SmaCrossTpslStrategy#decide} computes them. */
    private byte exactFlags(int x) {
        double fastNow = sum(x, fast) / fast;
        double slowNow = sum(x, slow) / slow;
        double fastPrev = sum(x - 1, fast) / fast;
        double slowPrev = sum(x - 1, slow) / slow;
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

    /** Sum of the {@code length} closes ending at {@code buf[end]}, oldest first from 0 (as {@code decide}). */
    private double sum(int end, int length) {
        double sum = 0;
        for (int k = end - length + 1; k <= end; k++) {
            sum += buf[k];
        }
        return sum;
    }

    /** R20's near tie, as {@code decide} tests it. */
    static boolean near(double a, double b) {
        return Math.abs(a - b) <= EXACT_CHECK * Math.abs(b);
    }

    /** Collects the pass's result: the flags per own bar and the lists of event and check bars. */
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
}
