package io.quantlake.risk;

import java.util.Objects;

/**
 * An alert raised by {@link CorrelationTracker#update} under a {@link CorrelationAlertRule}.
 *
 * @param bar      0-based index of the bar (the {@code update} call) after which the alert fired
 * @param trigger  which rule fired
 * @param source   estimator whose average correlation was watched
 * @param average  average pairwise correlation {@code a_t} after that bar
 * @param baseline {@code JUMP}: the minimum average over the previous {@code withinBars} bars;
 *                 {@code LEVEL_CROSS}: the level crossed
 */
public record CorrelationAlert(long bar, Trigger trigger, CorrelationEstimator source, double average,
                               double baseline) {

    /** The rule that fired. */
    public enum Trigger {
        /** The average correlation rose by more than {@code jump} within {@code withinBars} bars. */
        JUMP,
        /** The average correlation crossed {@code level} upwards. */
        LEVEL_CROSS
    }

    public CorrelationAlert {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(source, "source");
        if (bar < 0) {
            throw new IllegalArgumentException("alert bar must be >= 0, got " + bar);
        }
        if (!Double.isFinite(average) || !Double.isFinite(baseline)) {
            throw new IllegalArgumentException("alert average and baseline must be finite, got average=" + average
                    + ", baseline=" + baseline);
        }
    }
}
