package io.quantlake.nightly;

import java.util.List;

/**
 * The nightly rebalance of one run date: weights before and after, and the orders.
 *
 * @param equity  cash + positions at the last close (quote currency)
 * @param current current weights, universe order
 * @param targets target weights used (a strategy's "no opinion" NaN replaced by the current weight)
 * @param planned post-trade weights chosen by the minimum-trade rule (before lot rounding)
 * @param orders  the orders, sells first then buys, each in universe order
 * @param skipped trades dropped by the lot step or the minimum notional
 */
public record RebalancePlan(double equity, double[] current, double[] targets, double[] planned,
                            List<RebalanceOrder> orders, List<SkippedTrade> skipped) {
    public RebalancePlan {
        current = current.clone();
        targets = targets.clone();
        planned = planned.clone();
        orders = List.copyOf(orders);
        skipped = List.copyOf(skipped);
    }

    /** Σ |planned_i − current_i|: the one-way turnover in weight units. */
    public double turnover() {
        double t = 0;
        for (int i = 0; i < current.length; i++) {
            t += Math.abs(planned[i] - current[i]);
        }
        return t;
    }
}
