package io.quantlake.strategy.reference;

import io.quantlake.panel.Panel;
import java.util.Arrays;

/**
 * The cross-sectional ranking of {@link MarketNeutralStrategy} at each bar: the valid symbols
 * (score not NaN, the symbol exists and has a bar, R6/R7) by score descending, ties by symbol
 * name ascending ({@link String#compareTo}). {@code order[t * N + r]} is the symbol of rank
 * {@code r} at bar {@code t}, for {@code r < valid(t)}. Read-only once built (shared by a sweep).
 */
final class Ranking {
    private final int[] order;
    private final int[] valid;

    private Ranking(int[] order, int[] valid) {
        this.order = order;
        this.valid = valid;
    }

    /** Number of valid (ranked) symbols at bar {@code t}; 0 at bars not ranked. */
    int valid(int t) {
        return valid[t];
    }

    /** The ranks, {@code order[t * N + r]}. */
    int[] order() {
        return order;
    }

    /**
     * Ranks {@code s} ({@code s[t * N + i]}) at the bars where {@code bars[t]} (every bar when null).
     * The previous ranked bar's order seeds each insertion sort, which is then near-linear (scores
     * move little between bars); the comparator is a total order, so the ranking is the same as a
     * sort from universe order.
     */
    static Ranking of(Panel panel, double[] s, boolean[] bars) {
        int n = panel.symbolCount();
        int count = panel.bars();
        int[] nameRank = nameRank(panel.symbols());
        int[] order = new int[count * n];
        int[] valid = new int[count];
        int[] prev = new int[n];
        boolean[] ok = new boolean[n];
        int ranked = 0;
        for (int t = 0; t < count; t++) {
            if (bars != null && !bars[t]) {
                continue;
            }
            int row = t * n;
            for (int i = 0; i < n; i++) {
                ok[i] = !Double.isNaN(s[row + i]) && panel.exists(t, i) && panel.hasBar(t, i);
            }
            int c = 0;
            for (int k = 0; k < ranked; k++) {
                int i = prev[k];
                if (ok[i]) {
                    order[row + c++] = i;
                    ok[i] = false;
                }
            }
            for (int i = 0; i < n; i++) {
                if (ok[i]) {
                    order[row + c++] = i;
                    ok[i] = false;
                }
            }
            sortByScoreThenName(order, row, c, s, nameRank);
            System.arraycopy(order, row, prev, 0, c);
            ranked = c;
            valid[t] = c;
        }
        return new Ranking(order, valid);
    }

    /** {@code rank[i]} = position of symbol {@code i} in ascending {@link String#compareTo} order. */
    private static int[] nameRank(String[] symbols) {
        String[] sorted = symbols.clone();
        Arrays.sort(sorted);
        int[] rank = new int[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            rank[i] = Arrays.binarySearch(sorted, symbols[i]);
        }
        return rank;
    }

    /**
     * Insertion sort of {@code order[row, row + count)} by score descending, then name ascending; no
     * allocation, O(count + inversions).
     */
    private static void sortByScoreThenName(int[] order, int row, int count, double[] s, int[] nameRank) {
        for (int a = row + 1; a < row + count; a++) {
            int x = order[a];
            double sx = s[row + x];
            int b = a - 1;
            while (b >= row) {
                int y = order[b];
                double sy = s[row + y];
                if (sx > sy || (sx == sy && nameRank[x] < nameRank[y])) {
                    order[b + 1] = y;
                    b--;
                } else {
                    break;
                }
            }
            order[b + 1] = x;
        }
    }
}
