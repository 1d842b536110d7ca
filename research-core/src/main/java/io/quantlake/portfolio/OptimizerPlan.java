package io.quantlake.portfolio;

/**
 * What {@link PositionOptimizer#plan} decided for one decision, in weight units (fractions of equity at the
 * decision bar's close).
 *
 * @param orders        symbols whose post-trade weight differs from the current one
 * @param turnover      {@code Σ_i |x_i − cw_i|}
 * @param naiveOrders   orders of naive rebalancing: every symbol with {@code |w_i − cw_i| >= band} (and
 *                      {@code w_i ≠ cw_i}) trades to its capped target {@code w_i}
 * @param naiveTurnover {@code Σ |w_i − cw_i|} over those symbols
 * @param linearProgram whether the joint caps needed the linear program (else the box projection sufficed)
 */
public record OptimizerPlan(int orders, double turnover, int naiveOrders, double naiveTurnover,
                            boolean linearProgram) {
}
