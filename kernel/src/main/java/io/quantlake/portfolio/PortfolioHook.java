package io.quantlake.portfolio;

import io.quantlake.ledger.Reason;
import io.quantlake.panel.Panel;
import io.quantlake.risk.RiskManager;
import io.quantlake.risk.RiskRule;
import io.quantlake.sim.DecisionHook;
import java.util.EnumMap;
import java.util.Map;

/**
 * One run's {@link DecisionHook}: NaN targets become the current weight (keep), then
 * {@link RiskManager} → {@link PositionOptimizer} → {@link BetaHedge}. Symbols left where they are get NaN
 * (no order). The hedge symbol's strategy weight is its current weight minus the hedge weight {@code h}
 * carried from the last decision. State: {@code h} and the counters of the {@link PortfolioReport}.
 */
final class PortfolioHook implements DecisionHook {
    private final RiskManager risk;
    private final PositionOptimizer optimizer;
    private final BetaHedge hedge;
    private final boolean longOnly;
    private final double[] w;
    private final double[] cws;
    private final double[] x;
    private final boolean[] keep;
    private final int[] clusterIds;
    private final RiskRule[] fired;
    final Map<RiskRule, Long> capped = new EnumMap<>(RiskRule.class);
    long decisions;
    long orders;
    double turnover;
    long naiveOrders;
    double naiveTurnover;
    long hedgeAdjustments;
    private double h;
    /** The grid bar of the current panel's row 0 (a run in time blocks: of the current block, {@link #block}). */
    private int offset;

    PortfolioHook(int n, RiskManager risk, PositionOptimizer optimizer, BetaHedge hedge, boolean longOnly) {
        this.risk = risk;
        this.optimizer = optimizer;
        this.hedge = hedge;
        this.longOnly = longOnly;
        this.w = new double[n];
        this.cws = new double[n];
        this.x = new double[n];
        this.keep = new boolean[n];
        this.clusterIds = new int[n];
        this.fired = new RiskRule[n];
        for (int i = 0; i < n; i++) {
            clusterIds[i] = i;
        }
    }

    /**
     * Points the risk manager and the hedge overlay at {@code panel}, the next block of a run in time blocks (the
     * decisions' bars {@code t} are then its rows); {@code h} and the counters carry over.
     */
    void block(Panel panel) {
        offset = panel.offset();
        if (risk != null) {
            risk.block(panel);
        }
        if (hedge != null) {
            hedge.block(panel);
        }
    }

    @Override
    public void adjust(int t, double[] targets, double[] currentWeights, Reason[] reasons) {
        int n = w.length;
        System.arraycopy(currentWeights, 0, cws, 0, n);
        int hi = hedge == null ? -1 : hedge.hedgeIndex();
        if (hi >= 0) {
            cws[hi] -= h;
        }
        for (int i = 0; i < n; i++) {
            keep[i] = Double.isNaN(targets[i]);
            double v = keep[i] ? cws[i] : targets[i];
            w[i] = longOnly && v < 0 ? 0 : v;
            fired[i] = null;
        }
        int clusters = n;
        if (risk != null) {
            risk.apply(offset + t, w, fired);
            clusters = risk.clusters(offset + t, clusterIds);
            for (int i = 0; i < n; i++) {
                if (fired[i] != null) {
                    capped.merge(fired[i], 1L, Long::sum);
                }
            }
        }
        if (optimizer != null) {
            OptimizerPlan plan = optimizer.plan(cws, w, clusterIds, clusters, x);
            decisions++;
            orders += plan.orders();
            turnover += plan.turnover();
            naiveOrders += plan.naiveOrders();
            naiveTurnover += plan.naiveTurnover();
        } else {
            System.arraycopy(w, 0, x, 0, n);
        }
        for (int i = 0; i < n; i++) {
            boolean unchanged = optimizer != null ? x[i] == cws[i] : keep[i] && fired[i] == null;
            targets[i] = unchanged ? Double.NaN : x[i];
            reasons[i] = fired[i] == null ? null : fired[i].reason();
        }
        if (hi >= 0) {
            double next = hedge.hedgeWeight(t, x, h);
            if (next != h || !Double.isNaN(targets[hi])) {
                targets[hi] = x[hi] + next;
            }
            if (next != h) {
                hedgeAdjustments++;
                reasons[hi] = Reason.HEDGE;
            }
            h = next;
        }
    }
}
