package io.quantlake.portfolio;

import io.quantlake.risk.RiskRules;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Minimum-trade rebalancing (issue 4 item 6). Given the current weights {@code cw} and the risk-capped targets
 * {@code w} of one decision, chooses post-trade weights {@code x} that
 *
 * <ol>
 *   <li>stay in each symbol's box {@code [lo_i, hi_i] = [w_i − band, w_i + band] ∩ [−max_weight, max_weight]}
 *       (spot: {@code ∩ [0, ∞)}; with {@code max_positions}, a symbol whose target is 0 has the box {0});</li>
 *   <li>meet the joint caps {@code Σ|x_i| <= max_gross}, {@code |Σ x_i| <= max_net},
 *       {@code Σ_{i∈C}|x_i| <= max_cluster_weight};</li>
 *   <li>minimise the turnover {@code Σ|x_i − cw_i|}, and then the number of orders {@code #{i : x_i ≠ cw_i}}.</li>
 * </ol>
 *
 * <p>Method. Without joint caps the problem separates: {@code x_i = clamp(cw_i, lo_i, hi_i)} is the unique
 * L1-closest point of each box, and it trades exactly the symbols whose current weight lies outside their box,
 * which every feasible point must trade; so it is optimal in both objectives. This is the band-edge rule of
 * SIMULATION.md §5 (R10 {@code band_edge}), entries included (a new position opens at {@code w − band}). With
 * {@code toTarget} ({@code rebalance.to: target}, the default) the box of a symbol whose current weight lies
 * outside it collapses to {@code {w_i}}: traded symbols go to their targets as in §5, and only the joint caps
 * can move the untraded ones within their bands. When that projection breaks a joint cap, the turnover minimum is
 * the linear program {@code min Σ d_i} s.t. {@code d_i >= ±(x_i − cw_i)}, {@code a_i >= ±x_i}, the box, and the
 * caps on sums of {@code a_i} and {@code x_i} (Commons Math's simplex; exact up to its tolerance, 1e-9 here).
 * Orders are then reduced by pinning {@code x_i = cw_i} greedily for the symbols whose current weight is inside
 * their box (first those the LP already left in place, then universe order) while the turnover stays within
 * 1e-9 of the minimum; greedy pinning is not guaranteed to find the fewest orders when several pinning sets
 * compete, but the result never has more orders than naive rebalancing (the comparator of the report, which
 * meets every cap by construction) when that is turnover-optimal too: it is then taken instead. Since naive
 * rebalancing is itself a feasible point, the optimizer's turnover is never above it. The capped targets
 * {@code w} are always feasible (the risk manager's output), so the program always has a solution.
 *
 * <p>With the {@code threshold} schedule (SIMULATION.md §5) the decision is all or nothing, as in the kernel:
 * when any symbol must trade — {@code |w_i − cw_i| >= band} (and {@code w_i ≠ cw_i}), or its current weight
 * breaks the per-asset cap, is short in spot, or must close for {@code max_positions} — or the current weights
 * break a joint cap, every symbol trades to its capped target ({@code x = w}, which meets every cap); otherwise
 * nothing trades ({@code x = cw}). Naive rebalancing is then the same plan.
 *
 * <p>The projection path allocates nothing; the linear program allocates (it runs only at decisions whose
 * projection breaks a joint cap).
 */
public final class PositionOptimizer {
    /** Feasibility tolerance on the caps (weights) and on the turnover optimum. */
    public static final double TOLERANCE = 1e-9;
    /** A current weight this close to its box counts as inside it (no order). */
    static final double EDGE = 1e-12;

    private final double band;
    private final RiskRules rules;
    private final boolean longOnly;
    private final boolean toTarget;
    private final boolean threshold;
    private double[] lo = new double[0];
    private double[] hi = new double[0];
    /** Scratch: naive rebalancing's post-trade weights of the last plan. */
    private double[] naive = new double[0];

    /**
     * @param rule     the run's rebalance rule: its band is the box's half-width; {@code rebalance.to: target}
     *                 collapses the box of a symbol whose current weight is outside it to {@code {w_i}} (it trades
     *                 to its target, not to the nearest band edge); with the {@code threshold} flag every symbol
     *                 trades to its target as soon as one must trade, else none does (see the class comment)
     * @param rules    the caps the result must meet (as the risk manager applied them to {@code w})
     * @param longOnly spot: no negative weights
     */
    public PositionOptimizer(RebalanceRule rule, RiskRules rules, boolean longOnly) {
        this.band = rule.band();
        this.rules = rules;
        this.longOnly = longOnly;
        this.toTarget = rule.to() == RebalanceMode.TARGET;
        this.threshold = rule.threshold();
    }

    public double band() {
        return band;
    }

    /**
     * Plans one decision: writes the post-trade weights into {@code x}.
     *
     * @param cw         current weights at the decision
     * @param w          risk-capped targets (finite)
     * @param clusterIds cluster id of each symbol in {@code [0, clusterCount)}
     */
    public OptimizerPlan plan(double[] cw, double[] w, int[] clusterIds, int clusterCount, double[] x) {
        int n = w.length;
        if (threshold) {
            return allOrNothing(cw, w, clusterIds, clusterCount, x);
        }
        if (lo.length != n) {
            lo = new double[n];
            hi = new double[n];
        }
        for (int i = 0; i < n; i++) {
            double cap = rules.maxWeight();
            lo[i] = Math.max(w[i] - band, -cap);
            hi[i] = Math.min(w[i] + band, cap);
            if (longOnly) {
                lo[i] = Math.max(lo[i], 0);
            }
            if (w[i] == 0 && rules.maxPositions() < Integer.MAX_VALUE || band == 0 || toTarget && !inBox(cw[i], i)) {
                lo[i] = w[i];
                hi[i] = w[i];
            }
            x[i] = inBox(cw[i], i) ? cw[i] : Math.max(lo[i], Math.min(hi[i], cw[i]));
        }
        naive(cw, w, clusterIds, clusterCount);
        int naiveOrders = orders(naive, cw);
        double naiveTurnover = turnover(naive, cw);
        if (jointOk(x, clusterIds, clusterCount)) {
            return new OptimizerPlan(orders(x, cw), turnover(x, cw), naiveOrders, naiveTurnover, false);
        }
        double[] best = linearProgram(cw, clusterIds, clusterCount, null, Double.POSITIVE_INFINITY);
        if (best == null) {
            throw new IllegalStateException("position optimizer: no feasible weights although the capped targets "
                    + Arrays.toString(w) + " should be");
        }
        double optimum = turnover(best, cw);
        boolean[] pinned = new boolean[n];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                boolean inBox = inBox(cw[i], i);
                boolean atCw = Math.abs(best[i] - cw[i]) <= TOLERANCE;
                if (pinned[i] || !inBox || (pass == 0) != atCw) {
                    continue;
                }
                pinned[i] = true;
                double[] y = linearProgram(cw, clusterIds, clusterCount, pinned, optimum + TOLERANCE);
                if (y == null) {
                    pinned[i] = false;
                } else {
                    best = y;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] = pinned[i] ? cw[i] : Math.max(lo[i], Math.min(hi[i], best[i]));
        }
        int orders = orders(x, cw);
        double turnover = turnover(x, cw);
        if (naiveOrders < orders && naiveTurnover <= turnover + TOLERANCE && boxOk(naive)) {
            System.arraycopy(naive, 0, x, 0, n);
            orders = naiveOrders;
            turnover = naiveTurnover;
        }
        return new OptimizerPlan(orders, turnover, naiveOrders, naiveTurnover, true);
    }

    /**
     * Naive rebalancing that meets every cap, the comparator of the report: each symbol whose current weight is at
     * least {@code band} from its capped target, breaks the per-asset cap (or, spot, is short), or must close for
     * {@code max_positions} trades to its target {@code w_i}; the others stay. If that breaks a joint cap (gross,
     * net, cluster), every symbol trades to its target (the capped targets meet every cap). Written to
     * {@link #naive}; the box bounds must be set.
     */
    private void naive(double[] cw, double[] w, int[] clusterIds, int clusterCount) {
        int n = w.length;
        if (naive.length != n) {
            naive = new double[n];
        }
        for (int i = 0; i < n; i++) {
            naive[i] = mustTrade(cw[i], w[i]) ? w[i] : cw[i];
        }
        if (!jointOk(naive, clusterIds, clusterCount)) {
            System.arraycopy(w, 0, naive, 0, n);
        }
    }

    /**
     * Whether a symbol at current weight {@code cw} with capped target {@code w} must trade: it differs from its
     * target by at least {@code band}, or breaks the per-asset cap, is short in spot, or must close for
     * {@code max_positions}.
     */
    private boolean mustTrade(double cw, double w) {
        double d = Math.abs(w - cw);
        boolean breaksCap = Math.abs(cw) > rules.maxWeight() + EDGE || longOnly && cw < 0
                || rules.maxPositions() < Integer.MAX_VALUE && w == 0;
        return d != 0 && (d >= band || breaksCap);
    }

    /** The threshold schedule's plan (class comment): every symbol to its target when one must trade, else none. */
    private OptimizerPlan allOrNothing(double[] cw, double[] w, int[] clusterIds, int clusterCount, double[] x) {
        int n = w.length;
        boolean trade = !jointOk(cw, clusterIds, clusterCount);
        for (int i = 0; i < n && !trade; i++) {
            trade = mustTrade(cw[i], w[i]);
        }
        System.arraycopy(trade ? w : cw, 0, x, 0, n);
        int orders = orders(x, cw);
        double turnover = turnover(x, cw);
        return new OptimizerPlan(orders, turnover, orders, turnover, false);
    }

    /** Box membership up to {@link #EDGE} (so rounding in {@code w ± band} does not force a trade). */
    private boolean inBox(double v, int i) {
        return v >= lo[i] - EDGE && v <= hi[i] + EDGE;
    }

    private boolean boxOk(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < lo[i] - TOLERANCE || x[i] > hi[i] + TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code x} meets the gross, net and cluster caps (to {@link #TOLERANCE}). */
    public boolean jointOk(double[] x, int[] clusterIds, int clusterCount) {
        double gross = 0;
        double net = 0;
        for (double v : x) {
            gross += Math.abs(v);
            net += v;
        }
        if (gross > rules.maxGross() + TOLERANCE || Math.abs(net) > rules.maxNet() + TOLERANCE) {
            return false;
        }
        if (rules.clustered()) {
            for (int c = 0; c < clusterCount; c++) {
                double s = 0;
                for (int i = 0; i < x.length; i++) {
                    s += clusterIds[i] == c ? Math.abs(x[i]) : 0;
                }
                if (s > rules.maxClusterWeight() + TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }

    static int orders(double[] x, double[] cw) {
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            k += x[i] != cw[i] ? 1 : 0;
        }
        return k;
    }

    static double turnover(double[] x, double[] cw) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.abs(x[i] - cw[i]);
        }
        return s;
    }

    /**
     * The L1 program over variables {@code (x, d, a)} (3N, free); {@code pinned[i]} fixes {@code x_i = cw_i};
     * {@code maxTurnover} bounds {@code Σ d}. Returns {@code x}, or null when infeasible.
     */
    private double[] linearProgram(double[] cw, int[] clusterIds, int clusterCount, boolean[] pinned,
                                   double maxTurnover) {
        int n = cw.length;
        int m = 3 * n;
        List<LinearConstraint> cons = new ArrayList<>();
        double[] objective = new double[m];
        for (int i = 0; i < n; i++) {
            objective[n + i] = 1;
            cons.add(row(m, Relationship.GEQ, lo[i], i, 1));
            cons.add(row(m, Relationship.LEQ, hi[i], i, 1));
            cons.add(row(m, Relationship.GEQ, -cw[i], n + i, 1, i, -1));
            cons.add(row(m, Relationship.GEQ, cw[i], n + i, 1, i, 1));
            cons.add(row(m, Relationship.GEQ, 0, 2 * n + i, 1, i, -1));
            cons.add(row(m, Relationship.GEQ, 0, 2 * n + i, 1, i, 1));
            if (pinned != null && pinned[i]) {
                cons.add(row(m, Relationship.EQ, cw[i], i, 1));
            }
        }
        if (maxTurnover < Double.POSITIVE_INFINITY) {
            cons.add(sum(m, n, n, null, -1, Relationship.LEQ, maxTurnover));
        }
        if (rules.maxGross() < Double.POSITIVE_INFINITY) {
            cons.add(sum(m, 2 * n, n, null, -1, Relationship.LEQ, rules.maxGross()));
        }
        if (rules.maxNet() < Double.POSITIVE_INFINITY) {
            cons.add(sum(m, 0, n, null, -1, Relationship.LEQ, rules.maxNet()));
            cons.add(sum(m, 0, n, null, -1, Relationship.GEQ, -rules.maxNet()));
        }
        if (rules.clustered()) {
            for (int c = 0; c < clusterCount; c++) {
                cons.add(sum(m, 2 * n, n, clusterIds, c, Relationship.LEQ, rules.maxClusterWeight()));
            }
        }
        try {
            PointValuePair p = new SimplexSolver(1e-12, 10, 1e-14).optimize(new MaxIter(100_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(cons), GoalType.MINIMIZE,
                    new NonNegativeConstraint(false));
            return Arrays.copyOf(p.getPoint(), n);
        } catch (NoFeasibleSolutionException e) {
            return null;
        }
    }

    private static LinearConstraint row(int m, Relationship rel, double rhs, int... indexAndCoefficient) {
        double[] c = new double[m];
        for (int k = 0; k < indexAndCoefficient.length; k += 2) {
            c[indexAndCoefficient[k]] = indexAndCoefficient[k + 1];
        }
        return new LinearConstraint(c, rel, rhs);
    }

    /** {@code Σ_{k<n, ids[k]==id (or all)} v[offset + k] rel rhs}. */
    private static LinearConstraint sum(int m, int offset, int n, int[] ids, int id, Relationship rel, double rhs) {
        double[] c = new double[m];
        for (int k = 0; k < n; k++) {
            c[offset + k] = ids == null || ids[k] == id ? 1 : 0;
        }
        return new LinearConstraint(c, rel, rhs);
    }
}
