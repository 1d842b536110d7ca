package io.quantlake.strategy.quant;

import io.quantlake.panel.Panel;
import java.util.Arrays;
import java.util.Objects;

/**
 * Rolling OLS beta of each symbol's returns on a market index:
 * {@code β_i(t) = Σ_s (r_i(s) − r̄_i)(m(s) − m̄) / Σ_s (m(s) − m̄)²} over the {@code lookback} grid
 * bars {@code s = t − lookback + 1 … t} (OLS slope with intercept; dimensionless). Defined where
 * symbol {@code i}'s return window is complete ({@link GridReturns}: a bar at each grid bar
 * {@code t − lookback … t}), every {@code m(s)} of the window is defined and {@code m} is not
 * constant there; NaN elsewhere. Uses bars up to {@code t} only.
 *
 * @param lookback returns per regression, >= 2
 * @param index    the market proxy
 */
public record RollingBeta(int lookback, MarketIndex index) {
    public RollingBeta {
        if (lookback < 2) {
            throw new IllegalArgumentException("beta_lookback must be >= 2 returns, got " + lookback);
        }
        Objects.requireNonNull(index, "index");
    }

    /** Grid bars a symbol needs up to {@code t}, all with a bar: {@code lookback + 1}. */
    public int warmupBars() {
        return lookback + 1;
    }

    /**
     * {@code β_i(t)} at the grid bars where {@code rows[t]} is true (NaN on the other rows), as a
     * {@code bars × symbols} matrix indexed {@code t * N + i}.
     */
    public double[] betas(Panel panel, boolean[] rows) {
        int n = panel.symbolCount();
        double[] r = GridReturns.of(panel);
        double[] m = index.returns(panel, r);
        double[] beta = new double[r.length];
        Arrays.fill(beta, Double.NaN);
        for (int t = 0; t < rows.length; t++) {
            if (!rows[t] || t - lookback + 1 < 1 || !indexComplete(m, t)) {
                continue;
            }
            double mMean = 0;
            for (int s = t - lookback + 1; s <= t; s++) {
                mMean += m[s] / lookback;
            }
            double mm = 0;
            for (int s = t - lookback + 1; s <= t; s++) {
                mm += (m[s] - mMean) * (m[s] - mMean);
            }
            if (!(mm > 0)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (!GridReturns.complete(r, n, t, lookback, i)) {
                    continue;
                }
                double rMean = 0;
                for (int s = t - lookback + 1; s <= t; s++) {
                    rMean += r[s * n + i] / lookback;
                }
                double rm = 0;
                for (int s = t - lookback + 1; s <= t; s++) {
                    rm += (r[s * n + i] - rMean) * (m[s] - mMean);
                }
                beta[t * n + i] = rm / mm;
            }
        }
        return beta;
    }

    private boolean indexComplete(double[] m, int t) {
        for (int s = t - lookback + 1; s <= t; s++) {
            if (Double.isNaN(m[s])) {
                return false;
            }
        }
        return true;
    }
}
