package io.quantlake.datasets;

import java.util.Objects;

/**
 * A planted cointegrated pair: at every daily close {@code ln y = alpha + beta * ln x + s}, where the
 * spread follows the stationary AR(1) {@code s_d = rho * s_{d-1} + spreadVol * N(0,1)} (half-life
 * {@code ln 2 / -ln rho} days). Prices are then rounded to each symbol's tick.
 */
public record PlantedPair(String x, String y, double alpha, double beta, double rho, double spreadVol) {
    public PlantedPair {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("pair " + x + "/" + y + ": rho must be in [0, 1) for a stationary spread, got " + rho);
        }
        if (!(spreadVol > 0) || !(beta > 0)) {
            throw new IllegalArgumentException("pair " + x + "/" + y + ": beta and spreadVol must be positive, got "
                    + beta + ", " + spreadVol);
        }
    }

    /** Stationary standard deviation of the spread: {@code spreadVol / sqrt(1 - rho^2)}. */
    public double spreadStdDev() {
        return spreadVol / Math.sqrt(1 - rho * rho);
    }
}
