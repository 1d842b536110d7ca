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

    /** Bars per lane: each lane sums its own prefix from 0. */
    private static final int LANE = 256;
    /** Lanes whose prefix sums run interleaved, so that their additions overlap. */
    private static final int LANES = 4;
    private static final double U = 0x1p-53;
    /** {@code tol / Â}: at least {@code 2E / A = 24.24 u}, with slack for the rounding of {@code Â} and of the test. */
    private static final double TOL_PER_ABS_SUM = 25 * U;
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
    /** Entries per lane: its {@value #LANE} bars and the {@code longest} before them. */
    private final int width;
    /**
     * Lane {@code q}'s closes at {@code buf[q · width, (q + 1) · width)}: own bars
     * {@code [laneStart − longest, laneStart + LANE)}, 0 for bars before 0 or past the series' end.
     */
    private final double[] buf;
    /** Lane {@code q}'s prefix sums at {@code prefix[q · (width + 1) + i]} = sum of its first {@code i} closes. */
    private final double[] prefix;
    /** Per bar {@code k} of a lane (and the bar before it at {@code k = 0}): the prefix sums ending at {@code k}, {@code k − fast}, {@code k − slow}. */
    private final double[] now = new double[LANE + 1];
    private final double[] lagFast = new double[LANE + 1];
    private final double[] lagSlow = new double[LANE + 1];
    /** Per bar {@code k} of a lane: {@code d̂} and the certainty margin (certain where {@code > 0}). */
    private final double[] diff = new double[LANE + 1];
    private final double[] margin = new double[LANE + 1];
    /** {@code diff} and {@code margin} of bar {@code k + 1}, at {@code k}. */
    private final double[] diffNext = new double[LANE + 1];
    private final double[] marginNext = new double[LANE + 1];
    /** Per bar {@code k} of a lane: {@code > 0} only where the flags are surely 0. */
    private final double[] skip = new double[LANE + 1];
    /** The bars {@code k} of a lane where {@code skip} does not decide. */
    private final int[] visit = new int[LANE + 1];
    /** Per lane: {@code Â}, the rounded sum of the lane's {@code |close|}. */
    private final double[] absSum = new double[LANES];

    private SmaCrossFlags(int fast, int slow) {
        this.fast = fast;
        this.slow = slow;
        this.longest = Math.max(fast, slow);
        this.width = LANE + longest;
        this.buf = new double[LANES * width];
        this.prefix = new double[LANES * (width + 1)];
    }

    /** The flags of every own bar of {@code series} for {@code sma_cross_tpsl(fast, slow)}. */
    static Flags of(CandleWindow series, int fast, int slow) {
        return new SmaCrossFlags(fast, slow).pass(series);
    }

    private Flags pass(CandleWindow series) {
        int m = series.size();
        FlagSink sink = new FlagSink(m);
        for (int start = 0; start < m; start += LANES * LANE) {
            if (start + LANES * LANE <= longest) {
                continue; // no decision bar in the group
            }
            for (int q = 0; q < LANES; q++) {
                load(series, start + q * LANE - longest, q * width);
            }
            prefixSums();
            for (int q = 0; q < LANES; q++) {
                int laneStart = start + q * LANE;
                int firstBar = Math.max(laneStart, longest);
                int endBar = Math.min(m, laneStart + LANE);
                if (firstBar < endBar) {
                    decideLane(q, laneStart - longest, firstBar, endBar, sink);
                }
            }
        }
        return sink.flags();
    }

    /** Copies the closes of own bars {@code [from, from + width)} to {@code buf[at, at + width)}, 0 outside the series. */
    private void load(CandleWindow series, int from, int at) {
        int lo = Math.max(0, from);
        int hi = Math.min(series.size(), from + width);
        Arrays.fill(buf, at, at + Math.max(0, Math.min(width, lo - from)), 0.0);
        if (lo < hi) {
            series.copyCloses(lo, buf, at + lo - from, hi - lo);
        }
        Arrays.fill(buf, at + Math.max(0, hi - from), at + width, 0.0);
    }

    /** Every lane's prefix sums and {@code Â}, the lanes' additions interleaved (four independent chains). */
    private void prefixSums() {
        int w = width;
        int p1 = w + 1;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        prefix[0] = 0;
        prefix[p1] = 0;
        prefix[2 * p1] = 0;
        prefix[3 * p1] = 0;
        for (int i = 0; i < w; i++) {
            double c0 = buf[i];
            double c1 = buf[w + i];
            double c2 = buf[2 * w + i];
            double c3 = buf[3 * w + i];
            s0 += c0;
            s1 += c1;
            s2 += c2;
            s3 += c3;
            a0 += Math.abs(c0);
            a1 += Math.abs(c1);
            a2 += Math.abs(c2);
            a3 += Math.abs(c3);
            prefix[i + 1] = s0;
            prefix[p1 + i + 1] = s1;
            prefix[2 * p1 + i + 1] = s2;
            prefix[3 * p1 + i + 1] = s3;
        }
        absSum[0] = a0;
        absSum[1] = a1;
        absSum[2] = a2;
        absSum[3] = a3;
    }

    /**
     * The flags of lane {@code q}'s own bars {@code [firstBar, endBar)} (its entry {@code i} is own bar
     * {@code from + i}), recorded in {@code sink}.
     */
    private void decideLane(int q, int from, int firstBar, int endBar, FlagSink sink) {
        double invFast = 1.0 / fast;
        double invSlow = 1.0 / slow;
        double a = absSum[q];
        double tol = a >= 1e-200 && a <= 1e200 ? TOL_PER_ABS_SUM * a : Double.POSITIVE_INFINITY;
        int b = q * width; // entry i of the lane is buf[b + i]
        int x0 = b + firstBar - from - 1; // the entry of the bar before the first one
        int len = endBar - firstBar + 1; // bars of the lane and the one before: k = 0 is x0
        // the prefix sums ending at bar k, k − fast and k − slow, each at index k (so the loop below vectorizes)
        int p = q * (width + 1) + 1 - b + x0; // prefix[p + k] ends at buf[x0 + k]
        System.arraycopy(prefix, p, now, 0, len);
        System.arraycopy(prefix, p - fast, lagFast, 0, len);
        System.arraycopy(prefix, p - slow, lagSlow, 0, len);
        for (int k = 0; k < len; k++) {
            double s = (now[k] - lagSlow[k]) * invSlow;
            double d = (now[k] - lagFast[k]) * invFast - s;
            diff[k] = d;
            margin[k] = Math.abs(d) - (2 * EXACT_CHECK * Math.abs(s) + tol);
        }
        // the same one bar later, so that the loop below reads every array at k (C2 vectorizes it so)
        System.arraycopy(diff, 1, diffNext, 0, len - 1);
        System.arraycopy(margin, 1, marginNext, 0, len - 1);
        // skip[k] > 0: bars k and k + 1 certain and no cross-up at k + 1, so its flags are 0 (see the class comment)
        for (int k = 0; k < len - 1; k++) {
            double m0 = margin[k];
            double m1 = marginNext[k];
            double d0 = diff[k];
            double d1 = diffNext[k];
            double certain = m0 + m1 - Math.abs(m0 - m1); // 2 min(m0, m1)
            double notUp = d0 - d1 + Math.abs(d0 + d1); // 2 max(d0, −d1)
            skip[k] = certain + notUp - Math.abs(certain - notUp); // 2 min(certain, notUp)
        }
        // the other bars, listed without a branch per bar (they come at random, a few percent)
        int visits = 0;
        for (int k = 0; k < len - 1; k++) {
            visit[visits] = k + 1;
            visits += skip[k] > 0 ? 0 : 1;
        }
        for (int v = 0; v < visits; v++) {
            int k = visit[v];
            byte f;
            if (margin[k] > 0 & margin[k - 1] > 0) {
                f = diff[k] > 0 & diff[k - 1] < 0 ? (byte) (CROSS | PLAIN) : 0;
            } else {
                f = exactFlags(x0 + k);
            }
            sink.set(from + x0 + k - b, f);
        }
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
