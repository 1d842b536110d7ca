package io.quantlake.strategy.quant;

import io.quantlake.factorspec.FactorRef;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.reference.CrossSectionalScore;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A weighted sum of cross-sectional z-scores: at each grid bar {@code t}, over the symbols listed
 * there ({@code V_t}: the symbol exists at {@code t} (R6, R7), has a bar at {@code t} and every
 * factor is defined for it),
 * <pre>
 *   z_k,i = (f_k,i − mean_{j∈V_t} f_k,j) / sd_{j∈V_t} f_k,j      (sd with ddof 0; z = 0 when sd = 0)
 *   c_i   = Σ_k weight_k · z_k,i
 * </pre>
 * NaN for the symbols outside {@code V_t}. {@code c} is dimensionless and has cross-sectional mean
 * 0 at every bar. A negative weight reverses a factor. Uses factor values of row {@code t} only, so
 * it looks no further ahead than its factors.
 *
 * <p>The factors' values {@code f_k} are the panel features named by the factors ({@link FactorRef#values}): the
 * research definitions computed by Spark over the lake, point in time, and attached to the panel before the run
 * (research-core {@code FactorPanels}); a panel without one fails naming the factor.
 *
 * @param components the factors and their weights, at least one
 */
public record CompositeScore(List<Component> components) implements CrossSectionalScore {
    /**
     * One factor of the composite.
     *
     * @param factor the factor, read from the panel feature of its name
     * @param weight its weight, finite and non-zero
     */
    public record Component(FactorRef factor, double weight) {
        public Component {
            Objects.requireNonNull(factor, "factor");
            if (!Double.isFinite(weight) || weight == 0) {
                throw new IllegalArgumentException("factor weight must be finite and non-zero, got " + weight);
            }
        }
    }

    public CompositeScore {
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a composite score needs at least one factor");
        }
    }

    /** The factors of the components, in order (repeats kept). */
    public List<FactorRef> factors() {
        return components.stream().map(Component::factor).toList();
    }

    /** None: row {@code t}'s factor values only. */
    @Override
    public int warmupBars() {
        return 0;
    }

    @Override
    public double[] scores(Panel panel) {
        int n = panel.symbolCount();
        int bars = panel.bars();
        int m = components.size();
        double[][] f = new double[m][];
        for (int k = 0; k < m; k++) {
            f[k] = components.get(k).factor().values(panel);
        }
        double[] c = new double[bars * n];
        Arrays.fill(c, Double.NaN);
        int[] valid = new int[n];
        for (int t = 0; t < bars; t++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (panel.exists(t, i) && panel.hasBar(t, i) && allDefined(f, t * n + i)) {
                    valid[count++] = i;
                }
            }
            for (int j = 0; j < count; j++) {
                c[t * n + valid[j]] = 0;
            }
            for (int k = 0; k < m; k++) {
                addZScores(f[k], components.get(k).weight(), c, t * n, valid, count);
            }
        }
        return c;
    }

    private static boolean allDefined(double[][] f, int cell) {
        for (double[] x : f) {
            if (Double.isNaN(x[cell])) {
                return false;
            }
        }
        return true;
    }

    /** {@code c[row + i] += weight · z_i} over the {@code count} symbols {@code valid}. */
    private static void addZScores(double[] f, double weight, double[] c, int row, int[] valid, int count) {
        double mean = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < count; j++) {
            double x = f[row + valid[j]];
            mean += x;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (lo == hi) {
            return; // sd = 0 exactly (a rounded mean could leave a spurious tiny sd)
        }
        mean /= count;
        double ss = 0;
        for (int j = 0; j < count; j++) {
            double d = f[row + valid[j]] - mean;
            ss += d * d;
        }
        double sd = Math.sqrt(ss / count);
        if (!(sd > 0)) {
            return;
        }
        for (int j = 0; j < count; j++) {
            c[row + valid[j]] += weight * (f[row + valid[j]] - mean) / sd;
        }
    }
}
