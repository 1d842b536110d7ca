package io.quantlake.strategy.reference;

import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code inverse_vol} (CLI.md): at each scheduled bar {@code t}, {@code σ_i} = sample standard
 * deviation (ddof 1) of the last {@code lookback} simple close-to-close returns
 * {@code close_k / close_{k−1} − 1} of symbol {@code i}'s own bars ending at {@code t}; valid
 * symbols get {@code w_i = (1/σ_i) / Σ_j (1/σ_j)}, the others 0 (weights of a decision sum to 1).
 *
 * <p>Valid (R6, R7, R23): the symbol exists at {@code t}, has a bar at {@code t}, has
 * {@code lookback + 1} own bars up to {@code t}, and {@code σ_i > 0}. A scheduled bar with no valid
 * symbol is no decision (R25), so the first decision is the first scheduled bar with one.
 *
 * @param lookback number of returns, >= 2
 * @param schedule decision calendar
 */
public record InverseVolStrategy(int lookback, RebalanceSchedule schedule) implements WeightStrategy {
    public InverseVolStrategy {
        if (lookback < 2) {
            throw new IllegalArgumentException("inverse_vol lookback must be >= 2 returns (ddof 1), got " + lookback);
        }
        Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public String name() {
        return "inverse_vol";
    }

    /** Own bars a symbol needs up to {@code t} before it can be valid: {@code lookback + 1} closes. */
    @Override
    public int warmupBars() {
        return lookback + 1;
    }

    @Override
    public TargetWeights targets(Panel panel) {
        int n = panel.symbolCount();
        int bars = panel.bars();
        OwnBars own = OwnBars.of(panel);
        boolean[] decision = panel.scheduled(schedule, schedule::decisionBars);
        double[] w = new double[bars * n];
        Arrays.fill(w, Double.NaN);
        for (int t = 0; t < bars; t++) {
            if (!decision[t]) {
                continue;
            }
            double sumInv = 0;
            for (int i = 0; i < n; i++) {
                double sigma = panel.exists(t, i) ? sigma(own, i, own.position(t, i)) : Double.NaN;
                double inv = sigma > 0 ? 1.0 / sigma : 0.0;
                w[t * n + i] = inv;
                sumInv += inv;
            }
            if (sumInv == 0) {
                decision[t] = false;
                Arrays.fill(w, t * n, t * n + n, Double.NaN);
                continue;
            }
            for (int i = 0; i < n; i++) {
                w[t * n + i] /= sumInv;
            }
        }
        return new TargetWeights(bars, n, decision, w);
    }

    /**
     * Sample stdev (ddof 1, two-pass) of the {@code lookback} returns ending at own bar {@code p};
     * NaN when {@code p < lookback} (including no bar, {@code p = -1}); exactly 0 when all returns
     * are equal.
     */
    private double sigma(OwnBars own, int i, int p) {
        if (p < lookback) {
            return Double.NaN;
        }
        double sum = 0;
        double first = own.close(i, p - lookback + 1) / own.close(i, p - lookback) - 1;
        boolean allEqual = true;
        for (int k = p - lookback + 1; k <= p; k++) {
            double r = own.close(i, k) / own.close(i, k - 1) - 1;
            sum += r;
            allEqual &= r == first;
        }
        if (allEqual) {
            return 0.0;
        }
        double mean = sum / lookback;
        double ss = 0;
        for (int k = p - lookback + 1; k <= p; k++) {
            double d = own.close(i, k) / own.close(i, k - 1) - 1 - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (lookback - 1));
    }
}
