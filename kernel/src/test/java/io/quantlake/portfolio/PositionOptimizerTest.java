package io.quantlake.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.risk.RiskRules;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link PositionOptimizer} against brute force on tiny grids, and never worse than naive rebalancing. */
class PositionOptimizerTest {
    private static final double STEP = 0.05;

    private static double grid(Random rnd, int halfSteps) {
        return STEP * (rnd.nextInt(2 * halfSteps + 1) - halfSteps);
    }

    /** A tiny random case on the 0.05 grid whose targets meet the caps. */
    private record Case(double[] cw, double[] w, double band, RiskRules rules, int[] ids, int clusters) {
        static Case random(Random rnd) {
            int n = 2 + rnd.nextInt(2);
            double band = STEP * rnd.nextInt(3);
            RiskRules rules = RiskRules.NONE.withMaxWeight(STEP * (6 + rnd.nextInt(6)))
                    .withMaxGross(STEP * (8 + rnd.nextInt(10))).withMaxNet(STEP * rnd.nextInt(10))
                    .withCluster(STEP * (6 + rnd.nextInt(8)), 0.7, 10);
            int[] ids = new int[n];
            for (int i = 1; i < n; i++) {
                ids[i] = rnd.nextInt(2);
            }
            int clusters = Arrays.stream(ids).max().getAsInt() + 1;
            while (true) {
                double[] cw = new double[n];
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    cw[i] = grid(rnd, 14);
                    w[i] = grid(rnd, 12);
                }
                PositionOptimizer o = new PositionOptimizer(edge(band), rules, false);
                boolean capsOk = Arrays.stream(w).allMatch(v -> Math.abs(v) <= rules.maxWeight());
                if (capsOk && o.jointOk(w, ids, clusters)) {
                    return new Case(cw, w, band, rules, ids, clusters);
                }
            }
        }
    }

    /** Minimal turnover and, among its minimisers, the fewest orders, over x on the 0.025 grid. */
    private static double[] bruteForce(Case c) {
        int n = c.w.length;
        double h = STEP / 2;
        PositionOptimizer o = new PositionOptimizer(edge(c.band), c.rules, false);
        int span = (int) Math.round(2 * c.band / h) + 1;
        double best = Double.POSITIVE_INFINITY;
        int bestOrders = Integer.MAX_VALUE;
        int[] k = new int[n];
        double[] x = new double[n];
        while (true) {
            boolean ok = true;
            for (int i = 0; i < n; i++) {
                x[i] = c.w[i] - c.band + k[i] * h;
                ok &= Math.abs(x[i]) <= c.rules.maxWeight() + 1e-12;
            }
            if (ok && o.jointOk(x, c.ids, c.clusters)) {
                double t = 0;
                int orders = 0;
                for (int i = 0; i < n; i++) {
                    t += Math.abs(x[i] - c.cw[i]);
                    orders += Math.abs(x[i] - c.cw[i]) > 1e-12 ? 1 : 0;
                }
                if (t < best - 1e-9) {
                    best = t;
                    bestOrders = orders;
                } else if (t <= best + 1e-9) {
                    bestOrders = Math.min(bestOrders, orders);
                }
            }
            int i = 0;
            while (i < n && ++k[i] == span) {
                k[i++] = 0;
            }
            if (i == n) {
                return new double[] {best, bestOrders};
            }
        }
    }

    @Test
    void matchesBruteForceOnTinyCases() {
        Random rnd = new Random(42);
        int lp = 0;
        for (int trial = 0; trial < 400; trial++) {
            Case c = Case.random(rnd);
            double[] x = new double[c.w.length];
            OptimizerPlan plan = new PositionOptimizer(edge(c.band), c.rules, false).plan(c.cw, c.w, c.ids, c.clusters, x);
            double[] brute = bruteForce(c);
            String what = "case " + trial + " " + c + " x=" + Arrays.toString(x);
            assertEquals(brute[0], plan.turnover(), 1e-8, what);
            assertEquals((int) brute[1], plan.orders(), what);
            lp += plan.linearProgram() ? 1 : 0;
        }
        assertTrue(lp > 20, "the linear program ran in only " + lp + " cases");
    }

    @Property(tries = 3000)
    void neverTradesMoreThanNaiveRebalancing(@ForAll long seed) {
        Random rnd = new Random(seed);
        Case c = Case.random(rnd);
        boolean toTarget = rnd.nextBoolean();
        RebalanceRule rule = new RebalanceRule(c.band, toTarget ? RebalanceMode.TARGET : RebalanceMode.BAND_EDGE, false);
        PositionOptimizer o = new PositionOptimizer(rule, c.rules, false);
        double[] x = new double[c.w.length];
        OptimizerPlan plan = o.plan(c.cw, c.w, c.ids, c.clusters, x);
        assertTrue(o.jointOk(x, c.ids, c.clusters), "caps " + Arrays.toString(x));
        for (int i = 0; i < x.length; i++) {
            assertTrue(Math.abs(x[i] - c.w[i]) <= c.band + 1e-9 && Math.abs(x[i]) <= c.rules.maxWeight() + 1e-9);
        }
        // naive rebalancing that meets every cap: outside the band or above the asset cap → to target; all
        // to target when that still breaks a joint cap
        double[] naive = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double d = Math.abs(c.w[i] - c.cw[i]);
            boolean aboveCap = Math.abs(c.cw[i]) > c.rules.maxWeight() + 1e-12;
            naive[i] = d != 0 && (d >= c.band || aboveCap) ? c.w[i] : c.cw[i];
        }
        if (!o.jointOk(naive, c.ids, c.clusters)) {
            naive = c.w.clone();
        }
        assertEquals(PositionOptimizer.orders(naive, c.cw), plan.naiveOrders(), c.toString());
        assertEquals(PositionOptimizer.turnover(naive, c.cw), plan.naiveTurnover(), 1e-15, c.toString());
        // "trading more" is measured in turnover (the optimizer's objective); fewer orders is its tie-break,
        // so at equal turnover it never places more orders than naive rebalancing
        assertTrue(plan.turnover() <= plan.naiveTurnover() + 1e-9, plan + " " + c);
        if (plan.turnover() >= plan.naiveTurnover() - 1e-9) {
            assertTrue(plan.orders() <= plan.naiveOrders(), plan + " " + c);
        }
    }

    @Test
    void thresholdScheduleTradesEverySymbolOrNone() {
        // band .05, max_weight .5, threshold schedule: all or nothing
        PositionOptimizer o = new PositionOptimizer(new RebalanceRule(0.05, RebalanceMode.TARGET, true),
                RiskRules.NONE.withMaxWeight(0.5), false);
        double[] w = {0.3, 0.3, -0.3};
        int[] ids = {0, 1, 2};
        double[] x = new double[3];
        // A is .08 from its target (>= .05), B and C .02: all three trade; turnover .08 + .02 + .02
        OptimizerPlan plan = o.plan(new double[] {0.22, 0.32, -0.28}, w, ids, 3, x);
        assertEquals(Arrays.toString(w), Arrays.toString(x));
        assertEquals(3, plan.orders());
        assertEquals(0.12, plan.turnover(), 1e-12);
        assertEquals(plan.orders(), plan.naiveOrders());
        // every symbol within its band: nothing trades
        double[] inside = {0.27, 0.32, -0.28};
        plan = o.plan(inside, w, ids, 3, x);
        assertEquals(Arrays.toString(inside), Arrays.toString(x));
        assertEquals(0, plan.orders());
        // C .02 from its target but above the cap .5 in size: the cap forces a trade, so every symbol trades
        plan = o.plan(new double[] {0.27, 0.32, -0.52}, new double[] {0.3, 0.3, -0.5}, ids, 3, x);
        assertEquals(Arrays.toString(new double[] {0.3, 0.3, -0.5}), Arrays.toString(x));
        assertEquals(3, plan.orders());
    }

    /** {@code rebalance.to: band_edge} with {@code band}, no threshold. */
    private static RebalanceRule edge(double band) {
        return new RebalanceRule(band, RebalanceMode.BAND_EDGE, false);
    }
}
