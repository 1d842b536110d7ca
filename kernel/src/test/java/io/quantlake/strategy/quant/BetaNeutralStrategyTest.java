package io.quantlake.strategy.quant;

import static io.quantlake.strategy.quant.QuantPanels.X;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.reference.CrossSectionalScore;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.Selection;
import java.util.Arrays;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class BetaNeutralStrategyTest {
    static final String[] SYMBOLS = {"AAA", "BBB", "BTC"};

    /** BTC returns m(s); AAA = −m exactly (β −1); BBB = 2m − 0.001 (β 2). */
    static Panel planted(int bars) {
        double[][] r = new double[bars][3];
        for (int s = 0; s < bars; s++) {
            double m = 0.01 * Math.sin(1.3 * s) + 0.002;
            r[s][0] = -m;
            r[s][1] = 2 * m - 0.001;
            r[s][2] = m;
        }
        return QuantPanels.compounding(SYMBOLS, r);
    }

    static boolean[] all(int bars) {
        boolean[] rows = new boolean[bars];
        Arrays.fill(rows, true);
        return rows;
    }

    @Test
    void rollingBetaRecoversPlantedBetasAgainstASymbol() {
        double[] b = new RollingBeta(10, new MarketIndex.Symbol("BTC")).betas(planted(15), all(15));
        for (int t = 0; t < 15; t++) {
            for (int i = 0; i < 3; i++) {
                if (t < 10) {
                    assertTrue(Double.isNaN(b[t * 3 + i]), "needs bars t−10 … t, t=" + t);
                } else {
                    assertEquals(new double[]{-1, 2, 1}[i], b[t * 3 + i], 1e-9);
                }
            }
        }
    }

    @Test
    void equalWeightIndexAveragesTheDefinedReturns() {
        Panel p = QuantPanels.closes(SYMBOLS, new double[][]{{100, 10, 1}, {110, 9, X}, {121, X, 2}, {110, 9, 3}});
        double[] m = new MarketIndex.EqualWeight().returns(p, GridReturns.of(p));
        // bar 1: (0.1 − 0.1) / 2; bar 2: 0.1 only (BBB and BTC miss bar 2 or 1); bar 3: AAA −1/11, BTC +0.5
        assertTrue(Double.isNaN(m[0]));
        assertEquals(0.0, m[1], 1e-15);
        assertEquals(0.1, m[2], 1e-15);
        assertEquals((-1.0 / 11 + 0.5) / 2, m[3], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new MarketIndex.Symbol("ETH").returns(p, GridReturns.of(p)));
    }

    @Test
    void rollingBetaEqualsOlsSlopeOnTheEqualWeightIndex() {
        String[] s = {"AAA", "BBB", "CCC", "DDD"};
        Panel p = QuantPanels.market(s, 60, 21);
        double[] b = new RollingBeta(12, new MarketIndex.EqualWeight()).betas(p, all(60));
        double[] r = GridReturns.of(p);
        double[] m = new MarketIndex.EqualWeight().returns(p, r);
        int checked = 0;
        for (int t = 13; t < 60; t++) {
            for (int i = 0; i < 4; i++) {
                SimpleRegression ols = new SimpleRegression(true);
                boolean complete = true;
                for (int u = t - 11; u <= t; u++) {
                    double y = p.close()[p.at(u, i)] / p.close()[p.at(u - 1, i)] - 1;
                    complete &= !Double.isNaN(y);
                    ols.addData(m[u], y);
                }
                if (complete) {
                    assertEquals(ols.getSlope(), b[t * 4 + i], 1e-10);
                    checked++;
                } else {
                    assertTrue(Double.isNaN(b[t * 4 + i]));
                }
            }
        }
        assertTrue(checked > 100);
    }

    static BetaNeutralStrategy fixedScores(double[] scoresPerSymbol, int bars) {
        double[] s = new double[bars * 3];
        for (int t = 0; t < bars; t++) {
            System.arraycopy(scoresPerSymbol, 0, s, t * 3, 3);
        }
        return new BetaNeutralStrategy(new MarketNeutralStrategy(CrossSectionalScore.matrix(s), new Selection.Counts(1, 1),
                0.5, 0.5, new RebalanceSchedule.EveryBar()), new RollingBeta(10, new MarketIndex.Symbol("BTC")));
    }

    /** Long BBB (β 2), short BTC (β 1): k = −(0.5·2) / (−0.5·1) = 2, so BTC is −1.0 and Σ wβ = 1 − 1 = 0. */
    @Test
    void shortBookIsScaledToZeroBeta() {
        TargetWeights tw = fixedScores(new double[]{0, 1, -1}, 12).targets(planted(12));
        for (int t = 0; t < 12; t++) {
            assertEquals(t >= 10, tw.decision()[t], "betas need 10 returns, t=" + t);
        }
        assertArrayEquals(new double[]{0, 0.5, -1.0}, Arrays.copyOfRange(tw.weights(), 30, 33), 1e-9);
    }

    /** Long AAA (β −1) against short BBB (β 2): k = −(−0.5) / (−1) < 0, no scale neutralises: no decision. */
    @Test
    void noDecisionWhenTheShortsCannotOffsetTheLongBeta() {
        TargetWeights tw = fixedScores(new double[]{1, -1, 0}, 12).targets(planted(12));
        for (boolean d : tw.decision()) {
            assertFalse(d);
        }
        assertTrue(Double.isNaN(tw.weights()[33]));
    }

    @Test
    void momentumBetaNeutralHasZeroBetaAndTheLongRatioAtEveryDecision() {
        String[] s = {"AAA", "BBB", "CCC", "DDD", "EEE", "FFF"};
        Panel p = QuantPanels.market(s, 150, 5);
        RollingBeta beta = new RollingBeta(30, new MarketIndex.EqualWeight());
        MarketNeutralStrategy mn = MarketNeutralStrategy.momentum(20, 2, 2, 2, 0.7, 0.5,
                new RebalanceSchedule.Every(5));
        TargetWeights tw = new BetaNeutralStrategy(mn, beta).targets(p);
        double[] b = beta.betas(p, all(150));
        int decisions = 0;
        for (int t = 0; t < 150; t++) {
            if (!tw.decision()[t]) {
                continue;
            }
            decisions++;
            double exposure = 0;
            double longs = 0;
            int shorts = 0;
            for (int i = 0; i < 6; i++) {
                double w = tw.weights()[t * 6 + i];
                if (w != 0) {
                    assertTrue(p.exists(t, i) && p.hasBar(t, i) && !Double.isNaN(b[t * 6 + i]), "R6/R7 at " + t);
                    exposure += w * b[t * 6 + i];
                }
                longs += Math.max(w, 0);
                shorts += w < 0 ? 1 : 0;
            }
            assertEquals(0.0, exposure, 1e-12, "Σ w β at bar " + t);
            assertEquals(0.7, longs, 1e-12);
            assertEquals(2, shorts);
        }
        assertTrue(decisions >= 20, "decisions: " + decisions);
        assertEquals("market_neutral_beta", new BetaNeutralStrategy(mn, beta).name());
    }

    @Test
    void constructorNeedsBothSides() {
        RollingBeta beta = new RollingBeta(10, new MarketIndex.EqualWeight());
        assertThrows(IllegalArgumentException.class, () -> new BetaNeutralStrategy(
                MarketNeutralStrategy.momentum(5, 0, 2, 0, 1, 1, new RebalanceSchedule.Daily()), beta));
        assertThrows(IllegalArgumentException.class, () -> new BetaNeutralStrategy(
                MarketNeutralStrategy.momentum(5, 0, 1, 1, 1, 0, new RebalanceSchedule.Daily()), beta));
        assertThrows(IllegalArgumentException.class, () -> new RollingBeta(1, new MarketIndex.EqualWeight()));
    }
}
