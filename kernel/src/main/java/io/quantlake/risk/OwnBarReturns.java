package io.quantlake.risk;

import io.quantlake.panel.Panel;

/**
 * Simple returns per grid bar on each symbol's own bars: {@code r_{t,i} = close_{t,i} / c_i − 1} where
 * {@code c_i} is symbol {@code i}'s previous own close; NaN where bar {@code t} is missing or the symbol
 * has no earlier bar. Row {@code t} uses closes up to {@code t} only. {@code T × N}, row-major.
 */
public final class OwnBarReturns {
    private OwnBarReturns() {
    }

    /** The returns of {@code panel} as {@code r[t * N + i]}. */
    public static double[] of(Panel panel) {
        int n = panel.symbolCount();
        int bars = panel.bars();
        double[] close = panel.close();
        double[] r = new double[bars * n];
        double[] last = new double[n];
        java.util.Arrays.fill(last, Double.NaN);
        for (int t = 0; t < bars; t++) {
            for (int i = 0; i < n; i++) {
                double c = close[t * n + i];
                r[t * n + i] = c == c && last[i] == last[i] ? c / last[i] - 1 : Double.NaN;
                if (c == c) {
                    last[i] = c;
                }
            }
        }
        return r;
    }
}
