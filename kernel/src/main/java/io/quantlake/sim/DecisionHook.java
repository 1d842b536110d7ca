package io.quantlake.sim;

import io.quantlake.ledger.Reason;

/**
 * A portfolio layer between a weight strategy and the kernel (DESIGN.md: risk manager → position
 * optimizer → kernel), called once per decision of the weight path at step 5 of SIMULATION.md §12.2,
 * after the R6/R7 0-forcing and before the orders become pending. It may rewrite the decision's
 * targets in place and give each symbol's order a ledger reason:
 *
 * <ul>
 *   <li>{@link Reason#HEDGE}: every row of that symbol's order is type {@code HEDGE}, reason {@code hedge}
 *       (a sign flip is two HEDGE rows);</li>
 *   <li>a risk reason ({@link Reason#isRisk()}): when the order reduces the existing position without
 *       flipping it, the row is {@code PARTIAL_CLOSE} (or {@code CLOSE} at 0) with that reason; an order
 *       that opens, increases or flips keeps the ordinary rebalance rows;</li>
 *   <li>{@code null}: the ordinary weight-path rows (R15).</li>
 * </ul>
 *
 * <p>Contract: the call must be a pure function of its arguments and of data with
 * {@code open_time <= times[t]} (no look-ahead). It must not allocate per call if the run is to
 * stay allocation-free; the arrays are the kernel's scratch and valid only during the call. A
 * symbol that does not exist at {@code t} stays at target 0 whatever the hook writes (R6, R7).
 * Without a hook the kernel behaves exactly as SIMULATION.md says.
 */
@FunctionalInterface
public interface DecisionHook {
    /**
     * @param t              the decision bar
     * @param targets        in/out: the decision's target weights per symbol (NaN = keep, no order)
     * @param currentWeights {@code cw_i = q_i · close_i / E_t} at the close of {@code t} (last known
     *                       close where missing, R9; 0 when not held or {@code E_t <= 0})
     * @param reasons        out: the ledger reason of each symbol's order, all {@code null} on entry
     */
    void adjust(int t, double[] targets, double[] currentWeights, Reason[] reasons);
}
