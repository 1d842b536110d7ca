package io.quantlake.strategy.quant;

import io.quantlake.factorspec.FactorRef;
import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import io.quantlake.strategy.reference.CrossSectionalScore;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.Selection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code factor}: trades a {@link CompositeScore} of several factors at each scheduled bar.
 *
 * <ul>
 *   <li>{@link LongShort}: exactly {@link MarketNeutralStrategy} on the composite (ranking by score
 *       descending, ties by symbol name; top get {@code +long_ratio / k_top}, bottom
 *       {@code −short_ratio / k_bottom}; no decision when fewer valid symbols than needed), made
 *       beta-neutral by {@link BetaNeutralStrategy} when a {@link RollingBeta} is given.</li>
 *   <li>{@link LongOnly}: the top of the same ranking (bottom 0), either equally weighted
 *       ({@code 1 / k_top} each) or score-weighted: {@code w_i = c_i⁺ / Σ_j c_j⁺} over the selected
 *       symbols, {@code c⁺ = max(c, 0)}. The composite has cross-sectional mean 0, so the top symbol
 *       has {@code c >= 0}; when every selected {@code c} is 0 the weights are equal. Weights sum to 1.</li>
 * </ul>
 * Valid symbols are those with a composite score (listed at {@code t}, a bar at {@code t}, every
 * factor defined); every other symbol is 0 at a decision (R6, R7).
 *
 * @param score    the composite
 * @param mode     long/short or long-only
 * @param schedule decision calendar
 */
public record FactorStrategy(CompositeScore score, Mode mode, RebalanceSchedule schedule)
        implements WeightStrategy {
    /** How the ranking is traded. */
    public sealed interface Mode {
    }

    /**
     * Long the top, short the bottom.
     *
     * @param selection  counts or quantiles
     * @param longRatio  gross long weight, >= 0
     * @param shortRatio gross short weight before beta scaling, >= 0
     * @param beta       empty: dollar-neutral ratios as given; present: beta-neutral short book
     */
    public record LongShort(Selection selection, double longRatio, double shortRatio, Optional<RollingBeta> beta)
            implements Mode {
        public LongShort {
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(beta, "beta");
            if (beta.isPresent()) {
                BetaNeutralStrategy.requireTwoSided(selection, longRatio, shortRatio);
            }
        }
    }

    /**
     * Long the top only.
     *
     * @param selection     counts or quantiles with bottom 0
     * @param scoreWeighted false: equal weights; true: {@code w_i ∝ max(c_i, 0)}
     */
    public record LongOnly(Selection selection, boolean scoreWeighted) implements Mode {
        public LongOnly {
            Objects.requireNonNull(selection, "selection");
            if (selection.bottom(1_000_000) != 0) {
                throw new IllegalArgumentException("long_only needs no bottom selection, got " + selection);
            }
        }
    }

    public FactorStrategy {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public String name() {
        return "factor";
    }

    /** The composite's factors, each once: the panel must carry their values ({@link CompositeScore}). */
    @Override
    public List<FactorRef> requiredFactors() {
        return List.copyOf(new LinkedHashSet<>(score.factors()));
    }

    /** The composite reads its factors' row {@code t} only; a beta-neutral short book adds the rolling beta's warm-up. */
    @Override
    public int warmupBars() {
        return mode instanceof LongShort ls && ls.beta().isPresent() ? ls.beta().get().warmupBars() : score.warmupBars();
    }

    @Override
    public TargetWeights targets(Panel panel) {
        double[] c = score.scores(panel);
        CrossSectionalScore fixed = CrossSectionalScore.matrix(c);
        if (mode instanceof LongShort ls) {
            MarketNeutralStrategy mn = new MarketNeutralStrategy(fixed, ls.selection(), ls.longRatio(),
                    ls.shortRatio(), schedule);
            return ls.beta().isPresent() ? new BetaNeutralStrategy(mn, ls.beta().get()).targets(panel)
                    : mn.targets(panel);
        }
        LongOnly lo = (LongOnly) mode;
        TargetWeights equal = new MarketNeutralStrategy(fixed, lo.selection(), 1, 0, schedule).targets(panel);
        if (!lo.scoreWeighted()) {
            return equal;
        }
        int n = panel.symbolCount();
        double[] w = equal.weights().clone();
        for (int t = 0; t < equal.bars(); t++) {
            if (equal.decision()[t]) {
                scoreWeight(w, c, t * n, n);
            }
        }
        return new TargetWeights(equal.bars(), n, equal.decision(), w);
    }

    /** Reweights the selected (positive) cells of one row by {@code max(c, 0)}; unchanged when all are 0. */
    private static void scoreWeight(double[] w, double[] c, int row, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (w[row + i] > 0) {
                sum += Math.max(c[row + i], 0);
            }
        }
        if (!(sum > 0)) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (w[row + i] > 0) {
                w[row + i] = Math.max(c[row + i], 0) / sum;
            }
        }
    }
}
