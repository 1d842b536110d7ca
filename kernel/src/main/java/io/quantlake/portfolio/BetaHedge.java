package io.quantlake.portfolio;

import io.quantlake.panel.Panel;
import io.quantlake.risk.OwnBarReturns;
import java.util.Arrays;
import java.util.Objects;

/**
 * The dynamic hedge overlay (issue 4 item 2): keeps the portfolio's beta to the hedge symbol {@code H}
 * (BTCUSDT) inside {@code [−b, b]} at each decision by trading {@code H}.
 *
 * <p><b>Betas</b> (no look-ahead: bar {@code t} uses returns up to {@code t}). Returns are own-bar simple
 * returns; {@code β_{t,i}} is {@link BetaMethod#OLS} over the joint returns of {@code i} and {@code H} among the
 * last {@code lookback} grid bars, or {@link BetaMethod#EWMA}; {@code β_H = 1}. A symbol whose beta is not yet
 * defined (fewer than 2 joint returns, zero variance of {@code H}) is given the prior {@code β = 1}.
 *
 * <p><b>Regime.</b> {@code σ_t} = sample stdev of {@code H}'s returns in the last {@code lookback} bars;
 * "high" when {@code σ_t} is above the median of the defined {@code σ} of the last {@code lookback} bars
 * (and before that is defined). The hedge multiplier is {@code m = 1} in the high regime or without
 * {@code vol_regime}, else {@code m = 0.5}.
 *
 * <p><b>Rule</b> at a decision with post-trade strategy weights {@code x} and the previous hedge weight
 * {@code h} (weights as fractions of equity, {@code h} held on {@code H} on top of the strategy's own weight):
 * {@code β_p = Σ_i x_i β_{t,i} + h}. If {@code |β_p| <= b} the hedge is kept; otherwise it moves so that the
 * beta becomes {@code β* = sign(β_p) · b · (1 − m)} (0 with a full hedge, {@code ±b/2} with a half one):
 * {@code h' = h − (β_p − β*)}. The hedge leg lies outside the risk manager's caps (only the kernel's
 * {@code max_leverage} applies to it).
 */
public final class BetaHedge {
    private final HedgeSpec spec;
    private final int n;
    private final int hedge;
    /** The betas and the regime of the current panel's rows. */
    private double[] beta;
    private boolean[] high;
    /** {@link BetaMethod#EWMA}'s recursion per symbol, carried from panel to panel: as of grid bar {@link #ewmaBar}. */
    private final double[] c;
    private final double[] v;
    private final int[] seen;
    private int ewmaBar = -1;

    /** Precomputes the betas and the regime of every bar of {@code panel}. */
    public BetaHedge(HedgeSpec spec, Panel panel) {
        this(spec, panel.symbols());
        block(panel);
    }

