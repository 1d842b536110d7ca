package io.quantlake.strategy.pairs;

import java.util.Objects;

/**
 * The spread and its z-score of one pair, advanced bar by bar in grid order with bars up to {@code t} only.
 *
 * <p>At a pair bar {@code t} (both legs have a price): the hedge estimator takes {@code (y_t, x_t)}; once ready,
 * {@code s_t = y_t - (alpha_t + beta_t x_t)} with the estimate <em>after</em> bar {@code t} (each spread uses
 * the hedge ratio known at its own bar, never a later one), and
 * {@code z_t = (s_t - mean) / sd} over the last {@code zLookback} spreads, {@code s_t} included (sample sd,
 * ddof 1). At a bar where a leg has no price, and before the warm-up of
 * {@code hedge.warmupBars() + zLookback - 1} pair bars, {@code z_t} is NaN. Windows count pair bars, not grid bars.
 *
 * <p>Idempotent per bar: advancing to a bar already seen does nothing, so the strategy (from its snapshot) and
 * the exit conditions (from the panel) may both feed the same bar, whichever comes first.
 */
public final class SpreadModel {
    private final HedgeRatio.Tracker hedge;
    private final double[] spreads;
    private int count;
    private int lastBar = -1;
    private double z = Double.NaN;
    private double spread = Double.NaN;

    /**
     * @param hedge     how the hedge ratio is estimated
     * @param zLookback spreads in the z-score window, &gt;= 2
     */
    public SpreadModel(HedgeRatio hedge, int zLookback) {
        Objects.requireNonNull(hedge, "hedge");
        if (zLookback < 2) {
            throw new IllegalArgumentException("z_lookback must be >= 2 bars, got " + zLookback);
        }
        this.hedge = hedge.start();
        this.spreads = new double[zLookback];
    }

    /**
     * Advances to grid bar {@code t} with the legs' prices there (NaN for a missing bar). Bars at or before the
     * last one advanced are ignored.
     */
    public void advance(int t, double y, double x) {
        if (t <= lastBar) {
            return;
        }
        lastBar = t;
        z = Double.NaN;
        spread = Double.NaN;
        if (Double.isNaN(y) || Double.isNaN(x)) {
            return;
        }
        hedge.update(y, x);
        if (!hedge.ready()) {
            return;
        }
        spread = y - (hedge.alpha() + hedge.beta() * x);
        int l = spreads.length;
        spreads[count % l] = spread;
        count++;
        if (count < l) {
            return;
        }
        double mean = 0;
        for (double s : spreads) {
            mean += s;
        }
        mean /= l;
        double ss = 0;
        for (double s : spreads) {
            ss += (s - mean) * (s - mean);
        }
        double sd = Math.sqrt(ss / (l - 1));
        z = sd > 0 ? (spread - mean) / sd : Double.NaN;
    }

    /** The last grid bar advanced to, -1 before the first. */
    public int lastBar() {
        return lastBar;
    }

    /** z-score at {@link #lastBar()}; NaN when undefined there. */
    public double z() {
        return z;
    }

    /** Spread {@code s_t} at {@link #lastBar()}; NaN when undefined there. */
    public double spread() {
        return spread;
    }

    /** Hedge ratio after the last pair bar; NaN before the warm-up. */
    public double beta() {
        return hedge.beta();
    }

    /** Intercept after the last pair bar; NaN before the warm-up. */
    public double alpha() {
        return hedge.alpha();
    }
}
