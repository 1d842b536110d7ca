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
 * where the symbol has no bar. The value at bar {@code t} uses prices up to {@code t} only. The recursion's state
 * is {@code O(symbols)}, so a run in time blocks carries it from block to block ({@link #next}).
 */
public final class AverageTrueRange {
    private final int lookback;
    /** Per symbol, as of grid bar {@link #lastBar}: own bars seen, the last close, the ATR (the TR sum before it). */
    private int[] own;
    private double[] prevClose;
    private double[] atr;
    private int lastBar = -1;

    /**
     * Wilder's ATR of one run's panels taken in grid order ({@link #next}): the whole panel, or the consecutive
     * block panels of a run in time blocks, each continuing the recursion where the previous one stopped.
     */
    public AverageTrueRange(int lookback) {
        if (lookback < 1) {
            throw new IllegalArgumentException("ATR lookback must be >= 1, got " + lookback);
        }
        this.lookback = lookback;
    }

    /**
     * The ATR matrix ({@code bars × symbols}, like the panel's prices) of {@code panel} over {@code lookback} own
     * bars, its first row the recursion's start.
     */
    public static double[] wilder(Panel panel, int lookback) {
        return new AverageTrueRange(lookback).next(panel);
    }

    /**
     * The ATR matrix of {@code panel}, whose rows follow those of the panels given before (a block panel,
     * {@link Panel#asBlock}: row {@code t} is grid bar {@code panel.offset() + t}, and its rows must reach the grid bar
     * after the last one seen). The rows after the last grid bar seen continue the recursion; the rows already
     * seen (a block's warm-up) are NaN except each symbol's last own bar among them, which holds its ATR (what a
     * trailing stop filled at the block's first open reads): so a block needs 2 own bars of warm-up. The first
     * panel, and a panel starting again at grid bar 0 before the bar after the last seen, start the recursion at
     * their first row.
     */
    public double[] next(Panel panel) {
        int n = panel.symbolCount();
        int offset = panel.offset();
        int bars = panel.bars();
        if (own == null || own.length != n || (offset == 0 && bars <= lastBar + 1)) {
            own = new int[n];
            prevClose = new double[n];
            atr = new double[n];
            lastBar = offset - 1;
        }
        int from = lastBar + 1 - offset;
        if (from < 0 || from > bars) {
            throw new IllegalStateException("ATR recursion at grid bar " + lastBar + " given a panel of grid bars ["
                    + offset + ", " + (offset + bars) + ")");
        }
        double[] high = panel.high();
        double[] low = panel.low();
        double[] close = panel.close();
        double[] out = new double[high.length];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < n; i++) {
            for (int t = from - 1; t >= 0 && own[i] >= lookback; t--) {
                if (panel.hasBar(t, i)) {
                    out[t * n + i] = atr[i];
                    break;
                }
            }
            for (int t = from; t < bars; t++) {
                int k = t * n + i;
                if (!panel.hasBar(t, i)) {
                    continue;
                }
                double tr = high[k] - low[k];
                if (own[i] > 0) {
                    tr = Math.max(tr, Math.max(Math.abs(high[k] - prevClose[i]), Math.abs(low[k] - prevClose[i])));
                }
                own[i]++;
                if (own[i] < lookback) {
                    atr[i] += tr;
                } else if (own[i] == lookback) {
                    atr[i] = (atr[i] + tr) / lookback;
                    out[k] = atr[i];
                } else {
                    atr[i] = (atr[i] * (lookback - 1) + tr) / lookback;
                    out[k] = atr[i];
                }
                prevClose[i] = close[k];
            }
        }
        lastBar = offset + bars - 1;
        return out;
    }
}
