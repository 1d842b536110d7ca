package io.quantlake.portfolio;

import io.quantlake.panel.Panel;
import io.quantlake.risk.OwnBarReturns;
import io.quantlake.sizing.Covariance;
import io.quantlake.sizing.Kelly;
import io.quantlake.sizing.KellyCaps;
import io.quantlake.sizing.RiskParity;
import io.quantlake.sizing.VolTarget;
import io.quantlake.strategy.TargetWeights;
import java.util.Objects;

/**
 * The {@code sizing:} transform of a target-weight matrix (issue 4 item 3), applied to each decision row
 * before the risk manager. The strategy selects symbols, directions and the gross of each side; sizing decides how
 * that gross is spread. At a decision bar {@code t}, the <i>selected</i> symbols are those with a finite non-zero
 * target; NaN targets stay NaN (keep), zeros stay 0, and the other rows are untouched. Estimates use each selected
 * symbol's last {@code lookback} own-bar simple returns ending at {@code t} (no look-ahead), aligned by recency for
 * the covariance (sample, ddof 1). A selected symbol <i>without an estimate</i> — fewer than {@code lookback}
 * returns, or (inverse_vol, erc, vol_target) a volatility {@code σ_i = 0} — is sized to 0 but still counts in the
 * gross (fixed_fraction uses no data). With {@code s_i = sign(w_i)}, the gross of every selected symbol
 * {@code G = Σ_sel |w_i|}, and each side's gross {@code G₊ = Σ_{sel, w_i > 0} w_i}, {@code G₋ = Σ_{sel, w_i < 0}
 * |w_i|} (so a symbol without an estimate counts in {@code G}, {@code G₊}, {@code G₋} for all three methods that
 * use them):
 *
 * <ul>
 *   <li>{@code fixed_fraction}: {@code w_i ← s_i · fraction};</li>
 *   <li>{@code kelly}: full Kelly {@code f_i} (discrete {@code p − (1−p)/b} with {@code p} the share of positive
 *       returns and {@code b} mean gain / mean loss — no loss gives {@code f = 1}, no gain 0; continuous
 *       {@code μ_i/σ_i²}; multi {@code Σ_s⁻¹μ} with {@code shrinkage}), kept only in the strategy's direction
 *       {@code s_i · max(0, s_i f_i)}, then {@link Kelly#sized} with {@code fraction}, {@code max_weight},
 *       {@code max_gross};</li>
 *   <li>{@code inverse_vol}: each side within its own gross: {@code w_i ← s_i · G_s · (1/σ_i) / Σ_j (1/σ_j)},
 *       {@code G_s} the gross of {@code i}'s side ({@code G₊} or {@code G₋}) and {@code j} over that side's
 *       symbols with an estimate — so each side keeps its gross (a long/short book its neutrality), the strategy's
 *       gross {@code G} is kept whenever each side has a symbol with an estimate;</li>
 *   <li>{@code erc}: each side within its own gross: {@code w_i ← s_i · G_s · e_i} with {@code e} the
 *       equal-risk-contribution weights of the covariance of that side's symbols with an estimate
 *       ({@link RiskParity#erc}); that side's inverse_vol when one of its {@code σ} is 0 or its covariance is
 *       singular;</li>
 *   <li>{@code vol_target}: the row times {@code k = min(target_vol / σ_p, max_leverage / G)}, {@code σ_p} the
 *       annualised ex-ante volatility of the row's symbols with an estimate ({@link VolTarget#scale}, periods per
 *       year of the interval); one factor for the whole row, so a long/short book keeps its ratio.</li>
 * </ul>
 */
public final class WeightSizer {
    private final SizingSpec spec;

