package io.quantlake.strategy.reference;

import io.quantlake.strategy.CandleWindow;
import java.util.Arrays;

/**
 * Fast path of {@link SmaCrossFlags#of}: the flags of every own bar of a series in one vectorized
 * pass, equal bit for bit to {@link SmaCrossFlags#at} (the rule {@code decide} applies) at every
 * bar where they are kept ({@code SmaCrossFlagsTest} compares the two).
 *
 * <h2>The pass</h2>
 * By groups of {@value #LANES} lanes of {@value #LANE} bars; lane {@code q}'s buffer holds the closes
 * of its bars and of the {@code longest = max(fast, slow)} bars before them (0 outside the series).
 * <ol>
 *   <li>Prefix sums {@code P} of each lane from 0 (the four lanes' chains interleaved), and
 *       {@code Â}, the rounded {@code Σ |c|} of the lane.</li>
 *   <li>Per bar: {@code d̂ = (P_k − P_{k−fast}) · fl(1/fast) − ŝ} with {@code ŝ = (P_k − P_{k−slow}) · fl(1/slow)},
 *       and the margin {@code |d̂| − (2e-9 · |ŝ| + tol)}, {@code tol = 25 u Â} ({@code u = 2^-53}). The bar is
 *       <em>certain</em> where the margin is {@code > 0}.</li>
 *   <li>Where two consecutive bars are certain and {@code d̂} does not turn from {@code < 0} to
 *       {@code > 0}, the flags are 0 (computed branch-free as {@code min}/{@code max} by
 *       {@code x + y ∓ |x − y|}, which rounding keeps on the right side of 0; NaN stays NaN).</li>
 *   <li>The other bars (a few percent) are listed without a branch per bar: both certain gives
 *       {@code CROSS | PLAIN} on an upward turn, anything else is decided by {@link SmaCrossFlags#at}.</li>
 * </ol>
 *
 * <h2>Why "certain" is safe</h2>
 * With {@code A} the exact {@code Σ |c|} of the lane ({@code 1e-200 <= Â <= 1e200}, else no bar of
 * the lane is certain): a prefix-sum window differs from the window's exact sum by at most
 * {@code 1.01 uA (L + 1)}, so the prefix mean times {@code fl(1/L)} is within {@code 4.04 uA} of the
 * exact mean; {@code decide}'s sequential mean is within {@code 2.02 uA}. Hence {@code |ŝ − s| <= 6.06 uA}
 * and {@code |d̂ − d| <= 12.12 uA + u(|d̂| + |d|)}, {@code d, s} being {@code decide}'s values, and
 * {@code tol} covers twice that. At a certain bar {@code d} therefore has the sign of {@code d̂} and
 * {@code |d| > 1e-9 |s|}: no R20 check, the §13 test {@code d > 1e-12 s} and the plain {@code fast > slow}
 * both reduce to {@code d > 0}. A NaN or infinite close makes {@code Â} NaN or infinite: nothing certain.
 */
final class SmaLanePass {
    /** Bars per lane: each lane sums its own prefix from 0. */
    private static final int LANE = 256;
    /** Lanes whose prefix sums run interleaved, so that their additions overlap ({@link #prefixSums} is written for 4). */
    private static final int LANES = 4;
    private static final double U = 0x1p-53;
    /** {@code tol / Â}: at least {@code 2E / A = 24.24 u}, with slack for the rounding of {@code Â} and of the test. */
    private static final double TOL_PER_ABS_SUM = 25 * U;
    /** The R20 near-tie threshold, as {@link SmaCrossFlags#at} uses it. */
    private static final double EXACT_CHECK = SmaCrossFlags.EXACT_CHECK;

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
    /** Per lane {@code q} and bar {@code k} of it: {@code d̂} and the certainty margin (certain where {@code > 0}). */
    private final double[][] diff = new double[LANES][LANE + 1];
    private final double[][] margin = new double[LANES][LANE + 1];
    /** {@code diff} and {@code margin} of bar {@code k + 1}, at {@code k} (of the lane at hand). */
    private final double[] diffNext = new double[LANE + 1];
    private final double[] marginNext = new double[LANE + 1];
    /** Per lane and bar {@code k + 1} of it, at {@code k}: {@code > 0} only where its flags are surely 0. */
    private final double[][] skip = new double[LANES][LANE + 1];
    /** Per bar {@code k + 1} of a group of whole lanes, at {@code k}: the least {@code skip} of the four lanes (NaN if any is). */
    private final double[] groupSkip = new double[LANE + 1];
    /** The entries {@code k} to visit: those whose {@code skip[k − 1]} (or {@code groupSkip}) is not {@code > 0}. */
    private final int[] visit = new int[LANE + 1];
    /** Those of {@code visit} that one lane of a whole group visits. */
    private final int[] laneVisit = new int[LANE + 1];
    /** Per lane: {@code Â}, the rounded sum of the lane's {@code |close|}. */
    private final double[] absSum = new double[LANES];