    /** An overlay over the universe {@code symbols} whose panel is given block by block ({@link #block}). */
    public BetaHedge(HedgeSpec spec, String[] symbols) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.n = symbols.length;
        this.hedge = Arrays.asList(symbols).indexOf(spec.symbol());
        if (hedge < 0) {
            throw new IllegalArgumentException("hedge.symbol " + spec.symbol() + " is not in the universe "
                    + Arrays.toString(symbols));
        }
        this.c = new double[n];
        this.v = new double[n];
        this.seen = new int[n];
    }

    /**
     * Computes the betas and the regime of {@code panel}'s rows: the whole panel, or the next block of a run in
     * time blocks (rows following the previous panel's, with the warm-up of {@link #warmupBars}). The rolling
     * windows are read from the panel's rows; the EWMA recursion continues from the previous panel (rows it has
     * already seen, the warm-up, get NaN betas: no decision reads them).
     */
    public void block(Panel panel) {
        if (panel.symbolCount() != n) {
            throw new IllegalArgumentException("hedge overlay of " + n + " symbols given a panel of "
                    + panel.symbolCount());
        }
        double[] r = OwnBarReturns.of(panel);
        int bars = panel.bars();
        this.beta = new double[bars * n];
        this.high = new boolean[bars];
        if (spec.method() == BetaMethod.OLS) {
            rollingOls(r, bars);
        } else {
            ewma(r, bars, panel.offset());
        }
        regime(r, bars);
    }

    /**
     * Own bars up to a decision that a run in time blocks must read: the rolling windows count grid bars, and a
     * return needs the bar before it, so {@code lookback + 1} for OLS betas, {@code 2 · lookback + 1} with
     * {@code vol_regime} (the median of the last {@code lookback} rolling volatilities), 2 for EWMA betas (the
     * recursion is carried across blocks).
     */
    public static int warmupBars(HedgeSpec spec) {
        int lb = spec.lookback();
        int betas = spec.method() == BetaMethod.OLS ? lb + 1 : 2;
        return spec.volRegime() ? Math.max(betas, 2 * lb + 1) : betas;
    }

    public HedgeSpec spec() {
        return spec;
    }

    /** Universe index of the hedge symbol. */
    public int hedgeIndex() {
        return hedge;
    }

    /** {@code β_{t,i}} (1 for the hedge symbol and where undefined). */
    public double beta(int t, int i) {
        return beta[t * n + i];
    }

    /** Whether bar {@code t} is in the high-volatility regime (always true without {@code vol_regime}). */
    public boolean fullHedge(int t) {
        return !spec.volRegime() || high[t];
    }

    /** {@code Σ_i x_i β_{t,i}}. */
    public double portfolioBeta(int t, double[] x) {
        double b = 0;
        for (int i = 0; i < n; i++) {
            b += x[i] * beta[t * n + i];
        }
        return b;
    }

    /**
     * The new hedge weight at decision {@code t} for strategy weights {@code x} (finite) and the previous hedge
     * weight {@code h} (see the class comment).
     */
    public double hedgeWeight(int t, double[] x, double h) {
        double bp = portfolioBeta(t, x) + h;
        double b = spec.band();
        if (Math.abs(bp) <= b) {
            return h;
        }
        double m = fullHedge(t) ? 1.0 : 0.5;
        return h - (bp - Math.signum(bp) * b * (1 - m));
    }

    private void rollingOls(double[] r, int bars) {
        int lb = spec.lookback();
        for (int t = 0; t < bars; t++) {
            for (int i = 0; i < n; i++) {
                if (i == hedge) {
                    beta[t * n + i] = 1;
                    continue;
                }
                double sx = 0;
                double sy = 0;
                int k = 0;
                for (int b = Math.max(0, t - lb + 1); b <= t; b++) {
                    double x = r[b * n + hedge];
                    double y = r[b * n + i];
                    if (x == x && y == y) {
                        sx += x;
                        sy += y;
                        k++;
                    }
                }
                double sxy = 0;
                double sxx = 0;
                for (int b = Math.max(0, t - lb + 1); b <= t && k >= 2; b++) {
                    double x = r[b * n + hedge];
                    double y = r[b * n + i];
                    if (x == x && y == y) {
                        sxy += (x - sx / k) * (y - sy / k);
                        sxx += (x - sx / k) * (x - sx / k);
                    }
                }
                beta[t * n + i] = k >= 2 && sxx > 0 ? sxy / sxx : 1;
            }
        }
    }

    /** The EWMA betas of the rows after {@link #ewmaBar} ({@code offset}: the panel's row 0 as a grid bar). */
    private void ewma(double[] r, int bars, int offset) {
        double lambda = 1 - 2.0 / (spec.lookback() + 1);
        int from = ewmaBar + 1 - offset;
        if (from < 0) {
            throw new IllegalStateException("hedge overlay at grid bar " + ewmaBar + " given a panel from grid bar "
                    + offset + " (a gap in the blocks)");
        }
        Arrays.fill(beta, 0, Math.min(from, bars) * n, Double.NaN);
        for (int t = from; t < bars; t++) {
            double x = r[t * n + hedge];
            for (int i = 0; i < n; i++) {
                double y = r[t * n + i];
                if (x == x && y == y) {
                    c[i] = lambda * c[i] + (1 - lambda) * x * y;
                    v[i] = lambda * v[i] + (1 - lambda) * x * x;
                    seen[i]++;
                }
                beta[t * n + i] = i == hedge ? 1 : seen[i] >= spec.lookback() && v[i] > 0 ? c[i] / v[i] : 1;
            }
        }
        ewmaBar = Math.max(ewmaBar, offset + bars - 1);
    }

    private void regime(double[] r, int bars) {
        int lb = spec.lookback();
        double[] sigma = new double[bars];
        double[] scratch = new double[lb];
        for (int t = 0; t < bars; t++) {
            double s = 0;
            double ss = 0;
            int k = 0;
            for (int b = Math.max(0, t - lb + 1); b <= t; b++) {
                double x = r[b * n + hedge];
                if (x == x) {
                    s += x;
                    ss += x * x;
                    k++;
                }
            }
            sigma[t] = k >= 2 ? Math.sqrt(Math.max(0, (ss - s * s / k) / (k - 1))) : Double.NaN;
            int m = 0;
            for (int b = Math.max(0, t - lb + 1); b <= t; b++) {
                if (sigma[b] == sigma[b]) {
                    scratch[m++] = sigma[b];
                }
            }
            if (m == 0 || sigma[t] != sigma[t]) {
                high[t] = true;
                continue;
            }
            Arrays.sort(scratch, 0, m);
            double median = m % 2 == 1 ? scratch[m / 2] : 0.5 * (scratch[m / 2 - 1] + scratch[m / 2]);
            high[t] = sigma[t] > median;
        }
    }
}
