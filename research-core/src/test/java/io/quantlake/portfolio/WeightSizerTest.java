package io.quantlake.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.panel.Panel;
import io.quantlake.sim.Fixtures;
import io.quantlake.strategy.TargetWeights;
import org.junit.jupiter.api.Test;

/**
 * Sizing arithmetic on returns chosen for closed forms: A returns +2%, −1%, +2%, −1% (μ = 0.005, sample variance
 * 4 · 0.015² / 3 = 0.0003); B the same pattern doubled (+4%, −2%: σ_B = 2 σ_A). Decisions at bar 4 (4 returns).
 */
class WeightSizerTest {
    private static final double NAN = Double.NaN;
    private static final Panel PANEL = panel();

    private static Panel panel() {
        double[] ra = {0.02, -0.01, 0.02, -0.01};
        double[] a = new double[5];
        double[] b = new double[5];
        a[0] = 100;
        b[0] = 100;
        for (int k = 0; k < 4; k++) {
            a[k + 1] = a[k] * (1 + ra[k]);
            b[k + 1] = b[k] * (1 + 2 * ra[k]);
        }
        return Fixtures.flat(Fixtures.flat(Fixtures.daily("A", "B"), "A", 0, a), "B", 0, b).build();
    }

    @Test
    void fixedFractionGivesEachSelectedSymbolTheFraction() {
        TargetWeights tw = Fixtures.weights(0, false, new double[] {0.3, NAN}, new double[] {-0.7, 0});
        double[] w = new WeightSizer(SizingSpec.of(SizingMethod.FIXED_FRACTION).withFraction(0.1)).apply(
                Fixtures.flat(Fixtures.flat(Fixtures.daily("A", "B"), "A", 0, 1, 1), "B", 0, 1, 1).build(), tw)
                .weights();
        assertEquals(0.1, w[0]);
        assertTrue(Double.isNaN(w[1]));
        assertEquals(-0.1, w[2]);
        assertEquals(0.0, w[3]);
    }

    private static TargetWeights sized(SizingSpec spec, double... lastRow) {
        return new WeightSizer(spec).apply(PANEL, Fixtures.weights(0, false, new double[] {0.5, 0.5}, null, null,
                null, lastRow));
    }

    @Test
    void continuousKellyIsMuOverSigmaSquaredTimesTheFraction() {
        // f = 0.005 / 0.0003 = 16.667; half-Kelly 8.333; B: 0.01 / 0.0012 = 8.333, half 4.1667
        double[] w = sized(SizingSpec.of(SizingMethod.KELLY).withLookback(4).withFraction(0.5), 0.3, 0.3).weights();
        assertEquals(0.5 * 0.005 / 0.0003, w[8], 1e-9);
        assertEquals(0.5 * 0.01 / 0.0012, w[9], 1e-9);
        // bar 0 has no returns: not enough data → 0
        assertEquals(0.0, w[0]);
        // caps: per asset 0.4, gross 0.6 → 0.4 and 0.4, then × 0.6 / 0.8
        w = sized(SizingSpec.of(SizingMethod.KELLY).withLookback(4).withFraction(0.5)
                .withKelly(KellyMode.CONTINUOUS, 0.4, 0.6, 0), 0.3, 0.3).weights();
        assertEquals(0.3, w[8], 1e-12);
        assertEquals(0.3, w[9], 1e-12);
    }

    @Test
    void kellyKeepsOnlyTheStrategysDirection() {
        // a short signal on an asset with positive Kelly gets 0
        double[] w = sized(SizingSpec.of(SizingMethod.KELLY).withLookback(4), -0.3, 0.3).weights();
        assertEquals(0.0, w[8]);
        assertTrue(w[9] > 0);
    }

    @Test
    void discreteKellyFromWinRateAndPayoff() {
        // p = 0.5, b = 0.02 / 0.01 = 2: f = 0.5 − 0.5 / 2 = 0.25
        double[] w = sized(SizingSpec.of(SizingMethod.KELLY).withLookback(4).withKelly(KellyMode.DISCRETE,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0), 0.3, NAN).weights();
        assertEquals(0.25, w[8], 1e-9);
        assertTrue(Double.isNaN(w[9]));
    }

    @Test
    void inverseVolKeepsTheGrossAndSigns() {
        // gross 0.7; 1/σ_A : 1/σ_B = 2 : 1 → A 0.7 · 2/3, B −0.7 / 3
        double[] w = sized(SizingSpec.of(SizingMethod.INVERSE_VOL).withLookback(4), 0.5, -0.2).weights();
        assertEquals(0.7 * 2 / 3, w[8], 1e-12);
        assertEquals(-0.7 / 3, w[9], 1e-12);
    }

    @Test
    void volTargetScalesTheRowToTheTargetVolatility() {
        // one asset at 0.5: σ_p = 0.5 · √0.0003 · √365; k = 0.2 / σ_p (below the cap 1 / 0.5): w = 0.2 / (√0.0003 √365)
        double[] w = sized(SizingSpec.of(SizingMethod.VOL_TARGET).withLookback(4).withVolTarget(0.2, 1), 0.5, 0)
                .weights();
        assertEquals(0.2 / (Math.sqrt(0.0003) * Math.sqrt(365)), w[8], 1e-9);
        assertEquals(0.0, w[9]);
    }
}
