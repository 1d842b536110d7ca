package io.quantlake.exit;

import io.quantlake.ledger.Reason;
import io.quantlake.panel.Panel;
import java.util.Objects;

/**
 * A predicate over bar {@code t}'s data for a {@link ConditionalExitStrategy}. It may read the
 * panel (candles and features) only at bars {@code <= t}.
 */
@FunctionalInterface
public interface ExitCondition {
    /**
     * @param panel  the backtest panel
     * @param t      the decision bar (grid index), whose close has happened
     * @param symbol universe index of the lot's symbol
     * @param lot    the lot
     * @return true to exit the lot
     */
    boolean test(Panel panel, int t, int symbol, OpenLot lot);

    /** The ledger reason of the exit rows this condition causes (default {@code conditional_exit}). */
    default Reason reason() {
        return Reason.CONDITIONAL_EXIT;
    }

    /**
     * Fires when panel feature {@code feature} of the lot's symbol at bar {@code t} is strictly above
     * {@code level} ({@code above}) or strictly below it; a NaN value never fires.
     */
    static ExitCondition featureThreshold(String feature, boolean above, double level) {
        Objects.requireNonNull(feature, "feature");
        return (panel, t, i, lot) -> {
            double v = panel.feature(feature)[panel.at(t, i)];
            return above ? v > level : v < level;
        };
    }

    /** Fires when panel feature {@code feature} of the lot's symbol crosses 0 between the previous own bar and {@code t}. */
    static ExitCondition featureCrossesZero(String feature) {
        return (panel, t, i, lot) -> {
            double[] f = panel.feature(feature);
            double now = f[panel.at(t, i)];
            for (int s = t - 1; s >= 0; s--) {
                double prev = f[panel.at(s, i)];
                if (!Double.isNaN(prev)) {
                    return !Double.isNaN(now) && (prev > 0 ? now <= 0 : prev < 0 && now >= 0);
                }
            }
            return false;
        };
    }
}
