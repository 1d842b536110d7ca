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
        return new TargetWeights(bars, n, decision, w, 0, false);
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
