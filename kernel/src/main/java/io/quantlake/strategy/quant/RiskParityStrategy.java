package io.quantlake.strategy.quant;

import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.sizing.RiskParity;
import io.quantlake.sizing.RiskParityNotConvergedException;
import io.quantlake.sizing.VolTarget;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code risk_parity}: long-only inverse-volatility or equal-risk-contribution weights from a
 * covariance of the last {@code lookback} simple returns, optionally scaled to a volatility target.
 *
 * <p>At each scheduled bar {@code t}: the valid symbols (R6, R7) are those that exist at {@code t},
 * have a bar at {@code t}, have a complete return window (a bar at each grid bar
 * {@code t − lookback … t}, see {@link GridReturns} for the alignment) and whose returns in it are
 * not all equal (zero variance, as R23). Their returns {@code r_i(s)}, {@code s = t − lookback + 1 … t},
 * give the covariance {@code Σ} ({@link CovarianceModel}); then
 * <ul>
 *   <li>{@code inverse_vol}: {@code w_i = (1/√Σ_ii) / Σ_j (1/√Σ_jj)} (as {@link RiskParity#inverseVol});</li>
 *   <li>{@code erc}: {@code w_i (Σw)_i = w' Σ w / N} for every {@code i}, to 1e-10 relative
 *       ({@link RiskParity#erc}, Newton on Spinu's convex form).</li>
 * </ul>
 * The weights are {@code > 0} and sum to 1; with a {@link VolTargeting} they are then multiplied by
 * {@code min(target / σ_ann, max_leverage)} ({@link VolTarget#scale}). Every other symbol is 0. A
 * scheduled bar with no valid symbol is no decision (R25). Uses closes up to {@code t} only.
 *
 * <p>A covariance that is not positive definite (ERC needs one; e.g. {@code lookback} at most the
 * number of valid symbols with the sample estimator) stops the run with the bar and the symbols in
 * the message: use {@code shrinkage: ledoit_wolf} or a longer lookback.
 *
 * @param method     inverse volatility or ERC
 * @param lookback   returns per window, >= 2
 * @param covariance estimator and shrinkage
 * @param volTarget  optional volatility target (empty: weights sum to 1)
 * @param schedule   decision calendar
 */
public record RiskParityStrategy(Method method, int lookback, CovarianceModel covariance,
                                 Optional<VolTargeting> volTarget, RebalanceSchedule schedule)
        implements WeightStrategy {
    /** The allocation rule. */
    public enum Method {
        /** {@code w_i ∝ 1/σ_i}. */
        INVERSE_VOL,
        /** Equal risk contributions. */
        ERC
    }

    public RiskParityStrategy {
        Objects.requireNonNull(method, "method");
        if (lookback < 2) {
            throw new IllegalArgumentException("risk_parity lookback must be >= 2 returns, got " + lookback);
        }
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(volTarget, "volTarget");
        Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public String name() {
        return "risk_parity";
    }

    /** Grid bars a symbol needs up to {@code t}, all with a bar: {@code lookback + 1}. */
    @Override
    public int warmupBars() {
        return lookback + 1;
    }

    @Override
    public TargetWeights targets(Panel panel) {
        int n = panel.symbolCount();
        int bars = panel.bars();
        double[] r = GridReturns.of(panel);
        boolean[] decision = panel.scheduled(schedule, schedule::decisionBars);
        double[] w = new double[bars * n];
        Arrays.fill(w, Double.NaN);
        int[] cols = new int[n];
        for (int t = 0; t < bars; t++) {
            if (!decision[t]) {
                continue;
            }
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (panel.exists(t, i) && panel.hasBar(t, i) && GridReturns.complete(r, n, t, lookback, i)
                        && !GridReturns.constant(r, n, t, lookback, i)) {
                    cols[count++] = i;
                }
            }
            if (count == 0) {
                decision[t] = false;
                continue;
            }
            double[] x = allocate(panel, t, GridReturns.block(r, n, t, lookback, cols, count), cols, count);
            Arrays.fill(w, t * n, t * n + n, 0.0);
            for (int j = 0; j < count; j++) {
                w[t * n + cols[j]] = x[j];
            }
        }
        return new TargetWeights(bars, n, decision, w);
    }

    /**
     * {@code w_i = (1/√Σ_ii) / Σ_j (1/√Σ_jj)}, as {@link RiskParity#inverseVol} but without its risk-contribution
     * diagnostics, which need {@code w'Σw > 0} (a singular covariance, e.g. two symbols over two returns, may
     * give 0 and is fine for inverse volatility).
     */
    private static double[] inverseVol(double[][] cov) {
        double[] w = new double[cov.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 / Math.sqrt(cov[i][i]);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** The weights of the {@code count} valid symbols {@code cols} at bar {@code t}. */
    private double[] allocate(Panel panel, int t, double[][] returns, int[] cols, int count) {
        try {
            double[][] cov = covariance.estimate(returns);
            double[] x = method == Method.ERC ? RiskParity.erc(cov).weights() : inverseVol(cov);
            if (volTarget.isEmpty()) {
                return x;
            }
            VolTargeting v = volTarget.get();
            return VolTarget.scale(x, cov, v.targetVol(), panel.interval().periodsPerYear(), v.maxLeverage()).weights();
        } catch (IllegalArgumentException | RiskParityNotConvergedException e) {
            String[] names = new String[count];
            for (int j = 0; j < count; j++) {
                names[j] = panel.symbols()[cols[j]];
            }
            throw new IllegalStateException("risk_parity " + method.name().toLowerCase(java.util.Locale.ROOT) + " at "
                    + Instant.ofEpochMilli(panel.times()[t]) + ": covariance of " + Arrays.toString(names) + " over "
                    + lookback + " returns is unusable (" + e.getMessage() + "); use shrinkage: ledoit_wolf or a "
                    + "longer lookback", e);
        }
    }
}
