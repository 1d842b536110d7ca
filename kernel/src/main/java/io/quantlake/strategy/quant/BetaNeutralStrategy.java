package io.quantlake.strategy.quant;

import io.quantlake.panel.Panel;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import io.quantlake.strategy.reference.CrossSectionalScore;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.Selection;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code market_neutral_beta}: a {@link MarketNeutralStrategy} (same score, selection, ratios,
 * and schedule) made beta-neutral by scaling its short book.
 *
 * <p>At each scheduled bar {@code t}: {@code β_i(t)} comes from {@link RollingBeta}; a symbol
 * without a beta is not valid (its score is masked to NaN before ranking, so the ranking,
 * selection and tie rules are exactly MarketNeutralStrategy's over the symbols that have one).
 * With the dollar-neutral weights {@code w_i} (longs sum to {@code long_ratio}, shorts to
 * {@code −short_ratio}), {@code B_L = Σ_{w_i>0} w_i β_i} and {@code B_S = Σ_{w_i<0} w_i β_i},
 * every short is multiplied by {@code k = −B_L / B_S}, so that {@code Σ_i w_i β_i = 0}; the short
 * book's gross becomes {@code k · short_ratio} (k is not capped; the kernel's leverage cap still
 * applies). When {@code k} is not finite or is negative (the shorts' beta exposure is 0 or has the
 * longs' sign), the bar has no decision (no targets, positions kept, as R22).
 *
 * @param dollarNeutral the ranking, selection (both sides non-empty), ratios (> 0) and schedule
 * @param beta          the rolling beta model
 */
public record BetaNeutralStrategy(MarketNeutralStrategy dollarNeutral, RollingBeta beta) implements WeightStrategy {
    public BetaNeutralStrategy {
        Objects.requireNonNull(dollarNeutral, "dollarNeutral");
        Objects.requireNonNull(beta, "beta");
        requireTwoSided(dollarNeutral.selection(), dollarNeutral.longRatio(), dollarNeutral.shortRatio());
    }

    /** Beta neutrality scales a short book against a long book: both must be non-empty. */
    public static void requireTwoSided(Selection s, double longRatio, double shortRatio) {
        if (!(longRatio > 0 && shortRatio > 0)) {
            throw new IllegalArgumentException("beta-neutral needs long_ratio > 0 and short_ratio > 0, got "
                    + longRatio + ", " + shortRatio);
        }
        String sides;
        boolean both;
        if (s instanceof Selection.Counts c) {
            both = c.top() > 0 && c.bottom() > 0;
            sides = "top=" + c.top() + ", bottom=" + c.bottom();
        } else {
            Selection.Quantiles q = (Selection.Quantiles) s;
            both = q.top() > 0 && q.bottom() > 0;
            sides = "top_quantile=" + q.top() + ", bottom_quantile=" + q.bottom();
        }
        if (!both) {
            throw new IllegalArgumentException("beta-neutral needs a long and a short side, got " + sides);
        }
    }

    @Override
    public String name() {
        return "market_neutral_beta";
    }

    /** The ranking's and the rolling beta's warm-up. */
    @Override
    public int warmupBars() {
        return WeightStrategy.maxWarmup(dollarNeutral.warmupBars(), beta.warmupBars());
    }

    @Override
    public TargetWeights targets(Panel panel) {
        int n = panel.symbolCount();
        boolean[] rows = panel.scheduled(dollarNeutral.schedule(), dollarNeutral.schedule()::decisionBars);
        double[] b = beta.betas(panel, rows);
        double[] s = dollarNeutral.score().scores(panel);
        if (s.length != b.length) {
            throw new IllegalArgumentException("score matrix has " + s.length + " cells, expected bars × symbols = "
                    + b.length);
        }
        double[] masked = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            masked[k] = Double.isNaN(b[k]) ? Double.NaN : s[k];
        }
        TargetWeights dollar = new MarketNeutralStrategy(CrossSectionalScore.matrix(masked),
                dollarNeutral.selection(), dollarNeutral.longRatio(), dollarNeutral.shortRatio(),
                dollarNeutral.schedule()).targets(panel);
        boolean[] decision = dollar.decision().clone();
        double[] w = dollar.weights().clone();
        for (int t = 0; t < decision.length; t++) {
            if (decision[t] && !neutralize(w, b, t * n, n)) {
                decision[t] = false;
                Arrays.fill(w, t * n, t * n + n, Double.NaN);
            }
        }
        return new TargetWeights(dollar.bars(), n, decision, w);
    }

    /** Scales the shorts of row {@code row} to zero beta; false when no scale {@code k >= 0} does. */
    private static boolean neutralize(double[] w, double[] b, int row, int n) {
        double longBeta = 0;
        double shortBeta = 0;
        for (int i = 0; i < n; i++) {
            double x = w[row + i];
            if (x > 0) {
                longBeta += x * b[row + i];
            } else if (x < 0) {
                shortBeta += x * b[row + i];
            }
        }
        double k = -longBeta / shortBeta;
        if (!(k >= 0) || Double.isInfinite(k)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (w[row + i] < 0) {
                w[row + i] *= k;
            }
        }
        return true;
    }
}