    public WeightSizer(SizingSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** The sized copy of {@code targets} over {@code panel}. */
    public TargetWeights apply(Panel panel, TargetWeights targets) {
        int n = panel.symbolCount();
        int bars = panel.bars();
        double[] r = OwnBarReturns.of(panel);
        double[] out = targets.weights().clone();
        int[] count = new int[n];
        double[][] own = new double[n][bars];
        for (int t = 0; t < bars; t++) {
            for (int i = 0; i < n; i++) {
                double v = r[t * n + i];
                if (v == v) {
                    own[i][count[i]++] = v;
                }
            }
            if (targets.decision()[t]) {
                sizeRow(panel, out, t, n, own, count);
            }
        }
        return new TargetWeights(bars, n, targets.decision().clone(), out);
    }

    private void sizeRow(Panel panel, double[] w, int t, int n, double[][] own, int[] count) {
        int[] sel = new int[n];
        int k = 0;
        double[] selected = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double v = w[t * n + i];
            if (v == v && v != 0) {
                if (spec.method() == SizingMethod.FIXED_FRACTION) {
                    w[t * n + i] = Math.signum(v) * spec.fraction();
                    continue;
                }
                selected[m++] = v;
                if (count[i] < spec.lookback()) {
                    w[t * n + i] = 0;
                } else {
                    sel[k++] = i;
                }
            }
        }
        if (k == 0 || spec.method() == SizingMethod.FIXED_FRACTION) {
            return;
        }
        int lb = spec.lookback();
        double[][] block = new double[lb][k];
        double[] v = new double[k];
        for (int j = 0; j < k; j++) {
            int i = sel[j];
            v[j] = w[t * n + i];
            for (int b = 0; b < lb; b++) {
                block[b][j] = own[i][count[i] - lb + b];
            }
        }
        Gross gross = Gross.of(java.util.Arrays.copyOf(selected, m)); // every selected symbol, with or without data
        double[] sized = size(block, v, gross, panel.interval().periodsPerYear());
        for (int j = 0; j < k; j++) {
            w[t * n + sel[j]] = sized[j];
        }
    }

    /**
     * The gross the sizing rules spread: of every selected symbol ({@code all}, {@code G}) and of each side
     * ({@code G₊}, {@code G₋}), symbols without an estimate included.
     */
    record Gross(double all, double longSide, double shortSide) {
        /** The gross of the signed weights {@code v}, in order. */
        static Gross of(double[] v) {
            double all = 0;
            double longSide = 0;
            double shortSide = 0;
            for (double x : v) {
                all += Math.abs(x);
                if (x > 0) {
                    longSide += x;
                } else {
                    shortSide -= x;
                }
            }
            return new Gross(all, longSide, shortSide);
        }

        double side(double sign) {
            return sign > 0 ? longSide : shortSide;
        }
    }

    /**
     * The sized weights of one selection (every method but fixed_fraction, which needs no data): {@code v} the
     * selected symbols' signed non-zero weights, {@code block[b][j]} their last {@code lookback} returns (oldest
     * first, aligned by recency), {@code ppy} periods per year; every symbol of {@code v} has its returns, so the
     * gross is {@code v}'s. Used by {@link SignalSizer}.
     */
    double[] size(double[][] block, double[] v, double ppy) {
        return size(block, v, Gross.of(v), ppy);
    }

    /**
     * As {@link #size(double[][], double[], double)} within {@code gross}, which also counts the selected symbols
     * without returns (sized to 0 by the caller). The rules of the class comment.
     */
    private double[] size(double[][] block, double[] v, Gross gross, double ppy) {
        int k = v.length;
        int lb = block.length;
        double[] mu = new double[k];
        double[] sd = new double[k];
        double[] sign = new double[k];
        for (int j = 0; j < k; j++) {
            sign[j] = Math.signum(v[j]);
            for (int b = 0; b < lb; b++) {
                mu[j] += block[b][j] / lb;
            }
            double ss = 0;
            for (int b = 0; b < lb; b++) {
                ss += (block[b][j] - mu[j]) * (block[b][j] - mu[j]);
            }
            sd[j] = Math.sqrt(ss / (lb - 1));
        }
        return switch (spec.method()) {
            case KELLY -> kelly(block, mu, sd, sign);
            case INVERSE_VOL -> bySide(block, sd, sign, gross, false);
            case ERC -> bySide(block, sd, sign, gross, true);
            case VOL_TARGET -> volTarget(block, sd, v, gross.all(), ppy);
            case FIXED_FRACTION -> fixedFraction(sign);
        };
    }

    private double[] fixedFraction(double[] sign) {
        double[] out = new double[sign.length];
        for (int j = 0; j < sign.length; j++) {
            out[j] = sign[j] * spec.fraction();
        }
        return out;
    }

    /** {@link VolTarget#scale} over the symbols with {@code σ > 0} (the others get 0), capped at {@code max_leverage / G}. */
    private double[] volTarget(double[][] block, double[] sd, double[] w, double gross, double ppy) {
        int k = 0;
        for (double s : sd) {
            k += s > 0 ? 1 : 0;
        }
        double[] out = new double[sd.length];
        if (k == 0) {
            return out;
        }
        double[][] b = new double[block.length][k];
        double[] v = new double[k];
        for (int j = 0, m = 0; j < sd.length; j++) {
            if (sd[j] > 0) {
                v[m] = w[j];
                for (int r = 0; r < block.length; r++) {
                    b[r][m] = block[r][j];
                }
                m++;
            }
        }
        double[] scaled = VolTarget.scale(v, Covariance.sample(b), spec.targetVol(), ppy, spec.maxLeverage(), gross)
                .weights();
        for (int j = 0, m = 0; j < sd.length; j++) {
            if (sd[j] > 0) {
                out[j] = scaled[m++];
            }
        }
        return out;
    }