    /** The series of the pass at hand. */
    private CandleWindow series;

    SmaLanePass(int fast, int slow) {
        this.fast = fast;
        this.slow = slow;
        this.longest = Math.max(fast, slow);
        this.width = LANE + longest;
        this.buf = new double[LANES * width];
        this.prefix = new double[LANES * (width + 1)];
    }

    /** The flags of the event bars of {@code series} (see {@link SmaCrossFlags.Flags}). */
    SmaCrossFlags.Flags pass(CandleWindow series) {
        this.series = series;
        int m = series.size();
        SmaCrossFlags.FlagSink sink = new SmaCrossFlags.FlagSink(m);
        for (int start = 0; start < m; start += LANES * LANE) {
            if (start + LANES * LANE <= longest) {
                continue; // no decision bar in the group
            }
            for (int q = 0; q < LANES; q++) {
                load(series, start + q * LANE - longest, q * width);
            }
            prefixSums();
            if (start >= longest && start + LANES * LANE <= m) {
                decideWholeLanes(start, sink);
                continue;
            }
            for (int q = 0; q < LANES; q++) {
                int laneStart = start + q * LANE;
                int firstBar = Math.max(laneStart, longest);
                int endBar = Math.min(m, laneStart + LANE);
                if (firstBar < endBar) {
                    int x0 = q * width + firstBar - (laneStart - longest) - 1;
                    int len = endBar - firstBar + 1;
                    laneSkips(q, x0, len);
                    int visits = listVisits(skip[q], len - 1);
                    emit(q, laneStart - longest, x0, visit, visits, sink);
                }
            }
        }
        return sink.flags();
    }

    /**
     * The flags of a group whose four lanes are whole ({@value #LANE} decision bars each): the entries
     * to visit are listed once for the four lanes, from the least {@code skip} of the four at each
     * {@code k} (a quarter of the per-bar listing work), then each lane keeps those of its own.
     */
    private void decideWholeLanes(int start, SmaCrossFlags.FlagSink sink) {
        int x0 = longest - 1; // the lane entry of the bar before its first one, less q · width
        for (int q = 0; q < LANES; q++) {
            laneSkips(q, q * width + x0, LANE + 1);
        }
        double[] s0 = skip[0];
        double[] s1 = skip[1];
        double[] s2 = skip[2];
        double[] s3 = skip[3];
        double[] g = groupSkip;
        for (int k = 0; k < LANE; k++) {
            g[k] = Math.min(Math.min(s0[k], s1[k]), Math.min(s2[k], s3[k])); // NaN if any is
        }
        int groupVisits = listVisits(g, LANE);
        for (int q = 0; q < LANES; q++) {
            double[] sq = skip[q];
            int visits = 0;
            for (int v = 0; v < groupVisits; v++) {
                int k = visit[v];
                laneVisit[visits] = k;
                visits += notPositive(sq[k - 1]);
            }
            emit(q, start + q * LANE - longest, q * width + x0, laneVisit, visits, sink);
        }
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

    /**
     * Every lane's prefix sums and {@code Â}, the lanes' additions interleaved (four independent
     * chains). Where no close of a lane has its sign bit set, {@code |c| = c} term by term and
     * {@code Â}, summed in the same order from 0, is the lane's last prefix sum, bit for bit; the
     * loop only ORs the closes' bits to know it (an integer operation beside the additions). A lane
     * with a negative close (or -0.0, or a NaN with its sign bit set) sums its {@code |c|} apart.
     */
    private void prefixSums() {
        int w = width;
        int p1 = w + 1;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        long o0 = 0, o1 = 0, o2 = 0, o3 = 0;
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
            o0 |= Double.doubleToRawLongBits(c0);
            o1 |= Double.doubleToRawLongBits(c1);
            o2 |= Double.doubleToRawLongBits(c2);
            o3 |= Double.doubleToRawLongBits(c3);
            prefix[i + 1] = s0;
            prefix[p1 + i + 1] = s1;
            prefix[2 * p1 + i + 1] = s2;
            prefix[3 * p1 + i + 1] = s3;
        }
        absSum[0] = o0 >= 0 ? s0 : absSumApart(0);
        absSum[1] = o1 >= 0 ? s1 : absSumApart(1);
        absSum[2] = o2 >= 0 ? s2 : absSumApart(2);
        absSum[3] = o3 >= 0 ? s3 : absSumApart(3);
    }

