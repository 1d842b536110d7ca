package io.quantlake.tearsheet;

import java.util.Arrays;

/**
 * Deterministic min/max bucket downsampling that keeps a long line's shape and its extremes (a drawdown's
 * trough survives). A series of {@code n > maxPoints} points is cut into {@code B = maxPoints / 4} buckets
 * of consecutive indices {@code [b·n/B, (b+1)·n/B)}; each bucket keeps its first point, its last point and
 * the points of its minimum and maximum finite value (the first such index on ties), in index order
 * without repeats. So at most {@code maxPoints} points remain, the first and last points of the series are
 * always kept, and the same input always gives the same indices.
 */
public final class Downsampler {
    /** Most points written per series of a page's chart. */
    public static final int MAX_POINTS = 5_000;

    private Downsampler() {
    }

    /** Indices of the points of {@code values} to keep, ascending; all indices when {@code n <= maxPoints}. */
    public static int[] keep(double[] values, int maxPoints) {
        Stream s = new Stream(values.length, maxPoints);
        for (double v : values) {
            s.add(v);
        }
        return s.indices();
    }

    /**
     * {@link #keep} of a series of a known length {@code n} given value by value (e.g. read from a run's scratch
     * files chunk by chunk): it holds the points kept, at most {@code maxPoints}, never the series.
     */
    public static final class Stream {
        private final int n;
        private final int buckets;
        private final int[] indices;
        private final double[] values;
        private int size;
        /** Index of the next value. */
        private int next;
        /** The current bucket and its range {@code [from, to)}; its first value, and its finite min and max (-1: none). */
        private int bucket;
        private int from;
        private int to;
        private double firstValue;
        private int min = -1;
        private int max = -1;
        private double minValue;
        private double maxValue;
        private final int[] four = new int[4];
        private final double[] fourValues = new double[4];

        /** A downsampling of {@code n} values to at most {@code maxPoints} (at least 4). */
        public Stream(int n, int maxPoints) {
            if (maxPoints < 4) {
                throw new IllegalArgumentException("maxPoints must be >= 4, got " + maxPoints);
            }
            if (n < 0) {
                throw new IllegalArgumentException("a series of " + n + " values");
            }
            this.n = n;
            this.buckets = n <= maxPoints ? 0 : maxPoints / 4;
            int cap = buckets == 0 ? n : 4 * buckets;
            this.indices = new int[cap];
            this.values = new double[cap];
            this.to = buckets == 0 ? n : bound(1);
        }

        private int bound(int b) {
            return (int) ((long) b * n / buckets);
        }

        /** The next value of the series. */
        public void add(double v) {
            int i = next++;
            if (i >= n) {
                throw new IllegalStateException("more than the " + n + " values announced");
            }
            if (buckets == 0) {
                indices[size] = i;
                values[size++] = v;
                return;
            }
            if (i == from) {
                firstValue = v;
                min = -1;
                max = -1;
            }
            if (Double.isFinite(v)) {
                if (min < 0 || v < minValue) {
                    min = i;
                    minValue = v;
                }
                if (max < 0 || v > maxValue) {
                    max = i;
                    maxValue = v;
                }
            }
            if (i == to - 1) {
                put(0, from, firstValue);
                put(1, min < 0 ? from : min, min < 0 ? firstValue : minValue);
                put(2, max < 0 ? from : max, max < 0 ? firstValue : maxValue);
                put(3, i, v);
                for (int a = 1; a < 4; a++) { // by index: the bucket's points in series order
                    for (int b = a; b > 0 && four[b] < four[b - 1]; b--) {
                        int k = four[b];
                        four[b] = four[b - 1];
                        four[b - 1] = k;
                        double x = fourValues[b];
                        fourValues[b] = fourValues[b - 1];
                        fourValues[b - 1] = x;
                    }
                }
                for (int k = 0; k < 4; k++) {
                    if (size == 0 || indices[size - 1] != four[k]) {
                        indices[size] = four[k];
                        values[size++] = fourValues[k];
                    }
                }
                bucket++;
                from = to;
                to = bucket + 1 <= buckets ? bound(bucket + 1) : n;
            }
        }

        private void put(int k, int index, double value) {
            four[k] = index;
            fourValues[k] = value;
        }

        private void requireComplete() {
            if (next != n) {
                throw new IllegalStateException(next + " of the " + n + " values announced were given");
            }
        }

        /** The indices kept, ascending, once every value was given. */
        public int[] indices() {
            requireComplete();
            return Arrays.copyOf(indices, size);
        }

        /** The values at {@link #indices()}. */
        public double[] values() {
            requireComplete();
            return Arrays.copyOf(values, size);
        }

        /** The series' points kept as a {@link TimeSeries} named {@code name}, {@code times} the series' own (all n). */
        public TimeSeries series(String name, long[] times) {
            int[] at = indices();
            long[] t = new long[at.length];
            for (int k = 0; k < at.length; k++) {
                t[k] = times[at[k]];
            }
            return new TimeSeries(name, t, values());
        }
    }

    /** Every k-th index from 0 with {@code k = ceil(n / maxPoints)}: at most {@code maxPoints} indices. */
    public static int[] stride(int n, int maxPoints) {
        int k = Math.max(1, (n + maxPoints - 1) / maxPoints);
        int[] out = new int[(n + k - 1) / k];
        for (int i = 0; i < out.length; i++) {
            out[i] = i * k;
        }
        return out;
    }
}
