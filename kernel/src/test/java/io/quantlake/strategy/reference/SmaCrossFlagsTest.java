package io.quantlake.strategy.reference;

import static io.quantlake.strategy.reference.SmaCrossFlags.CHECK;
import static io.quantlake.strategy.reference.SmaCrossFlags.CROSS;
import static io.quantlake.strategy.reference.SmaCrossFlags.PLAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.strategy.CandleWindow;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The fast path {@link SmaLanePass} ({@link SmaCrossFlags#of}) gives exactly the flags of the plain
 * rule path ({@link SmaCrossFlags#plain}, {@link SmaCrossFlags#at} at every bar) and of an independent
 * oracle written here from {@link SmaCrossTpslStrategy#decide}'s arithmetic
 * (sequential sums, oldest first), bit for bit, at every own bar where decide acts (a cross or an
 * exact check; 0 kept elsewhere), and the same event and check lists, on
 * series made to sit near ties: constant stretches (fast = slow), closes on a decimal grid,
 * perturbations of 1e-12 relative, magnitudes from 1e-6 to 1e9, zeros, negative closes, NaN and
 * infinite closes, series longer than a block, and strided windows (a panel column).
 */
class SmaCrossFlagsTest {

    @Property(tries = 400)
    void passEqualsSequentialSumsAtEveryBar(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int fast,
                                           @ForAll @IntRange(min = 1, max = 40) int slow,
                                           @ForAll @IntRange(min = 1, max = 3) int stride) {
        Random r = new Random(seed);
        double[] closes = nearTieCloses(r, 1 + r.nextInt(r.nextBoolean() ? 200 : 3500));
        assertPassEqualsOracle(strided(closes, stride, r.nextInt(3)), fast, slow);
    }

    @Property(tries = 30)
    void slowLongerThanABlock(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1500) int fast) {
        Random r = new Random(seed);
        double[] closes = nearTieCloses(r, 1000 + r.nextInt(4000));
        assertPassEqualsOracle(SmaCrossTpslStrategyTest.window(closes), fast, 1000 + r.nextInt(600));
    }

    @Test
    void longRandomWalkOfTheBenchmark() {
        // the benchmark's kind of series (geometric random walk from 100, 0.4 % per bar), 300,000 bars
        Random r = new Random(42);
        double[] closes = new double[300_000];
        double c = 100;
        for (int k = 0; k < closes.length; k++) {
            c *= Math.exp(0.004 * r.nextGaussian());
            closes[k] = c;
        }
        for (int[] fs : new int[][] {{10, 30}, {30, 10}, {1, 2}, {50, 200}}) {
            SmaCrossFlags.Flags f = assertPassEqualsOracle(SmaCrossTpslStrategyTest.window(closes), fs[0], fs[1]);
            assertTrue(f.count() > 500, "crosses found: " + f.count());
        }
    }

    @Test
    void equalLengthsAreNeverACross() {
        Random r = new Random(3);
        double[] closes = new double[3000];
        for (int k = 0; k < closes.length; k++) {
            closes[k] = 100 + r.nextInt(100) / 8.0;
        }
        SmaCrossFlags.Flags f = assertPassEqualsOracle(SmaCrossTpslStrategyTest.window(closes), 7, 7);
        // the same SMA twice: d = 0 at every bar, a near tie (an R20 check) and never a cross
        assertEquals(3000 - 7, f.checkCount());
        assertEquals(f.checkCount(), f.count());
    }

    /** Segments of random walks, constant stretches, a decimal grid and 1e-12 perturbations at a random scale. */
    private static double[] nearTieCloses(Random r, int bars) {
        double[] c = new double[bars];
        double[] scales = {1e-6, 1e-3, 1, 100, 1e6, 1e9};
        double scale = scales[r.nextInt(scales.length)];
        double x = scale;
        int k = 0;
        while (k < bars) {
            int len = Math.min(bars - k, 1 + r.nextInt(r.nextBoolean() ? 40 : 600));
            int kind = r.nextInt(8);
            for (int i = 0; i < len; i++, k++) {
                switch (kind) {
                    case 0 -> c[k] = x; // constant: every SMA equals every other
                    case 1 -> c[k] = Math.round(x / scale * 100 + r.nextInt(5) - 2) / 100.0 * scale; // decimal grid
                    case 2 -> c[k] = x * (1 + 1e-12 * r.nextGaussian()); // within 1e-12 of a constant
                    case 3 -> c[k] = x + (i % 2 == 0 ? 1 : -1) * x * 1e-9; // alternating at the R20 threshold
                    case 4 -> c[k] = (x *= Math.exp(0.01 * r.nextGaussian()));
                    case 5 -> c[k] = r.nextInt(40) == 0 ? special(r) : x;
                    case 6 -> c[k] = -x + 2 * x * r.nextInt(2); // sign flips: slow near 0
                    default -> c[k] = (x *= Math.exp(0.002 * r.nextGaussian()));
                }
            }
            if (r.nextInt(6) == 0) {
                x = scales[r.nextInt(scales.length)]; // a jump of magnitude
            }
        }
        return c;
    }

    private static double special(Random r) {
        double[] s = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1e300, 1e-300};
        return s[r.nextInt(s.length)];
    }

    /** A window over {@code closes} laid out as a panel column: close {@code k} at {@code base + k · stride}. */
    private static CandleWindow strided(double[] closes, int stride, int base) {
        double[] column = new double[base + closes.length * stride];
        Arrays.fill(column, Double.NaN);
        for (int k = 0; k < closes.length; k++) {
            column[base + k * stride] = closes[k];
        }
        long[] times = new long[closes.length];
        return new CandleWindow().reset("S", times, 0, column, column, column, column, column, base, stride,
                closes.length);
    }

    private static SmaCrossFlags.Flags assertPassEqualsOracle(CandleWindow w, int fast, int slow) {
        SmaCrossFlags.Flags f = SmaCrossFlags.of(w, fast, slow);
        byte[] expected = oracle(w, fast, slow);
        String at = "fast " + fast + " slow " + slow + " bars " + w.size();
        for (int k = 0; k < expected.length; k++) {
            // the pass keeps the flags of the bars where decide acts (a cross or a check), all three bits
            byte kept = (expected[k] & (CROSS | CHECK)) != 0 ? expected[k] : 0;
            assertEquals(kept, f.at(k), at + ": flags of bar " + k);
        }
        assertArrayEquals(bars(expected, (byte) (CROSS | CHECK)), Arrays.copyOf(f.events(), f.count()), at);
        assertArrayEquals(bars(expected, CHECK), Arrays.copyOf(f.checks(), f.checkCount()), at);
        SmaCrossFlags.Flags plain = SmaCrossFlags.plain(w, fast, slow);
        assertArrayEquals(Arrays.copyOf(plain.events(), plain.count()), Arrays.copyOf(f.events(), f.count()), at);
        assertArrayEquals(Arrays.copyOf(plain.eventFlags(), plain.count()), Arrays.copyOf(f.eventFlags(), f.count()), at);
        assertArrayEquals(Arrays.copyOf(plain.checks(), plain.checkCount()), Arrays.copyOf(f.checks(), f.checkCount()), at);
        return f;
    }

    /** The bars whose flags have a bit of {@code mask}, ascending. */
    private static int[] bars(byte[] flags, byte mask) {
        int[] out = new int[flags.length];
        int n = 0;
        for (int k = 0; k < flags.length; k++) {
            if ((flags[k] & mask) != 0) {
                out[n++] = k;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The flags of every bar as {@code decide} computes them: sequential SMAs at {@code k} and {@code k − 1}. */
    private static byte[] oracle(CandleWindow w, int fast, int slow) {
        byte[] flags = new byte[w.size()];
        for (int k = Math.max(fast, slow); k < w.size(); k++) {
            double fastNow = sma(w, k, fast);
            double slowNow = sma(w, k, slow);
            double fastPrev = sma(w, k - 1, fast);
            double slowPrev = sma(w, k - 1, slow);
            byte b = 0;
            if (fastNow - slowNow > 1e-12 * slowNow && fastPrev - slowPrev <= 1e-12 * slowPrev) {
                b |= CROSS;
            }
            if (Math.abs(fastNow - slowNow) <= 1e-9 * Math.abs(slowNow)
                    || Math.abs(fastPrev - slowPrev) <= 1e-9 * Math.abs(slowPrev)) {
                b |= CHECK;
            }
            if (fastNow > slowNow && fastPrev <= slowPrev) {
                b |= PLAIN;
            }
            flags[k] = b;
        }
        return flags;
    }

    private static double sma(CandleWindow w, int end, int length) {
        double sum = 0;
        for (int k = end - length + 1; k <= end; k++) {
            sum += w.close(k);
        }
        return sum / length;
    }
}
