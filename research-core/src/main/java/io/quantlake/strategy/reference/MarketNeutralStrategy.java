package io.quantlake.strategy.reference;

import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cross-sectional long/short ranking; with {@link MomentumScore} and {@link Selection.Counts} it is
 * CLI.md's {@code market_neutral}. At each scheduled bar {@code t} the valid symbols are ranked by
 * score descending, ties by symbol name ascending ({@link String#compareTo}, Python's order for
 * ASCII names); the top {@code k_top} get {@code +longRatio / k_top}, the bottom {@code k_bottom}
 * get {@code −shortRatio / k_bottom}, every other symbol 0. So the longs sum to {@code longRatio}
 * and the shorts to {@code −shortRatio}.
 *
 * <p>Valid (R6, R7): the score is not NaN, the symbol exists at {@code t} and has a bar at
 * {@code t}. When the selection is not feasible with the valid count (fewer than
 * {@code top + bottom}), the bar has no decision: no targets, pending orders stay (R22, R25).
 *
 * @param score      per-bar scores, NaN = invalid
 * @param selection  counts or quantiles of the ranking
 * @param longRatio  gross long weight, >= 0
 * @param shortRatio gross short weight, >= 0
 * @param schedule   decision calendar
 * @param band       no-trade band in [0, 1) (default 0)
 */
public record MarketNeutralStrategy(CrossSectionalScore score, Selection selection, double longRatio,
                                    double shortRatio, RebalanceSchedule schedule, double band)
        implements WeightStrategy {
    public MarketNeutralStrategy {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(schedule, "schedule");
        if (!(longRatio >= 0) || !(shortRatio >= 0) || !Double.isFinite(longRatio) || !Double.isFinite(shortRatio)) {
            throw new IllegalArgumentException("long_ratio and short_ratio must be finite and >= 0, got "
                    + longRatio + ", " + shortRatio);
        }
        ReferenceChecks.band(band);
    }

    /** CLI.md's {@code market_neutral}: momentum {@code (lookback, skip)}, top and bottom counts. */
    public static MarketNeutralStrategy momentum(int lookback, int skip, int top, int bottom, double longRatio,
                                                 double shortRatio, RebalanceSchedule schedule, double band) {
        return new MarketNeutralStrategy(new MomentumScore(lookback, skip), new Selection.Counts(top, bottom),
                longRatio, shortRatio, schedule, band);
    }

    @Override
    public String name() {
        return "market_neutral";
    }

    @Override
    public TargetWeights targets(Panel panel) {
        int n = panel.symbolCount();
        int bars = panel.bars();
        double[] s = score.scores(panel);
        if (s.length != bars * n) {
            throw new IllegalArgumentException("score matrix has " + s.length + " cells, expected bars × symbols = "
                    + bars * n);
        }
        int[] nameRank = nameRank(panel.symbols());
        boolean[] decision = schedule.decisionBars(panel.times());
        double[] w = new double[bars * n];
        Arrays.fill(w, Double.NaN);
        int[] order = new int[n];
        for (int t = 0; t < bars; t++) {
            if (!decision[t]) {
                continue;
            }
            int valid = 0;
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(s[t * n + i]) && panel.exists(t, i) && panel.hasBar(t, i)) {
                    order[valid++] = i;
                }
            }
            if (!selection.feasible(valid)) {
                decision[t] = false;
                continue;
            }
            sortByScoreThenName(order, valid, s, t * n, nameRank);
            int top = selection.top(valid);
            int bottom = selection.bottom(valid);
            Arrays.fill(w, t * n, t * n + n, 0.0);
            for (int r = 0; r < top; r++) {
                w[t * n + order[r]] = longRatio / top;
            }
            for (int r = valid - bottom; r < valid; r++) {
                w[t * n + order[r]] = -shortRatio / bottom;
            }
        }
        return new TargetWeights(bars, n, decision, w, band, schedule.threshold());
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
     * Insertion sort of {@code order[0..count)} by score descending, then name ascending; no
     * allocation, O(count²) per decision bar (universes are tens to hundreds of symbols).
     */
    private static void sortByScoreThenName(int[] order, int count, double[] s, int row, int[] nameRank) {
        for (int a = 1; a < count; a++) {
            int x = order[a];
            int b = a - 1;
            while (b >= 0 && before(x, order[b], s, row, nameRank)) {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = x;
        }
    }

    private static boolean before(int x, int y, double[] s, int row, int[] nameRank) {
        double sx = s[row + x];
        double sy = s[row + y];
        if (sx != sy) {
            return sx > sy;
        }
        return nameRank[x] < nameRank[y];
    }
}
