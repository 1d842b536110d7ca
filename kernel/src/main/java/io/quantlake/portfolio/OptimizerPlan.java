package io.quantlake.portfolio;

/**
 * What {@link PositionOptimizer#plan} decided for one decision, in weight units (fractions of equity at the
 * decision bar's close).
 *
 * @param orders        symbols whose post-trade weight differs from the current one
 * @param turnover      {@code Σ_i |x_i − cw_i|}
 * @param naiveOrders   orders of naive rebalancing that meets every cap: each symbol outside its band or
 *                      breaking the per-asset cap trades to its capped target {@code w_i}, and every symbol does
 *                      when that still breaks a joint cap (see {@link PositionOptimizer})
 * @param naiveTurnover {@code Σ |w_i − cw_i|} over those symbols
 * @param linearProgram whether the joint caps needed the linear program (else the box projection sufficed)
 */
public record OptimizerPlan(int orders, double turnover, int naiveOrders, double naiveTurnover,
                            boolean linearProgram) {
}
