package io.quantlake.portfolio;

import io.quantlake.ledger.Ledger;
import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.sim.Fixtures;
import io.quantlake.strategy.TargetWeights;
import java.util.Arrays;
import java.util.Random;

/** Random panels and target streams for the portfolio layer's tests; net positions replayed from a ledger. */
final class PortfolioFixtures {
    private PortfolioFixtures() {
    }

    /** A random daily panel with every symbol on every bar; symbol 0 is named BTCUSDT. */
    static Panel panel(Random rnd, int symbols, int bars) {
        String[] names = new String[symbols];
        for (int i = 0; i < symbols; i++) {
            names[i] = i == 0 ? "BTCUSDT" : "S" + i;
        }
        PanelBuilder b = Panel.builder(Interval.D1, names);
        double[] p = new double[symbols];
        double[] beta = new double[symbols];
        for (int i = 0; i < symbols; i++) {
            p[i] = 10 + 100 * rnd.nextDouble();
            beta[i] = i == 0 ? 1 : 2 * rnd.nextDouble();
        }
        for (int t = 0; t < bars; t++) {
            double market = 0.03 * rnd.nextGaussian();
            for (int i = 0; i < symbols; i++) {
                double o = p[i] * (1 + 0.005 * rnd.nextGaussian());
                double c = Math.max(0.01, o * (1 + beta[i] * market + (i == 0 ? 0 : 0.02 * rnd.nextGaussian())));
                b.bar(names[i], Fixtures.T0 + t * Fixtures.DAY, o, Math.max(o, c) * 1.01, Math.min(o, c) * 0.99, c, 1);
                p[i] = c;
            }
        }
        return b.build();
    }

    /** Random targets in {@code [-scale, scale]} (spot: {@code [0, scale]}), deciding with probability 1/2 per bar. */
    static TargetWeights targets(Random rnd, int bars, int n, boolean spot, double scale) {
        boolean[] decision = new boolean[bars];
        double[] w = new double[bars * n];
        Arrays.fill(w, Double.NaN);
        for (int t = 0; t < bars; t++) {
            decision[t] = t == 0 || rnd.nextBoolean();
            for (int i = 0; i < n; i++) {
                w[t * n + i] = (spot ? rnd.nextDouble() : 2 * rnd.nextDouble() - 1) * scale;
            }
        }
        return new TargetWeights(bars, n, decision, w);
    }

    /** Executed weights after bar {@code t}: {@code q_i · close_i,t / E_t} (last known close where missing). */
    static double[] weightsAt(Panel p, io.quantlake.sim.BacktestResult r, int t) {
        int n = p.symbolCount();
        double[] q = positionsAt(r.ledger(), n, p.times()[t]);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double c = Double.NaN;
            for (int b = t; b >= 0 && Double.isNaN(c); b--) {
                c = p.close()[b * n + i];
            }
            w[i] = q[i] == 0 ? 0 : q[i] * c / r.equity()[t];
        }
        return w;
    }

    /** Every cap of {@code rules} holds (to {@code tol}) on the executed weights after each decision bar. */
    static void assertCapsAfterDecisions(Panel p, io.quantlake.sim.BacktestResult r, io.quantlake.risk.RiskRules rules,
                                         boolean[] decisions, double tol) {
        int n = p.symbolCount();
        io.quantlake.risk.RiskManager clusters = new io.quantlake.risk.RiskManager(rules, p);
        int[] ids = new int[n];
        for (int t = 0; t < p.bars(); t++) {
            int count = clusters.clusters(t, ids);
            if (!decisions[t]) {
                continue;
            }
            double[] w = weightsAt(p, r, t);
            double gross = 0;
            double net = 0;
            int open = 0;
            double[] cluster = new double[count];
            for (int i = 0; i < n; i++) {
                org.junit.jupiter.api.Assertions.assertTrue(Math.abs(w[i]) <= rules.maxWeight() + tol,
                        "asset cap at bar " + t + ": " + w[i]);
                gross += Math.abs(w[i]);
                net += w[i];
                open += w[i] != 0 ? 1 : 0;
                cluster[ids[i]] += Math.abs(w[i]);
            }
            org.junit.jupiter.api.Assertions.assertTrue(gross <= rules.maxGross() + tol, "gross at bar " + t + ": " + gross);
            org.junit.jupiter.api.Assertions.assertTrue(Math.abs(net) <= rules.maxNet() + tol, "net at bar " + t + ": " + net);
            org.junit.jupiter.api.Assertions.assertTrue(open <= rules.maxPositions(), "positions at bar " + t + ": " + open);
            for (double c : cluster) {
                org.junit.jupiter.api.Assertions.assertTrue(c <= rules.maxClusterWeight() + tol,
                        "cluster at bar " + t + ": " + c);
            }
        }
    }

    /** Net quantity of each symbol after every ledger row with time {@code <= time}. */
    static double[] positionsAt(Ledger l, int n, long time) {
        double[] long_ = new double[n];
        double[] short_ = new double[n];
        for (int k = 0; k < l.size() && l.time(k) <= time; k++) {
            if (l.type(k) == io.quantlake.ledger.TradeEventType.FUNDING) {
                continue;
            }
            int i = l.symbolIndex(k);
            if (l.side(k) == io.quantlake.ledger.PositionSide.LONG) {
                long_[i] = l.positionAfter(k);
            } else {
                short_[i] = l.positionAfter(k);
            }
        }
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = long_[i] + short_[i];
        }
        return q;
    }
}
