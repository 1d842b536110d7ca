package io.quantlake.strategy.pairs;

import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import java.util.List;

/** Tiny hand-built two-symbol daily panels for the pair-trading golden tests. */
final class PairFixtures {
    static final long T0 = 1_704_067_200_000L;
    static final long DAY = 86_400_000L;
    static final String Y = "YUSDT";
    static final String X = "XUSDT";

    private PairFixtures() {
    }

    /** {@code ln x_t = ln 100 + 0.05 sin(t / 3) + 0.002 t}. */
    static double logX(int t) {
        return Math.log(100) + 0.05 * Math.sin(t / 3.0) + 0.002 * t;
    }

    private static final double[] WIGGLE = new double[200];

    static {
        java.util.Random r = new java.util.Random(42); // java.util.Random's sequence is fixed by its specification
        for (int t = 0; t < WIGGLE.length; t++) {
            WIGGLE[t] = 0.004 * (r.nextDouble() - 0.5);
        }
    }

    /** A small seeded noise, uniform in [-0.002, 0.002], so the spread is stationary but not degenerate. */
    static double wiggle(int t) {
        return WIGGLE[t];
    }

    /**
     * Closes {@code x_t = exp(logX(t))}, {@code y_t = exp(0.5 + 1.2 ln x_t + wiggle(t) + plant[t])}; opens are the
     * geometric mean of the previous and the current close (the first bar opens at its close); high/low span
     * open and close.
     */
    static Panel panel(double[] plant) {
        return panel(plant, -1, -1);
    }

    /** As {@link #panel(double[])} with X missing its bars {@code gapFrom..gapTo} (inclusive; -1 for none). */
    static Panel panel(double[] plant, int gapFrom, int gapTo) {
        int n = plant.length;
        PanelBuilder b = Panel.builder(Interval.D1, Y, X);
        double prevY = Double.NaN;
        double prevX = Double.NaN;
        for (int t = 0; t < n; t++) {
            double cx = Math.exp(logX(t));
            double cy = Math.exp(0.5 + 1.2 * logX(t) + wiggle(t) + plant[t]);
            double oy = t == 0 ? cy : Math.sqrt(prevY * cy);
            double ox = t == 0 ? cx : Math.sqrt(prevX * cx);
            b.bar(Y, T0 + t * DAY, oy, Math.max(oy, cy), Math.min(oy, cy), cy, 1000);
            prevY = cy;
            if (t >= gapFrom && t <= gapTo) {
                continue;
            }
            b.bar(X, T0 + t * DAY, ox, Math.max(ox, cx), Math.min(ox, cx), cx, 1000);
            prevX = cx;
        }
        return b.build();
    }

    /** Params: given pair Y/X, max_pvalue 1 (any testable pair trades), formation 30, OLS 20, z over 20, entry 2, exit 0, stop 3. */
    static PairTradingParams params(int maxHoldingBars, int retestBars, double maxPValue, OnBreak onBreak) {
        return new PairTradingParams(List.of(new PairSpec(Y, X)), 1, maxPValue, 30, PriceScale.LOG,
                new RollingOlsHedge(20), 20, 2, 0, 3, maxHoldingBars, LegSizing.DOLLAR_NEUTRAL, 0.4, retestBars, onBreak);
    }

    /** The z-score series the strategy sees (a SpreadModel fed from bar 0). */
    static double[] zSeries(Panel p, PairTradingParams params) {
        SpreadModel m = new SpreadModel(params.hedge(), params.zLookback());
        double[] z = new double[p.bars()];
        for (int t = 0; t < p.bars(); t++) {
            m.advance(t, Math.log(p.close()[p.at(t, 0)]), Math.log(p.close()[p.at(t, 1)]));
            z[t] = m.z();
        }
        return z;
    }
}
