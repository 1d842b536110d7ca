package io.quantlake.strategy.reference;

import io.quantlake.panel.Panel;

/**
 * Each symbol's own bars (SIMULATION.md §12.9): returns, SMAs and momentum skip the grid bars a
 * symbol is missing. Own index {@code k} counts a symbol's bars from 0 (its first bar in the panel).
 */
final class OwnBars {
    private final int symbols;
    private final int[] position;
    private final double[][] close;

    private OwnBars(int symbols, int[] position, double[][] close) {
        this.symbols = symbols;
        this.position = position;
        this.close = close;
    }

    /** The own-bar view of {@code panel}, computed once per panel ({@link Panel#derived()}); read-only. */
    static OwnBars of(Panel panel) {
        long cells = 2L * panel.bars() * panel.symbolCount();
        return panel.derived().computeIfAbsent(OwnBars.class, cells, OwnBars::compute);
    }

    private static OwnBars compute(Panel panel) {
        int n = panel.symbolCount();
        int bars = panel.bars();
        double[] c = panel.close();
        int[] position = new int[bars * n];
        int[] count = new int[n];
        for (int t = 0; t < bars; t++) {
            for (int i = 0; i < n; i++) {
                position[t * n + i] = Double.isNaN(c[t * n + i]) ? -1 : count[i]++;
            }
        }
        double[][] close = new double[n][];
        for (int i = 0; i < n; i++) {
            close[i] = new double[count[i]];
        }
        for (int t = 0; t < bars; t++) {
            for (int i = 0; i < n; i++) {
                int k = position[t * n + i];
                if (k >= 0) {
                    close[i][k] = c[t * n + i];
                }
            }
        }
        return new OwnBars(n, position, close);
    }

    /** Own index of symbol {@code i}'s bar at grid bar {@code t}, or -1 when it has no bar there. */
    int position(int t, int i) {
        return position[t * symbols + i];
    }

    /** Close of symbol {@code i}'s own bar {@code k}. */
    double close(int i, int k) {
        return close[i][k];
    }
}
