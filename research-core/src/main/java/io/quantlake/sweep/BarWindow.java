package io.quantlake.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of grid bars given as sorted, disjoint, non-empty half-open segments {@code [from_k, to_k)}
 * of bar indices. A walk-forward window is one segment; a purged k-fold training set is up to two.
 *
 * <p>The metrics of a window use the returns {@code r_t = E_t / E_{t−1} − 1} of its bars {@code t}
 * (bar 0 has none), so that adjoining windows share no return and lose none.
 */
public record BarWindow(int[] from, int[] to) implements Serializable {
    private static final long serialVersionUID = 1L;

    public BarWindow {
        if (from.length != to.length || from.length == 0) {
            throw new IllegalArgumentException("a bar window needs matching, non-empty segment bounds, got "
                    + Arrays.toString(from) + " / " + Arrays.toString(to));
        }
        for (int k = 0; k < from.length; k++) {
            if (from[k] < 0 || from[k] >= to[k] || (k > 0 && from[k] <= to[k - 1])) {
                throw new IllegalArgumentException("bar window segments must be sorted, disjoint, non-adjoining and"
                        + " non-empty, got " + describe(from, to));
            }
        }
        from = from.clone();
        to = to.clone();
    }

    /** The single segment {@code [from, to)}. */
    public static BarWindow of(int from, int to) {
        return new BarWindow(new int[] {from}, new int[] {to});
    }

    /** The non-empty ones of the given segments, which must be sorted and disjoint; adjoining segments are joined. */
    static BarWindow union(int[]... segments) {
        List<int[]> kept = new ArrayList<>();
        for (int[] s : segments) {
            if (s[0] >= s[1]) {
                continue;
            }
            if (!kept.isEmpty() && kept.get(kept.size() - 1)[1] == s[0]) {
                kept.get(kept.size() - 1)[1] = s[1];
            } else {
                kept.add(new int[] {s[0], s[1]});
            }
        }
        int[] f = new int[kept.size()];
        int[] t = new int[kept.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = kept.get(k)[0];
            t[k] = kept.get(k)[1];
        }
        return new BarWindow(f, t);
    }

    /** Number of bars. */
    public int bars() {
        int n = 0;
        for (int k = 0; k < from.length; k++) {
            n += to[k] - from[k];
        }
        return n;
    }

    /** Index of the first bar. */
    public int first() {
        return from[0];
    }

    /** One past the last bar. */
    public int endExclusive() {
        return to[to.length - 1];
    }

    /** Whether bar {@code t} belongs to the window. */
    public boolean contains(int t) {
        for (int k = 0; k < from.length; k++) {
            if (t >= from[k] && t < to[k]) {
                return true;
            }
        }
        return false;
    }

    /** Segments as {@code [a, b) ∪ [c, d)}. */
    @Override
    public String toString() {
        return describe(from, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BarWindow w && Arrays.equals(from, w.from) && Arrays.equals(to, w.to);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(from) + Arrays.hashCode(to);
    }

    private static String describe(int[] from, int[] to) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < Math.min(from.length, to.length); k++) {
            s.append(k == 0 ? "" : " ∪ ").append('[').append(from[k]).append(", ").append(to[k]).append(')');
        }
        return s.toString();
    }
}
