package io.quantlake.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Specification tests of ADF and Engle-Granger beyond the statsmodels fixtures. */
class UnitRootTest {

    @Test
    void defaultMaxLagIsSchwertRoundedUpAndCapped() {
        // ceil(12 * (250/100)^(1/4)) = ceil(15.09) = 16; cap 250/2 - 1 - 1 = 123
        assertEquals(16, AugmentedDickeyFuller.defaultMaxLag(250, Trend.CONSTANT));
        // n = 100: 12 exactly
        assertEquals(12, AugmentedDickeyFuller.defaultMaxLag(100, Trend.CONSTANT));
        // n = 20: ceil(8.03) = 9, capped at 20/2 - 1 - 1 = 8 (trend c), 20/2 - 0 - 1 = 9 (trend n)
        assertEquals(8, AugmentedDickeyFuller.defaultMaxLag(20, Trend.CONSTANT));
        assertEquals(9, AugmentedDickeyFuller.defaultMaxLag(20, Trend.NONE));
        assertThrows(IllegalArgumentException.class, () -> AugmentedDickeyFuller.defaultMaxLag(3, Trend.CONSTANT));
    }

    @Test
    void fixedLagRegressionUsesAllAvailableDifferences() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] x = new double[120];
        for (int t = 1; t < x.length; t++) {
            x[t] = x[t - 1] + rnd.nextGaussian();
        }
        AdfResult r = AugmentedDickeyFuller.testFixedLag(x, Trend.CONSTANT, 3);
        assertEquals(120 - 1 - 3, r.nobs());
        assertEquals(3, r.usedLag());
        assertThrows(IllegalArgumentException.class, () -> AugmentedDickeyFuller.testFixedLag(x, Trend.CONSTANT, 59));
    }

    @Test
    void stationarySeriesRejectsUnitRootAndWalkDoesNot() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] ar = new double[400];
        double[] walk = new double[400];
        for (int t = 1; t < ar.length; t++) {
            double e = rnd.nextGaussian();
            ar[t] = 0.3 * ar[t - 1] + e;
            walk[t] = walk[t - 1] + e;
        }
        assertTrue(AugmentedDickeyFuller.test(ar, Trend.CONSTANT).pValue() < 0.01);
        assertTrue(AugmentedDickeyFuller.test(walk, Trend.CONSTANT).pValue() > 0.05);
    }

    @Test
    void halfLifeFromSlope() {
        // b = -0.5: the deviation halves every bar -> 1 bar
        assertEquals(1.0, EngleGranger.halfLifeFromSlope(-0.5), 1e-15);
        // b = -1 + 2^(-1/10): decays by 2^(-1/10) per bar -> 10 bars
        assertEquals(10.0, EngleGranger.halfLifeFromSlope(Math.pow(2, -0.1) - 1), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, EngleGranger.halfLifeFromSlope(0.01));
        assertEquals(0.0, EngleGranger.halfLifeFromSlope(-1.0));
        // overshooting b = -1.5: |1 + b| = 0.5 -> 1 bar
        assertEquals(1.0, EngleGranger.halfLifeFromSlope(-1.5), 1e-15);
    }

    @Test
    void halfLifeOfAnExactAr1Spread() {
        // s_t = 0.8 s_{t-1} exactly (plus a shift of the mean): b = -0.2, half-life = ln2 / -ln 0.8
        double[] s = new double[50];
        s[0] = 10;
        for (int t = 1; t < s.length; t++) {
            s[t] = 0.8 * s[t - 1];
        }
        assertEquals(Math.log(2) / -Math.log(0.8), EngleGranger.halfLife(s), 1e-9);
    }

    @Test
    void collinearPairIsRejected() {
        double[] x = new double[60];
        double[] y = new double[60];
        for (int t = 0; t < x.length; t++) {
            x[t] = Math.sin(t) + t * 0.1;
            y[t] = 2 + 3 * x[t];
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngleGranger.coint(y, x));
        assertTrue(e.getMessage().contains("collinear"), e.getMessage());
        double[] flat = new double[60];
        java.util.Arrays.fill(flat, 1.5);
        e = assertThrows(IllegalArgumentException.class, () -> EngleGranger.coint(flat, x));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EngleGranger.coint(x, flat));
        assertTrue(e.getMessage().contains("rank deficient"), e.getMessage());
    }

    @Test
    void mackinnonBoundsAndArguments() {
        assertEquals(0.0, MacKinnon.pValue(-30, Trend.CONSTANT, 2));
        assertEquals(1.0, MacKinnon.pValue(5, Trend.CONSTANT, 2));
        assertThrows(IllegalArgumentException.class, () -> MacKinnon.pValue(-2, Trend.CONSTANT, 7));
        assertThrows(IllegalArgumentException.class, () -> MacKinnon.criticalValues(Trend.NONE, 2, 100));
        assertEquals(Trend.CONSTANT_TREND, Trend.fromCode("ct"));
        assertThrows(IllegalArgumentException.class, () -> Trend.fromCode("x"));
    }
}
