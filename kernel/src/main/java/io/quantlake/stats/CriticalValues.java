package io.quantlake.stats;

/**
 * Critical values of a unit-root test statistic: reject the unit root at level L when the statistic is
 * below the L value.
 *
 * @param onePercent  the 1% critical value
 * @param fivePercent the 5% critical value
 * @param tenPercent  the 10% critical value
 */
public record CriticalValues(double onePercent, double fivePercent, double tenPercent) {
    public CriticalValues {
        if (!(onePercent <= fivePercent && fivePercent <= tenPercent)) {
            throw new IllegalArgumentException("critical values must satisfy 1% <= 5% <= 10%, got " + onePercent
                    + ", " + fivePercent + ", " + tenPercent);
        }
    }
}
