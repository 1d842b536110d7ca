package io.quantlake.exit;

import io.quantlake.panel.Panel;
import java.util.Arrays;

/**
 * Wilder's average true range over each symbol's own bars, for an ATR trailing stop
 * ({@link TrailingStopExitStrategy#atr}). True range of own bar {@code j}:
 * {@code TR_j = max(high_j − low_j, |high_j − close_{j−1}|, |low_j − close_{j−1}|)}, with
 * {@code TR = high − low} on the symbol's first bar (no previous close). With {@code n} the lookback:
 * {@code ATR} is NaN before the {@code n}-th own bar, the mean of the first {@code n} true ranges at
 * it, then {@code ATR_j = (ATR_{j−1}·(n − 1) + TR_j) / n} (Wilder's smoothing). Quote currency; NaN
 * where the symbol has no bar. The value at bar {@code t} uses prices up to {@code t} only.
 */
public final class AverageTrueRange {
    private AverageTrueRange() {
    }

    /** The ATR matrix ({@code bars × symbols}, like the panel's prices) of {@code panel} over {@code lookback} own bars. */
    public static double[] wilder(Panel panel, int lookback) {
        if (lookback < 1) {
            throw new IllegalArgumentException("ATR lookback must be >= 1, got " + lookback);
        }
        int n = panel.symbolCount();
        double[] high = panel.high();
        double[] low = panel.low();
        double[] close = panel.close();
        double[] out = new double[high.length];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < n; i++) {
            int own = 0;
            double prevClose = Double.NaN;
            double atr = 0;
            for (int t = 0; t < panel.bars(); t++) {
                int k = t * n + i;
                if (!panel.hasBar(t, i)) {
                    continue;
                }
                double tr = high[k] - low[k];
                if (own > 0) {
                    tr = Math.max(tr, Math.max(Math.abs(high[k] - prevClose), Math.abs(low[k] - prevClose)));
                }
                own++;
                if (own < lookback) {
                    atr += tr;
                } else if (own == lookback) {
                    atr = (atr + tr) / lookback;
                    out[k] = atr;
                } else {
                    atr = (atr * (lookback - 1) + tr) / lookback;
                    out[k] = atr;
                }
                prevClose = close[k];
            }
        }
        return out;
    }
}