    private double[] kelly(double[][] block, double[] mu, double[] sd, double[] sign) {
        int k = mu.length;
        double[] f = new double[k];
        if (spec.kelly() == KellyMode.MULTI && allPositive(sd)) {
            try {
                f = Kelly.multiAsset(mu, Covariance.sample(block), spec.shrinkage());
            } catch (IllegalArgumentException singular) {
                // a singular covariance (e.g. more symbols than returns): per-symbol mu / sigma^2 (shrinkage 1)
                f = Kelly.multiAsset(mu, Covariance.sample(block), 1);
            }
        } else {
            for (int j = 0; j < k; j++) {
                f[j] = spec.kelly() == KellyMode.DISCRETE ? discrete(block, j)
                        : sd[j] > 0 ? Kelly.continuous(mu[j], sd[j]) : 0;
            }
        }
        for (int j = 0; j < k; j++) {
            f[j] = sign[j] * f[j] > 0 ? f[j] : 0.0;
        }
        return Kelly.sized(f, new KellyCaps(spec.fraction(), spec.maxWeight(), spec.maxGross()));
    }

    private static double discrete(double[][] block, int j) {
        int wins = 0;
        int losses = 0;
        double gain = 0;
        double loss = 0;
        for (double[] row : block) {
            if (row[j] > 0) {
                wins++;
                gain += row[j];
            } else if (row[j] < 0) {
                losses++;
                loss -= row[j];
            }
        }
        double p = (double) wins / block.length;
        if (wins == 0) {
            return 0;
        }
        if (losses == 0) {
            return 1;
        }
        return Kelly.discrete(p, (gain / wins) / (loss / losses));
    }

    /**
     * inverse_vol ({@code erc} false) or erc, each side of the book within its own gross: the long symbols share
     * {@code G₊}, the short ones {@code G₋}.
     */
    private static double[] bySide(double[][] block, double[] sd, double[] sign, Gross gross, boolean erc) {
        double[] out = new double[sd.length];
        for (double side : new double[] {1, -1}) {
            int m = 0;
            for (double s : sign) {
                m += s == side ? 1 : 0;
            }
            if (m == 0) {
                continue;
            }
            int[] idx = new int[m];
            double[] sdSide = new double[m];
            double[][] blockSide = new double[block.length][m];
            for (int j = 0, c = 0; j < sd.length; j++) {
                if (sign[j] == side) {
                    idx[c] = j;
                    sdSide[c] = sd[j];
                    for (int b = 0; b < block.length; b++) {
                        blockSide[b][c] = block[b][j];
                    }
                    c++;
                }
            }
            double[] sized = erc ? erc(blockSide, sdSide, side, gross.side(side))
                    : inverseVol(sdSide, side, gross.side(side));
            for (int c = 0; c < m; c++) {
                out[idx[c]] = sized[c];
            }
        }
        return out;
    }

    /** One side ({@code sign}) within its gross: {@code sign · gross · (1/σ_j) / Σ (1/σ)}; {@code σ = 0} gets 0. */
    private static double[] inverseVol(double[] sd, double sign, double gross) {
        double sum = 0;
        for (double s : sd) {
            sum += s > 0 ? 1 / s : 0;
        }
        double[] v = new double[sd.length];
        for (int j = 0; j < sd.length; j++) {
            v[j] = sd[j] > 0 && sum > 0 ? sign * gross * (1 / sd[j]) / sum : 0;
        }
        return v;
    }

    /** One side within its gross: {@code sign · gross · e_j}, e the ERC weights; inverse_vol when it cannot. */
    private static double[] erc(double[][] block, double[] sd, double sign, double gross) {
        if (!allPositive(sd)) {
            return inverseVol(sd, sign, gross);
        }
        double[] e;
        try {
            e = RiskParity.erc(Covariance.sample(block)).weights();
        } catch (IllegalArgumentException singular) {
            // a singular covariance (fewer returns than symbols, or collinear ones): inverse volatility
            return inverseVol(sd, sign, gross);
        }
        double[] v = new double[e.length];
        for (int j = 0; j < e.length; j++) {
            v[j] = sign * gross * e[j];
        }
        return v;
    }

    private static boolean allPositive(double[] sd) {
        for (double s : sd) {
            if (!(s > 0)) {
                return false;
            }
        }
        return true;
    }
}