    /** {@code Σ |c|} of lane {@code q}'s closes, oldest first from 0. */
    private double absSumApart(int q) {
        double a = 0;
        for (int i = q * width, end = i + width; i < end; i++) {
            a += Math.abs(buf[i]);
        }
        return a;
    }

    /**
     * {@code diff[q]}, {@code margin[q]} and {@code skip[q]} of lane {@code q}'s entries
     * {@code buf[x0 + k]}, {@code k < len} ({@code k = 0} the bar before the first one decided).
     */
    private void laneSkips(int q, int x0, int len) {
        double invFast = 1.0 / fast;
        double invSlow = 1.0 / slow;
        double a = absSum[q];
        double tol = a >= 1e-200 && a <= 1e200 ? TOL_PER_ABS_SUM * a : Double.POSITIVE_INFINITY;
        // the prefix sums ending at bar k, k − fast and k − slow, each at index k (so the loop below vectorizes)
        int p = q * (width + 1) + 1 - q * width + x0; // prefix[p + k] ends at buf[x0 + k]
        System.arraycopy(prefix, p, now, 0, len);
        System.arraycopy(prefix, p - fast, lagFast, 0, len);
        System.arraycopy(prefix, p - slow, lagSlow, 0, len);
        double[] dq = diff[q];
        double[] mq = margin[q];
        for (int k = 0; k < len; k++) {
            double s = (now[k] - lagSlow[k]) * invSlow;
            double d = (now[k] - lagFast[k]) * invFast - s;
            dq[k] = d;
            mq[k] = Math.abs(d) - (2 * EXACT_CHECK * Math.abs(s) + tol);
        }
        // the same one bar later, so that the loop below reads every array at k (C2 vectorizes it so)
        System.arraycopy(dq, 1, diffNext, 0, len - 1);
        System.arraycopy(mq, 1, marginNext, 0, len - 1);
        // skip[k] > 0: bars k and k + 1 certain and no cross-up at k + 1, so its flags are 0 (see the class comment)
        double[] sq = skip[q];
        for (int k = 0; k < len - 1; k++) {
            double m0 = mq[k];
            double m1 = marginNext[k];
            double d0 = dq[k];
            double d1 = diffNext[k];
            double certain = m0 + m1 - Math.abs(m0 - m1); // 2 min(m0, m1)
            double notUp = d0 - d1 + Math.abs(d0 + d1); // 2 max(d0, −d1)
            sq[k] = certain + notUp - Math.abs(certain - notUp); // 2 min(certain, notUp)
        }
    }

    /**
     * Lists in {@link #visit} the entries {@code k + 1} with {@code k < count} whose {@code skips[k]}
     * is not {@code > 0}, without a branch per entry (they come at random, a few percent); returns their number.
     */
    private int listVisits(double[] skips, int count) {
        int visits = 0;
        for (int k = 0; k < count; k++) {
            visit[visits] = k + 1;
            visits += notPositive(skips[k]);
        }
        return visits;
    }

    /**
     * 1 unless {@code v > 0} (so 1 for 0, negatives and NaN), from {@code v}'s bits: {@code v > 0}
     * exactly when its bits {@code r} as a signed long lie in {@code [1, bits(+∞)]}. Arithmetic
     * only: a conditional here would be compiled to a branch (the listed entries are rare), which
     * mispredicts at each of them.
     */
    private static int notPositive(double v) {
        long r = Double.doubleToRawLongBits(v);
        return (int) (((r - 1) | (0x7FF0000000000000L - r)) >>> 63);
    }

    /**
     * The flags of lane {@code q}'s entries {@code x0 + k} for the {@code visits} entries {@code k} of
     * {@code list}, recorded in {@code sink} ({@code from}: the own bar of the lane's entry 0).
     */
    private void emit(int q, int from, int x0, int[] list, int visits, SmaCrossFlags.FlagSink sink) {
        double[] dq = diff[q];
        double[] mq = margin[q];
        int b = q * width; // entry i of the lane is buf[b + i]
        for (int v = 0; v < visits; v++) {
            int k = list[v];
            byte f;
            int bar = from + x0 + k - b;
            if (mq[k] > 0 & mq[k - 1] > 0) {
                f = dq[k] > 0 & dq[k - 1] < 0 ? (byte) (SmaCrossFlags.CROSS | SmaCrossFlags.PLAIN) : 0;
            } else {
                f = SmaCrossFlags.at(series, bar, fast, slow);
            }
            sink.set(bar, f);
        }
    }
}
