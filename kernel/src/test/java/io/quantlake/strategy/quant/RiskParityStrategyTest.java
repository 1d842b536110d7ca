package io.quantlake.strategy.quant;

import static io.quantlake.strategy.quant.QuantPanels.X;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.sizing.RiskParity;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.reference.InverseVolStrategy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskParityStrategyTest {
    static final String[] ABC = {"AAA", "BBB", "CCC"};
    static final CovarianceModel SAMPLE = new CovarianceModel(new CovarianceModel.Sample(), CovarianceModel.Shrinkage.NONE);
    static final RebalanceSchedule EVERY_BAR = new RebalanceSchedule.EveryBar();

    static RiskParityStrategy rp(RiskParityStrategy.Method m, int lookback, CovarianceModel cov,
                                 Optional<VolTargeting> vt) {
        return new RiskParityStrategy(m, lookback, cov, vt, EVERY_BAR);
    }

    /** Correlated smooth returns: the three symbols share a sine component. */
    static Panel correlated(int bars) {
        double[][] r = new double[bars][3];
        for (int s = 0; s < bars; s++) {
            r[s][0] = 0.01 * Math.sin(s);
            r[s][1] = 0.02 * Math.sin(s + 0.5) + 0.005 * Math.cos(3 * s);
            r[s][2] = 0.015 * Math.cos(2 * s) + 0.01 * Math.sin(s);
        }
        return QuantPanels.compounding(ABC, r);
    }

    /** Sample covariance (ddof 1) of the {@code lookback} returns ending at {@code t}, from the closes directly. */
    static double[][] handCovariance(Panel p, int t, int lookback) {
        int n = p.symbolCount();
        double[][] r = new double[lookback][n];
        double[] mean = new double[n];
        for (int k = 0; k < lookback; k++) {
            int s = t - lookback + 1 + k;
            for (int i = 0; i < n; i++) {
                r[k][i] = p.close()[p.at(s, i)] / p.close()[p.at(s - 1, i)] - 1;
                mean[i] += r[k][i] / lookback;
            }
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < lookback; k++) {
                    c[i][j] += (r[k][i] - mean[i]) * (r[k][j] - mean[j]) / (lookback - 1);
                }
            }
        }
        return c;
    }

    static double[] row(TargetWeights tw, int t) {
        double[] out = new double[tw.symbols()];
        System.arraycopy(tw.weights(), t * tw.symbols(), out, 0, tw.symbols());
        return out;
    }

    @Test
    void ercRiskContributionsAreEqualAtEveryDecision() {
        Panel p = correlated(40);
        TargetWeights tw = rp(RiskParityStrategy.Method.ERC, 20, SAMPLE, Optional.empty()).targets(p);
        for (int t = 0; t < 40; t++) {
            assertEquals(t >= 20, tw.decision()[t], "first decision needs bars 0..20 (20 returns), t=" + t);
            if (t >= 20) {
                double[] w = row(tw, t);
                assertEquals(1.0, w[0] + w[1] + w[2], 1e-12);
                double[] rc = RiskParity.riskContributions(handCovariance(p, t, 20), w);
                for (double x : rc) {
                    assertEquals(1.0 / 3, x, 1e-8 / 3, "RC_i equal to 1e-8 relative at t=" + t);
                }
            }
        }
    }

    /**
     * Orthogonal demeaned returns (patterns +−+−, ++−−, +−−+) make the sample covariance diagonal with
     * {@code σ_i ∝ a_i}: a = 0.01, 0.02, 0.04 give 1/a = 100, 50, 25, so ERC = inverse vol = 4/7, 2/7, 1/7.
     */
    static Panel orthogonal() {
        double[] a = {0.01, 0.02, 0.04};
        int[][] pattern = {{1, -1, 1, -1}, {1, 1, -1, -1}, {1, -1, -1, 1}};
        double[][] r = new double[5][3];
        for (int s = 1; s <= 4; s++) {
            for (int i = 0; i < 3; i++) {
                r[s][i] = 0.001 + a[i] * pattern[i][s - 1];
            }
        }
        return QuantPanels.compounding(ABC, r);
    }

    @Test
    void inverseVolIsErcOnADiagonalCovariance() {
        double[] expected = {4.0 / 7, 2.0 / 7, 1.0 / 7};
        for (RiskParityStrategy.Method m : RiskParityStrategy.Method.values()) {
            TargetWeights tw = rp(m, 4, SAMPLE, Optional.empty()).targets(orthogonal());
            assertArrayEquals(new boolean[]{false, false, false, false, true}, tw.decision(), m.name());
            assertArrayEquals(expected, row(tw, 4), 1e-9, m.name());
        }
    }

    @Test
    void inverseVolEqualsTheReferenceInverseVolStrategy() {
        Panel p = QuantPanels.market(ABC, 90, 7); // BBB listed at bar 12, CCC delisted; no gaps
        RebalanceSchedule weekly = new RebalanceSchedule.Weekly(2);
        TargetWeights ours = new RiskParityStrategy(RiskParityStrategy.Method.INVERSE_VOL, 10, SAMPLE,
                Optional.empty(), weekly).targets(p);
        TargetWeights ref = new InverseVolStrategy(10, weekly).targets(p);
        assertArrayEquals(ref.decision(), ours.decision());
        assertArrayEquals(ref.weights(), ours.weights(), 1e-12);
    }

    /**
     * 0.457996 = 0.10 / (σ_bar √365) with σ_bar² = w'Σw = Σ (w_i a_i)² · 4/3 = 3 (0.04/7)² · 4/3, so
     * σ_bar = 0.08/7 and k = 0.7 / (0.08 √365); a 0.5 target would need k = 2.29, capped at 1.5.
     */
    @Test
    void volTargetScalesTheWeightsByTargetOverExAnteVolatilityUpToTheCap() {
        double k = 0.7 / (0.08 * Math.sqrt(365));
        TargetWeights tw = rp(RiskParityStrategy.Method.INVERSE_VOL, 4, SAMPLE,
                Optional.of(new VolTargeting(0.10, 1.5))).targets(orthogonal());
        assertArrayEquals(new double[]{k * 4 / 7, k * 2 / 7, k / 7}, row(tw, 4), 1e-9);
        assertEquals(0.457996, k, 1e-6);
        TargetWeights capped = rp(RiskParityStrategy.Method.ERC, 4, SAMPLE,
                Optional.of(new VolTargeting(0.50, 1.5))).targets(orthogonal());
        assertArrayEquals(new double[]{1.5 * 4 / 7, 1.5 * 2 / 7, 1.5 / 7}, row(capped, 4), 1e-9);
    }

    @Test
    void ledoitWolfMakesASingularSampleCovarianceUsable() {
        Panel p = correlated(12);
        // 3 returns of 3 symbols: the demeaned sample covariance has rank 2, ERC cannot use it
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> rp(RiskParityStrategy.Method.ERC, 3, SAMPLE, Optional.empty()).targets(p));
        assertTrue(e.getMessage().startsWith("risk_parity erc at 2024-01-04T00:00:00Z: covariance of [AAA, BBB, CCC]"),
                e.getMessage());
        assertTrue(e.getMessage().contains("shrinkage: ledoit_wolf"), e.getMessage());
        CovarianceModel lw = new CovarianceModel(new CovarianceModel.Sample(), CovarianceModel.Shrinkage.LEDOIT_WOLF);
        TargetWeights tw = rp(RiskParityStrategy.Method.ERC, 3, lw, Optional.empty()).targets(p);
        for (int t = 4; t < 12; t++) {
            double[] w = row(tw, t);
            double[][] block = new double[3][3];
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < 3; i++) {
                    block[k][i] = p.close()[p.at(t - 2 + k, i)] / p.close()[p.at(t - 3 + k, i)] - 1;
                }
            }
            double[] rc = RiskParity.riskContributions(lw.estimate(block), w);
            assertEquals(1.0, w[0] + w[1] + w[2], 1e-12);
            for (double x : rc) {
                assertEquals(1.0 / 3, x, 1e-9);
            }
        }
    }

    @Test
    void ewmaCovarianceWeightsEqualiseRiskUnderTheEwmaMatrix() {
        Panel p = correlated(30);
        CovarianceModel ewma = new CovarianceModel(new CovarianceModel.Ewma(5), CovarianceModel.Shrinkage.NONE);
        TargetWeights tw = rp(RiskParityStrategy.Method.ERC, 20, ewma, Optional.empty()).targets(p);
        TargetWeights sample = rp(RiskParityStrategy.Method.ERC, 20, SAMPLE, Optional.empty()).targets(p);
        double[][] block = new double[20][3];
        for (int k = 0; k < 20; k++) {
            for (int i = 0; i < 3; i++) {
                block[k][i] = p.close()[p.at(10 + k, i)] / p.close()[p.at(9 + k, i)] - 1;
            }
        }
        for (double x : RiskParity.riskContributions(ewma.estimate(block), row(tw, 29))) {
            assertEquals(1.0 / 3, x, 1e-9);
        }
        assertTrue(Math.abs(row(tw, 29)[0] - row(sample, 29)[0]) > 1e-4, "EWMA must weigh recent returns more");
    }

    /**
     * R6/R7 with lookback 2 (a bar at t−2, t−1, t): BBB listed at bar 3 is valid from bar 5; CCC's
     * last bar 5 is its delisting bar (0 there); DDD misses bar 4, so it is invalid at 4, 5, 6.
     */
    @Test
    void lateListingDelistingAndGapsAreZero() {
        String[] s = {"AAA", "BBB", "CCC", "DDD"};
        Panel p = QuantPanels.closes(s, new double[][]{
            {100, X, 10, 20},
            {101, X, 10.5, 21},
            {103, X, 10.2, 20.5},
            {102, 50, 10.8, 21.5},
            {104, 51, 10.4, X},
            {103, 50.5, 10.9, 22},
            {105, 52, X, 21},
            {106, 53, X, 22.5}});
        TargetWeights tw = rp(RiskParityStrategy.Method.INVERSE_VOL, 2, SAMPLE, Optional.empty()).targets(p);
        assertFalse(tw.decision()[0] || tw.decision()[1], "no symbol has 3 bars before bar 2");
        String[] held = {"", "", "ACD", "ACD", "AC", "AB", "AB", "ABD"};
        for (int t = 2; t < 8; t++) {
            assertTrue(tw.decision()[t]);
            StringBuilder got = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                double w = tw.weights()[t * 4 + i];
                assertTrue(w >= 0, "long only");
                if (w > 0) {
                    got.append(s[i].charAt(0));
                }
            }
            assertEquals(held[t], got.toString(), "bar " + t);
            assertEquals(1.0, QuantPanels.rowSum(tw.weights(), 4, t), 1e-12);
        }
    }

    /** The same rule for ERC on a longer panel: w_i > 0 exactly where i exists and has bars at t−L … t. */
    @Test
    void ercHoldsExactlyTheSymbolsWithACompleteWindow() {
        String[] s = {"AAA", "BBB", "CCC", "DDD", "EEE"};
        Panel p = QuantPanels.market(s, 80, 11);
        int lookback = 15;
        TargetWeights tw = rp(RiskParityStrategy.Method.ERC, lookback, SAMPLE, Optional.empty()).targets(p);
        int decisions = 0;
        for (int t = 0; t < 80; t++) {
            if (!tw.decision()[t]) {
                assertTrue(t < lookback, "every bar from " + lookback + " has a valid symbol, t=" + t);
                continue;
            }
            decisions++;
            for (int i = 0; i < 5; i++) {
                boolean window = t >= lookback && p.exists(t, i);
                for (int u = t - lookback; window && u <= t; u++) {
                    window = p.hasBar(u, i);
                }
                assertEquals(window, tw.weights()[t * 5 + i] > 0, s[i] + " at bar " + t);
                assertTrue(tw.weights()[t * 5 + i] >= 0);
            }
            assertEquals(1.0, QuantPanels.rowSum(tw.weights(), 5, t), 1e-12);
        }
        assertEquals(80 - lookback, decisions);
        assertEquals(0.0, tw.weights()[(80 - 10) * 5 + 2], "CCC's delisting bar 70 is 0 (R6)");
    }

    @Test
    void constructorRejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> rp(RiskParityStrategy.Method.ERC, 1, SAMPLE, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new VolTargeting(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new VolTargeting(0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CovarianceModel.Ewma(0));
        assertEquals(21, rp(RiskParityStrategy.Method.ERC, 20, SAMPLE, Optional.empty()).warmupBars());
    }
}
