package io.quantlake.strategy.pairs;

import java.util.Arrays;

/**
 * Two series inner-joined on time: only the bars where both have a value are kept, in time order.
 *
 * @param y    the dependent leg's values at the kept bars
 * @param x    the hedge leg's values at the kept bars
 * @param bars grid index of each kept bar
 */
public record AlignedPair(double[] y, double[] x, int[] bars) {
    public AlignedPair {
        if (y.length != x.length || y.length != bars.length) {
            throw new IllegalArgumentException("y (" + y.length + "), x (" + x.length + ") and bars (" + bars.length
                    + ") must have one entry per kept bar");
        }
    }

    /** Number of common bars. */
    public int size() {
        return bars.length;
    }

    /**
     * The inner join of grid-indexed series {@code y} and {@code x} over grid bars {@code [from, to)}: bars
     * where either is NaN are dropped.
     */
    public static AlignedPair join(double[] y, double[] x, int from, int to) {
        if (from < 0 || to > Math.min(y.length, x.length) || from > to) {
            throw new IllegalArgumentException("bar range [" + from + ", " + to + ") outside the series of "
                    + Math.min(y.length, x.length) + " bars");
        }
        double[] ys = new double[to - from];
        double[] xs = new double[to - from];
        int[] bars = new int[to - from];
        int m = 0;
        for (int t = from; t < to; t++) {
            if (!Double.isNaN(y[t]) && !Double.isNaN(x[t])) {
                ys[m] = y[t];
                xs[m] = x[t];
                bars[m] = t;
                m++;
            }
        }
        return new AlignedPair(Arrays.copyOf(ys, m), Arrays.copyOf(xs, m), Arrays.copyOf(bars, m));
    }
}
