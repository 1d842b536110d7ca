package io.quantlake.strategy.pairs;

/**
 * How a pair trade's two legs are sized, as fractions of the equity {@code E_t} at the decision.
 * <ul>
 *   <li>{@code DOLLAR_NEUTRAL}: each leg has notional {@code leg_weight · E_t}.</li>
 *   <li>{@code BETA_NEUTRAL}: the y leg has notional {@code leg_weight · E_t}, the x leg
 *       {@code |beta_t| · leg_weight · E_t}. On log prices the position then earns
 *       {@code leg_weight · E_t · (dln y - beta dln x)}, i.e. it holds the spread itself.</li>
 * </ul>
 * Sides: long the spread is long y and short {@code beta} x (short x when {@code beta > 0}, long x when
 * {@code beta < 0}); short the spread is the opposite.
 */
public enum LegSizing {
    DOLLAR_NEUTRAL, BETA_NEUTRAL;

    /** Weight of the x leg for a y leg of {@code legWeight} and hedge ratio {@code beta}. */
    public double xWeight(double legWeight, double beta) {
        return this == DOLLAR_NEUTRAL ? legWeight : Math.abs(beta) * legWeight;
    }
}
