package io.quantlake.strategy.quant;

import io.quantlake.panel.Panel;
import java.util.Arrays;

/**
 * One-grid-bar simple returns {@code r_i(s) = close_i(s) / close_i(s−1) − 1}, a fraction, defined
 * where symbol {@code i} has a bar at grid bar {@code s} and at {@code s − 1} (NaN elsewhere, and at
 * {@code s = 0}). Where both bars exist this is also the return over the symbol's own last two bars
 * (SIMULATION.md §12.9), so a window of {@code L} defined returns ending at {@code t} is exactly the
 * own-bar window of {@code L + 1} closes ending at {@code t}.
 *
 * <p>Alignment used by {@link RiskParityStrategy} and {@link RollingBeta}: a window ending at
 * {@code t} is the grid bars {@code t − L + 1 … t}; a symbol is complete there when every return of
 * the window is defined, i.e. it has a bar at each of the {@code L + 1} grid bars
 * {@code t − L … t}. Every complete symbol then has its returns on the same dates, which a
 * covariance or a regression needs. A symbol with a missing bar inside the window is not complete.
 * Uses closes up to and including {@code t} only.
 */
final class GridReturns {
    private GridReturns() {
    }

    /** The {@code bars × symbols} return matrix of {@code panel}, indexed {@code s * N + i}. */
    static double[] of(Panel panel) {
        int n = panel.symbolCount();
        double[] c = panel.close();
        double[] r = new double[c.length];
        Arrays.fill(r, 0, Math.min(n, r.length), Double.NaN);
        for (int k = n; k < c.length; k++) {
            r[k] = c[k] / c[k - n] - 1; // NaN when either close is missing
        }
        return r;
    }

    /** Whether all {@code lookback} returns of symbol {@code i} ending at {@code t} are defined. */
    static boolean complete(double[] r, int n, int t, int lookback, int i) {
        if (t - lookback + 1 < 1) {
            return false;
        }
        for (int s = t - lookback + 1; s <= t; s++) {
            if (Double.isNaN(r[s * n + i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the {@code lookback} returns of symbol {@code i} ending at {@code t} are all equal (zero variance). */
    static boolean constant(double[] r, int n, int t, int lookback, int i) {
        double first = r[(t - lookback + 1) * n + i];
        for (int s = t - lookback + 2; s <= t; s++) {
            if (r[s * n + i] != first) {
                return false;
            }
        }
        return true;
    }

    /** The window as a {@code lookback × cols.length} block, rows oldest first, columns {@code cols}. */
    static double[][] block(double[] r, int n, int t, int lookback, int[] cols, int count) {
        double[][] out = new double[lookback][count];
        for (int k = 0; k < lookback; k++) {
            int row = (t - lookback + 1 + k) * n;
            for (int j = 0; j < count; j++) {
                out[k][j] = r[row + cols[j]];
            }
        }
        return out;
    }
}
