package io.quantlake.portfolio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the portfolio layer did in one run, reported next to the metrics (not inside metrics.json's CLI.md
 * keys). Order and turnover counts are taken at each decision in weight units (fractions of equity at the
 * decision bar's close): "naive" rebalancing trades every symbol with {@code |w_i − cw_i| >= band}, or whose
 * current weight breaks the per-asset cap, to its capped target, and every symbol when that still breaks a joint
 * cap — the simplest rule that meets the same caps; the optimizer trades to {@code x} (see
 * {@link PositionOptimizer}). Both count the strategy's symbols only: the hedge overlay's orders are
 * {@code hedgeAdjustments}/{@code hedgeRows}. Executed quantities can differ slightly (prices move to the
 * execution bar, rounding, leverage and cash rules). The optimizer minimises turnover first, so
 * {@code turnoverSaved() >= 0} at every decision; at equal turnover it never places more orders.
 *
 * @param riskInterventions ledger rows with a {@code risk_<rule>} reason, by reason code (each rule listed)
 * @param cappedTargets     decision-level: symbols whose target a rule reduced, by reason code
 * @param decisions         decisions the minimum-trade optimizer planned (0 when it was off)
 * @param orders            optimizer orders, summed over decisions
 * @param turnover          optimizer turnover {@code Σ|x − cw|}, summed over decisions
 * @param naiveOrders       naive orders, summed
 * @param naiveTurnover     naive turnover, summed
 * @param hedgeAdjustments  decisions at which the hedge weight changed
 * @param hedgeRows         ledger rows of type HEDGE
 */
public record PortfolioReport(Map<String, Long> riskInterventions, Map<String, Long> cappedTargets, long decisions,
                              long orders, double turnover, long naiveOrders, double naiveTurnover,
                              long hedgeAdjustments, long hedgeRows) {
    public PortfolioReport {
        riskInterventions = Map.copyOf(Objects.requireNonNull(riskInterventions, "riskInterventions"));
        cappedTargets = Map.copyOf(Objects.requireNonNull(cappedTargets, "cappedTargets"));
    }

    /** {@code naiveOrders − orders}. */
    public long ordersSaved() {
        return naiveOrders - orders;
    }

    /** {@code naiveTurnover − turnover}. */
    public double turnoverSaved() {
        return naiveTurnover - turnover;
    }

    /** Total ledger rows with a risk reason. */
    public long totalInterventions() {
        long s = 0;
        for (long v : riskInterventions.values()) {
            s += v;
        }
        return s;
    }

    /**
     * The report as ordered JSON-ready values (keys in snake case); the optimizer's keys ({@code decisions} to
     * {@code turnover_saved}) only when it planned at least one decision (weight strategies with risk caps).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("risk_interventions", new java.util.TreeMap<>(riskInterventions));
        m.put("capped_targets", new java.util.TreeMap<>(cappedTargets));
        if (decisions > 0) {
            m.put("decisions", decisions);
            m.put("orders", orders);
            m.put("naive_orders", naiveOrders);
            m.put("orders_saved", ordersSaved());
            m.put("turnover", turnover);
            m.put("naive_turnover", naiveTurnover);
            m.put("turnover_saved", turnoverSaved());
        }
        m.put("hedge_adjustments", hedgeAdjustments);
        m.put("hedge_rows", hedgeRows);
        return m;
    }
}
