package io.quantlake.nightly;

import io.quantlake.strategy.TargetWeights;
import java.util.Arrays;

/**
 * Today's targets from a strategy's {@link TargetWeights} over the panel ending at the run date's last
 * complete bar: the row of the latest decision at or before the last bar. When the strategy did not
 * decide at the last bar (e.g. a monthly rebalance between month starts), the last decided targets are
 * used, so the band still corrects drift away from them; with no decision at all every target is NaN
 * (no opinion: nothing trades).
 *
 * @param decisionBar bar index of the decision used, −1 when none
 * @param weights     target weight per symbol (NaN = no opinion)
 */
public record LatestTargets(int decisionBar, double[] weights) {
    public LatestTargets {
        weights = weights.clone();
    }

    /** Whether the decision used is at the last bar of the panel ({@code bars − 1}). */
    public boolean decidedAtLastBar(int bars) {
        return decisionBar == bars - 1;
    }

    /** The latest decision row of {@code targets}. */
    public static LatestTargets of(TargetWeights targets) {
        int n = targets.symbols();
        for (int t = targets.bars() - 1; t >= 0; t--) {
            if (targets.decision()[t]) {
                return new LatestTargets(t, Arrays.copyOfRange(targets.weights(), t * n, (t + 1) * n));
            }
        }
        double[] none = new double[n];
        Arrays.fill(none, Double.NaN);
        return new LatestTargets(-1, none);
    }
}
