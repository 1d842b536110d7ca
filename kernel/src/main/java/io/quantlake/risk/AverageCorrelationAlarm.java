package io.quantlake.risk;

/**
 * Evaluates a {@link CorrelationAlertRule} on the stream of average correlations, one value per bar, keeping the
 * last {@code withinBars} values in a ring (NaN = undefined that bar, skipped by both rules).
 */
final class AverageCorrelationAlarm {
    private final CorrelationAlertRule rule;
    private final double[] history;
    private int next;
    private double previous = Double.NaN;
    private boolean jumpActive;

    AverageCorrelationAlarm(CorrelationAlertRule rule) {
        this.rule = rule;
        this.history = new double[rule.withinBars()];
        java.util.Arrays.fill(history, Double.NaN);
    }

    /** Feeds the average {@code a} after bar {@code bar}; returns the alert that fired, or null (allocates only then). */
    CorrelationAlert observe(long bar, double a) {
        double baseline = Double.NaN;
        for (double h : history) {
            if (!Double.isNaN(h) && (Double.isNaN(baseline) || h < baseline)) {
                baseline = h;
            }
        }
        history[next] = a;
        next = (next + 1) % history.length;
        if (Double.isNaN(a)) {
            return null;
        }
        boolean jumpNow = rule.jumpEnabled() && a - baseline > rule.jump();
        boolean fireJump = jumpNow && !jumpActive;
        jumpActive = jumpNow;
        boolean fireLevel = rule.levelEnabled() && previous < rule.level() && a >= rule.level();
        previous = a;
        if (fireJump) {
            return new CorrelationAlert(bar, CorrelationAlert.Trigger.JUMP, rule.source(), a, baseline);
        }
        if (fireLevel) {
            return new CorrelationAlert(bar, CorrelationAlert.Trigger.LEVEL_CROSS, rule.source(), a, rule.level());
        }
        return null;
    }
}
