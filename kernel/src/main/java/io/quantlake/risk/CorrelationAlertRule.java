package io.quantlake.risk;

import java.util.Objects;

/**
 * When a {@link CorrelationTracker} raises a {@link CorrelationAlert} on its average pairwise correlation
 * {@code a_t} (read from {@code source} after each bar {@code t}).
 *
 * <ul>
 *   <li>{@link CorrelationAlert.Trigger#JUMP}: {@code a_t - min(a_{t-withinBars} .. a_{t-1}) > jump}, the minimum
 *       over the finite averages among those bars. Edge-triggered: it fires on the first bar the condition holds
 *       and re-arms on the first bar it does not. {@code jump = +Infinity} disables the rule.</li>
 *   <li>{@link CorrelationAlert.Trigger#LEVEL_CROSS}: {@code a_prev < level <= a_t}, where {@code a_prev} is the
 *       last finite average before {@code t}. {@code level = NaN} disables the rule.</li>
 * </ul>
 * If both fire on the same bar the alert reports {@code JUMP}.
 *
 * @param source     estimator whose average correlation is watched
 * @param withinBars look-back {@code k} of the jump rule, in bars ({@code >= 1})
 * @param jump       rise in correlation units that fires the jump rule ({@code > 0}, or {@code +Infinity} = off)
 * @param level      correlation level whose upward crossing fires ({@code [-1, 1]}, or {@code NaN} = off)
 */
public record CorrelationAlertRule(CorrelationEstimator source, int withinBars, double jump, double level) {

    public CorrelationAlertRule {
        Objects.requireNonNull(source, "alert source");
        if (withinBars < 1) {
            throw new IllegalArgumentException("alert withinBars must be >= 1 bar, got " + withinBars);
        }
        if (!(jump > 0)) {
            throw new IllegalArgumentException("alert jump must be > 0 (or +Infinity to disable), got " + jump);
        }
        if (!Double.isNaN(level) && !(level >= -1 && level <= 1)) {
            throw new IllegalArgumentException("alert level must be in [-1, 1] (or NaN to disable), got " + level);
        }
    }

    /** No alert ever fires. */
    public static CorrelationAlertRule disabled() {
        return new CorrelationAlertRule(CorrelationEstimator.ROLLING, 1, Double.POSITIVE_INFINITY, Double.NaN);
    }

    /** Fires when the average correlation rises by more than {@code jump} within {@code withinBars} bars. */
    public static CorrelationAlertRule jump(CorrelationEstimator source, int withinBars, double jump) {
        return new CorrelationAlertRule(source, withinBars, jump, Double.NaN);
    }

    /** Fires when the average correlation crosses {@code level} upwards. */
    public static CorrelationAlertRule level(CorrelationEstimator source, double level) {
        return new CorrelationAlertRule(source, 1, Double.POSITIVE_INFINITY, level);
    }

    /** True if the jump rule is on. */
    public boolean jumpEnabled() {
        return jump != Double.POSITIVE_INFINITY;
    }

    /** True if the level rule is on. */
    public boolean levelEnabled() {
        return !Double.isNaN(level);
    }

    /** True if either rule is on (otherwise the tracker skips the per-bar average). */
    public boolean enabled() {
        return jumpEnabled() || levelEnabled();
    }
}
