package io.quantlake.nightly;

import io.quantlake.portfolio.PositionOptimizer;
import io.quantlake.risk.RiskRules;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.sim.SymbolFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Minimum-trade rebalance orders from current holdings and target weights (pure Java, no Spark).
 *
 * <p>Method, for equity {@code E = cash + Σ q_i p_i} and current weights {@code cw_i = q_i p_i / E}:
 * <ol>
 *   <li>target {@code w_i}: the strategy's weight; NaN ("no opinion") keeps the current weight;</li>
 *   <li>post-trade weights {@code x} by {@link PositionOptimizer} with the backtest's {@link RebalanceRule} (no
 *       risk caps: {@link RiskRules#NONE}): a symbol inside {@code [w_i − band, w_i + band]} does not trade; one
 *       outside trades to {@code w_i} ({@code rebalance.to: target}) or to the nearest band edge ({@code band_edge}).
 *       With the threshold schedule every symbol trades to its target as soon as one is outside its band;</li>
 *   <li>quantity {@code Δq_i = (x_i − cw_i) · E / p_i}; a target of 0 closes the whole held quantity
 *       (reason {@code close}, never rounded); otherwise {@code |Δq_i|} is rounded toward zero to a multiple of
 *       the symbol's lot step (when known; a relative tolerance of 1e-9 absorbs floating-point error, and the
 *       result is the exact decimal multiple of the step) and an order whose notional {@code |Δq_i| p_i} is
 *       below the symbol's minimum notional (when known), or that rounds to 0, is skipped and reported.</li>
 * </ol>
 * Each order says which filters it was sized with ({@link RebalanceOrder.Filters}: {@code exchange},
 * {@code partial} or {@code unknown}), so an unrounded quantity is never mistaken for an exchange-ready one.
 * Orders are sized at the last close without fees or slippage; sells come first, then buys (so an
 * execution bot frees cash before it spends it).
 */
public final class OrderPlanner {
    private static final double STEP_TOLERANCE = 1e-9;
    /** A planned weight this close to the current one is no trade. */
    private static final double SAME_WEIGHT = 1e-12;

    private OrderPlanner() {
    }

    /**
     * Plans the orders.
     *
     * @param holdings current holdings, priced at the last close
     * @param targets  target weight per symbol of {@code holdings} (NaN = keep the current weight)
     * @param rule     the backtest's rebalance rule (band, {@code rebalance.to}, threshold schedule)
     * @param longOnly spot: no negative weights
     * @param filters  lot step and minimum notional per symbol ({@link SymbolFilter#NONE} when unknown)
     */
    public static RebalancePlan plan(Holdings holdings, double[] targets, RebalanceRule rule, boolean longOnly,
                                     SymbolFilter[] filters) {
        Objects.requireNonNull(rule, "rule");
        int n = holdings.symbols().length;
        if (targets.length != n || filters.length != n) {
            throw new IllegalArgumentException("order planner: " + n + " symbols but " + targets.length + " targets and "
                    + filters.length + " filters");
        }
        double equity = holdings.equity();
        double[] cw = holdings.weights();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Double.isNaN(targets[i]) ? cw[i] : targets[i];
            if (!Double.isFinite(w[i])) {
                throw new IllegalArgumentException("order planner: target weight of " + holdings.symbols()[i]
                        + " must be finite or NaN, got " + w[i]);
            }
        }
        double[] x = new double[n];
        new PositionOptimizer(rule, RiskRules.NONE, longOnly).plan(cw, w, new int[n], 1, x);
        List<RebalanceOrder> sells = new ArrayList<>();
        List<RebalanceOrder> buys = new ArrayList<>();
        List<SkippedTrade> skipped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (Math.abs(x[i] - cw[i]) <= SAME_WEIGHT) {
                continue;
            }
            String symbol = holdings.symbols()[i];
            double p = holdings.prices()[i];
            double q = holdings.quantities()[i];
            RebalanceOrder.Reason reason;
            double dq;
            if (x[i] == 0 && q != 0) {
                reason = RebalanceOrder.Reason.CLOSE;
                dq = -q;
            } else {
                reason = q == 0 ? RebalanceOrder.Reason.OPEN
                        : Math.abs(x[i] - w[i]) <= SAME_WEIGHT ? RebalanceOrder.Reason.TO_TARGET
                        : RebalanceOrder.Reason.TO_BAND_EDGE;
                double wanted = (x[i] - cw[i]) * equity / p;
                dq = Math.copySign(roundToStep(Math.abs(wanted), filters[i].stepSize()), wanted);
                if (dq == 0) {
                    skipped.add(new SkippedTrade(symbol, wanted, Math.abs(wanted) * p, "below_step"));
                    continue;
                }
                if (Math.abs(dq) * p < filters[i].minNotional()) {
                    skipped.add(new SkippedTrade(symbol, wanted, Math.abs(wanted) * p, "below_min_notional"));
                    continue;
                }
            }
            double qty = Math.abs(dq);
            RebalanceOrder order = new RebalanceOrder(symbol, dq > 0 ? RebalanceOrder.Side.BUY : RebalanceOrder.Side.SELL,
                    qty, p, qty * p, reason, RebalanceOrder.Filters.of(filters[i]));
            (dq > 0 ? buys : sells).add(order);
        }
        List<RebalanceOrder> orders = new ArrayList<>(sells);
        orders.addAll(buys);
        return new RebalancePlan(equity, cw, w, x, orders, skipped);
    }

    /**
     * {@code quantity} rounded toward zero to a multiple of {@code step} (NaN step = unchanged), as the
     * exact decimal multiple (e.g. 123 × 0.001 = 0.123, not 0.12300000000000001).
     */
    public static double roundToStep(double quantity, double step) {
        if (Double.isNaN(step)) {
            return quantity;
        }
        long k = (long) Math.floor(quantity / step * (1 + STEP_TOLERANCE));
        return BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(k)).doubleValue();
    }
}
