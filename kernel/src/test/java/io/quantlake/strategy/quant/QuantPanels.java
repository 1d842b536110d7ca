package io.quantlake.strategy.quant;

import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Panels for the quant strategy tests: daily bars from 2024-01-01 with open = high = low = close. */
final class QuantPanels {
    static final double X = Double.NaN;
    static final long DAY = 86_400_000L;
    static final long START = 19_723L * DAY; // 2024-01-01

    private QuantPanels() {
    }

    /** {@code closes[t][i]}, {@link #X} = missing. */
    static Panel closes(String[] symbols, double[][] closes) {
        PanelBuilder b = Panel.builder(Interval.D1, symbols);
        for (int t = 0; t < closes.length; t++) {
            for (int i = 0; i < symbols.length; i++) {
                double c = closes[t][i];
                if (!Double.isNaN(c)) {
                    b.bar(symbols[i], START + t * DAY, c, c, c, c, 1);
                }
            }
        }
        return b.build();
    }

    /** Closes compounding {@code returns[s][i]} from 100 ({@code returns[0]} is ignored: bar 0 is 100). */
    static Panel compounding(String[] symbols, double[][] returns) {
        double[][] c = new double[returns.length][symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            c[0][i] = 100;
            for (int s = 1; s < returns.length; s++) {
                c[s][i] = c[s - 1][i] * (1 + returns[s][i]);
            }
        }
        return closes(symbols, c);
    }

    /**
     * A market-driven random walk: {@code r_i = β_i f + 0.02 ε_i} with {@code β_i = 0.5 + i / 4};
     * symbol 1 listed at bar 12, symbol 2 delisted after bar {@code bars − 10}, symbol 3 missing every
     * 9th bar; a feature {@code carry} = a random number per cell where the symbol has a bar.
     */
    static Panel market(String[] symbols, int bars, long seed) {
        Random rnd = new Random(seed);
        int n = symbols.length;
        double[][] c = new double[bars][n];
        double[] level = new double[n];
        java.util.Arrays.fill(level, 100);
        for (int t = 0; t < bars; t++) {
            double f = 0.03 * rnd.nextGaussian();
            for (int i = 0; i < n; i++) {
                level[i] *= 1 + (0.5 + i / 4.0) * f + 0.02 * rnd.nextGaussian();
                boolean missing = (i == 1 && t < 12) || (i == 2 && t > bars - 10) || (i == 3 && t % 9 == 4);
                c[t][i] = missing ? X : level[i];
            }
        }
        Panel p = closes(symbols, c);
        double[] carry = new double[bars * n];
        for (int k = 0; k < carry.length; k++) {
            carry[k] = Double.isNaN(p.close()[k]) ? X : rnd.nextGaussian();
        }
        return p.withFeature("carry", carry);
    }

    /** The same panel with every close and feature value after grid bar {@code cut} replaced at random. */
    static Panel scrambleAfter(Panel p, int cut, long seed) {
        Random rnd = new Random(seed);
        int from = (cut + 1) * p.symbolCount();
        double[] close = p.close().clone();
        for (int k = from; k < close.length; k++) {
            close[k] = Double.isNaN(close[k]) ? X : 1 + 500 * rnd.nextDouble();
        }
        Map<String, double[]> features = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : p.features().entrySet()) {
            double[] f = e.getValue().clone();
            for (int k = from; k < f.length; k++) {
                f[k] = Double.isNaN(f[k]) ? X : rnd.nextGaussian();
            }
            features.put(e.getKey(), f);
        }
        return new Panel(p.interval(), p.times(), p.symbols(), close, close, close, close, p.volume(), features);
    }

    /** {@code p} with the research factors {@code names} as features ({@link ReferenceFactors#withFactors}). */
    static Panel withFactors(Panel p, String... names) {
        return ReferenceFactors.withFactors(p, names);
    }

    /** Sum of the row of bar {@code t}. */
    static double rowSum(double[] w, int n, int t) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[t * n + i];
        }
        return s;
    }
}
