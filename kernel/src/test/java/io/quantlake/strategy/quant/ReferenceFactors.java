package io.quantlake.strategy.quant;

import io.quantlake.factorspec.FactorName;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.reference.MomentumScore;
import java.util.Arrays;

/**
 * Test fixture (also for research-core's tests through the kernel test-jar): factor values computed in plain Java,
 * standing in for the Spark values a run attaches where a test checks the kernel and not the factors (the
 * research definitions are checked against the {@code factors} table by research-core's FactorLibraryTest).
 */
public final class ReferenceFactors {
    private ReferenceFactors() {
    }

    /**
     * {@code p} with the research factors {@code names} ({@code mom_L_S}, {@code rev_K}, {@code rvol_N}) as panel
     * features, computed here on each symbol's own bars as research-core defines them (the Spark side attaches the
     * real values; this stands in for it in kernel tests): momentum {@code close_{t−S} / close_{t−L} − 1}, reversal
     * its negation with S = 0, rvol the sample stdev (ddof 1) of the last N own-bar simple returns.
     */
    public static Panel withFactors(Panel p, String... names) {
        Panel out = p;
        for (String name : names) {
            FactorName f = FactorName.parse(name);
            double[] v = switch (f.kind()) {
                case MOM -> new MomentumScore(f.param(0), f.param(1)).scores(p);
                case REV -> negated(new MomentumScore(f.param(0), 0).scores(p));
                case RVOL -> realizedVol(p, f.param(0));
                default -> throw new IllegalArgumentException("no kernel test values for " + name);
            };
            out = out.withFeature(name, v);
        }
        return out;
    }

    private static double[] negated(double[] m) {
        for (int k = 0; k < m.length; k++) {
            m[k] = -m[k];
        }
        return m;
    }

    private static double[] realizedVol(Panel panel, int lookback) {
        int n = panel.symbolCount();
        int bars = panel.bars();
        double[] c = panel.close();
        double[] out = new double[bars * n];
        Arrays.fill(out, Double.NaN);
        double[] own = new double[bars];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int t = 0; t < bars; t++) {
                if (Double.isNaN(c[t * n + i])) {
                    continue;
                }
                own[count++] = c[t * n + i];
                if (count > lookback) {
                    double sum = 0;
                    for (int k = count - lookback; k < count; k++) {
                        sum += own[k] / own[k - 1] - 1;
                    }
                    double mean = sum / lookback;
                    double ss = 0;
                    for (int k = count - lookback; k < count; k++) {
                        double d = own[k] / own[k - 1] - 1 - mean;
                        ss += d * d;
                    }
                    out[t * n + i] = Math.sqrt(ss / (lookback - 1));
                }
            }
        }
        return out;
    }

}
