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
        if (maxPoints < 4) {
            throw new IllegalArgumentException("maxPoints must be >= 4, got " + maxPoints);
        }
        int n = values.length;
        if (n <= maxPoints) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int buckets = maxPoints / 4;
        int[] out = new int[4 * buckets];
        int size = 0;
        int[] four = new int[4];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int min = -1;
            int max = -1;
            for (int i = from; i < to; i++) {
                double v = values[i];
                if (Double.isFinite(v)) {
                    if (min < 0 || v < values[min]) {
                        min = i;
                    }
                    if (max < 0 || v > values[max]) {
                        max = i;
                    }
                }
            }
            four[0] = from;
            four[1] = min < 0 ? from : min;
            four[2] = max < 0 ? from : max;
            four[3] = to - 1;
            Arrays.sort(four);
            for (int k = 0; k < 4; k++) {
                if (size == 0 || out[size - 1] != four[k]) {
                    out[size++] = four[k];
                }
            }
        }
        return Arrays.copyOf(out, size);
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
