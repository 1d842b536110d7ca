package io.quantlake.sim;

/**
 * Fast path of the band step (SIMULATION.md §5, R10) at an execution bar where every symbol has a
 * bar and {@code E' > 0}: a branch-free pass (which the JIT vectorizes) over every symbol selects
 * those whose order may be outside its band; {@link WeightExecutor} decides them with the rule and
 * skips the others, which are surely inside it. Without this class (the plain path) every order
 * goes through the rule; the results are the same bits ({@code WeightPathEquivalenceTest}).
 *
 * <p>The pass multiplies by {@code inv = 1 / E'} instead of dividing: {@code |w − x / E'|} and
 * {@code |w − x · inv|} differ by at most about {@code 5u |x / E'| + 3u |w − x · inv|}
 * ({@code u = 2^-53}), so an order whose {@link #edgeGap} (the distance to the band edge plus a slack
 * of {@link #SLACK} times those terms) is negative is inside its band whatever the rounding.
 */
final class BandPrefilter {
    /** Relative slack of the test with the reciprocal, far above its rounding error (about {@code 8u}). */
    private static final double SLACK = 1e-14;
    /** Scratch: {@link #edgeGap} of each symbol. */
    private final double[] gap;
    /** The selected symbols, ascending. */
    private final int[] near;

    BandPrefilter(int n) {
        this.gap = new double[n];
        this.near = new int[n];
    }

    /** The symbols of the last {@link #select}, ascending, in {@code [0, count)}. */
    int[] selected() {
        return near;
    }

    /**
     * Selects the symbols whose order (target {@code pw[i]}, NaN: none; negative targets count as 0
     * with {@code spot}, R12) may be outside the band at net quantities {@code q} and prices
     * {@code px}; returns their number. A selected symbol may have no order (NaN target): the caller skips it.
     */
    int select(double[] pw, double[] q, double[] px, double inv, double band, boolean spot) {
        int n = gap.length;
        double[] gap = this.gap;
        if (spot) {
            for (int i = 0; i < n; i++) {
                gap[i] = edgeGap(Math.max(pw[i], 0.0), q[i] * px[i], inv, band); // R12: negative targets are 0
            }
        } else {
            for (int i = 0; i < n; i++) {
                gap[i] = edgeGap(pw[i], q[i] * px[i], inv, band);
            }
        }
        // Branch-free compaction of the symbols whose gap has a clear sign bit (the gap is never -0.0): the
        // gaps >= 0, and NaN gaps with a clear sign bit, whose symbols have no order and are skipped by the caller.
        // No test per symbol or group: at a decision every bar about one group of four in two has a selected
        // symbol, so such a branch is mispredicted half the time (and the JIT spills around it when the band step
        // is inlined into the executor).
        int[] near = this.near;
        int m = 0;
        for (int i = 0; i < n; i++) {
            near[m] = i;
            m += (int) (Double.doubleToRawLongBits(gap[i]) >>> 63) ^ 1;
        }
        return m;
    }

    /**
     * {@code |w − x · inv| − band + slack} with {@code inv = 1 / E'} and the slack {@link #SLACK}
     * {@code (|w − x · inv| + |x · inv|)}: negative only when the order is inside its band
     * ({@code |w − x / E'| < band}) whatever the rounding of the reciprocal; NaN when {@code w} is.
     */
    private static double edgeGap(double w, double x, double inv, double band) {
        double cw = x * inv;
        double d = Math.abs(w - cw);
        return d - band + SLACK * (d + Math.abs(cw));
    }
}
