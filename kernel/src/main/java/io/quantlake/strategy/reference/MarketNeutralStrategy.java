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
 */
public record MarketNeutralStrategy(CrossSectionalScore score, Selection selection, double longRatio,
                                    double shortRatio, RebalanceSchedule schedule)
        implements WeightStrategy {
    public MarketNeutralStrategy {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(schedule, "schedule");
        if (!(longRatio >= 0) || !(shortRatio >= 0) || !Double.isFinite(longRatio) || !Double.isFinite(shortRatio)) {
            throw new IllegalArgumentException("long_ratio and short_ratio must be finite and >= 0, got "
                    + longRatio + ", " + shortRatio);
        }
    }

    /** CLI.md's {@code market_neutral}: momentum {@code (lookback, skip)}, top and bottom counts. */
    public static MarketNeutralStrategy momentum(int lookback, int skip, int top, int bottom, double longRatio,
                                                 double shortRatio, RebalanceSchedule schedule) {
        return new MarketNeutralStrategy(new MomentumScore(lookback, skip), new Selection.Counts(top, bottom),
                longRatio, shortRatio, schedule);
    }

    @Override
    public String name() {
        return "market_neutral";
    }

    /** The score's warm-up (the ranking reads row {@code t} only). */
    @Override
    public int warmupBars() {
        return score.warmupBars();
    }

    @Override
    public TargetWeights targets(Panel panel) {
        int n = panel.symbolCount();
        int bars = panel.bars();
        double[] s = score instanceof MomentumScore m ? m.shared(panel) : score.scores(panel);
        if (s.length != bars * n) {
            throw new IllegalArgumentException("score matrix has " + s.length + " cells, expected bars × symbols = "
                    + bars * n);
        }
        boolean[] decision = panel.scheduled(schedule, schedule::decisionBars);
        // A momentum ranking depends only on the panel and (lookback, skip): rank every bar once and
        // share it across the sets of a sweep; other scores rank the decision bars only.
        Ranking ranking = score instanceof MomentumScore m
                ? panel.derived().computeIfAbsent(new RankingKey(m), (long) bars * n, p -> Ranking.of(p, s, null))
                : Ranking.of(panel, s, decision);
        double[] w = new double[bars * n];
        Arrays.fill(w, Double.NaN);
        for (int t = 0; t < bars; t++) {
            if (!decision[t]) {
                continue;
            }
            int valid = ranking.valid(t);
            if (!selection.feasible(valid)) {
                decision[t] = false;
                continue;
            }
            int[] order = ranking.order();
            int row = t * n;
            int top = selection.top(valid);
            int bottom = selection.bottom(valid);
            Arrays.fill(w, row, row + n, 0.0);
            for (int r = 0; r < top; r++) {
                w[row + order[row + r]] = longRatio / top;
            }
            for (int r = valid - bottom; r < valid; r++) {
                w[row + order[row + r]] = -shortRatio / bottom;
            }
        }
        return new TargetWeights(bars, n, decision, w);
    }

    /** The cache key of a momentum ranking (distinct from the score matrix's key). */
    private record RankingKey(MomentumScore score) {
    }
}
