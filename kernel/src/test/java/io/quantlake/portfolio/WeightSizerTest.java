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
        TargetWeights tw = Fixtures.weights(new double[] {0.3, NAN}, new double[] {-0.7, 0});
        double[] w = new WeightSizer(SizingSpec.of(SizingMethod.FIXED_FRACTION).withFraction(0.1)).apply(
                Fixtures.flat(Fixtures.flat(Fixtures.daily("A", "B"), "A", 0, 1, 1), "B", 0, 1, 1).build(), tw)
                .weights();
        assertEquals(0.1, w[0]);
        assertTrue(Double.isNaN(w[1]));
        assertEquals(-0.1, w[2]);
        assertEquals(0.0, w[3]);
    }

    private static TargetWeights sized(SizingSpec spec, double... lastRow) {
        return new WeightSizer(spec).apply(PANEL, Fixtures.weights(new double[] {0.5, 0.5}, null, null,
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
    void inverseVolKeepsEachSidesGross() {
        // long side A .5 alone keeps .5; short side B −.2 alone keeps −.2 (pooled, A would get .7 · 2/3)
        double[] w = sized(SizingSpec.of(SizingMethod.INVERSE_VOL).withLookback(4), 0.5, -0.2).weights();
        assertEquals(0.5, w[8], 1e-12);
        assertEquals(-0.2, w[9], 1e-12);
    }

    /**
     * Five symbols, decision at bar 4 (4 returns each where listed): A +2%, −1%, +2%, −1% (σ_A² = 4 · 0.015² / 3 =
     * 0.0003); B +4%, +4%, −2%, −2% (σ_B² = 4 · 0.03² / 3 = 0.0012, σ_B = 2 σ_A, uncorrelated with A: the deviation
     * products .015·.03 − .015·.03 − .015·.03 + .015·.03 sum to 0); C listed at bar 3 (1 return: no estimate with
     * lookback 4); D flat (σ = 0); E −1%, +2%, −1%, +2% (σ_E = σ_A).
     */
    private static final Panel FIVE = five();

    private static Panel five() {
        double[][] r = {{0.02, -0.01, 0.02, -0.01}, {0.04, 0.04, -0.02, -0.02}, {-0.01, 0.02, -0.01, 0.02}};
        double[][] c = new double[3][5];
        for (int s = 0; s < 3; s++) {
            c[s][0] = 100;
            for (int k = 0; k < 4; k++) {
                c[s][k + 1] = c[s][k] * (1 + r[s][k]);
            }
        }
        return Fixtures.flat(Fixtures.flat(Fixtures.flat(Fixtures.flat(Fixtures.flat(
                Fixtures.daily("A", "B", "C", "D", "E"), "A", 0, c[0]), "B", 0, c[1]), "C", 3, 50, 51), "D", 0,
                100, 100, 100, 100, 100), "E", 0, c[2]).build();
    }

    private static double[] sizedFive(SizingSpec spec, double... row) {
        double[] w = new WeightSizer(spec.withLookback(4)).apply(FIVE, Fixtures.weights(null, null, null,
                null, row)).weights();
        return java.util.Arrays.copyOfRange(w, 4 * 5, 5 * 5);
    }

    @Test
    void inverseVolSpreadsTheGrossOfEverySelectedSymbol() {
        // G = .3 + .3 + .2 + .2 = 1 (C without history and D with σ = 0 count, sized 0); 1/σ_A : 1/σ_B = 2 : 1:
        // A = 1 · 2/3, B = 1/3 — the strategy's gross 1 is kept (dropping C from G gave A .8 · 2/3)
        double[] w = sizedFive(SizingSpec.of(SizingMethod.INVERSE_VOL), 0.3, 0.3, 0.2, 0.2, NAN);
        assertEquals(2.0 / 3, w[0], 1e-12);
        assertEquals(1.0 / 3, w[1], 1e-12);
        assertEquals(0.0, w[2]);
        assertEquals(0.0, w[3]);
        assertTrue(Double.isNaN(w[4]));
    }

    @Test
    void ercSpreadsTheGrossOfEverySelectedSymbol() {
        // G = .3 + .3 + .2 = .8 (C counts, sized 0); A and B uncorrelated: ERC weights ∝ 1/σ, e = (2/3, 1/3):
        // A = .8 · 2/3, B = .8 / 3
        double[] w = sizedFive(SizingSpec.of(SizingMethod.ERC), 0.3, 0.3, 0.2, 0, NAN);
        assertEquals(0.8 * 2 / 3, w[0], 1e-9);
        assertEquals(0.8 / 3, w[1], 1e-9);
        assertEquals(0.0, w[2]);
        assertEquals(0.0, w[3]);
    }

    @Test
    void volTargetCapsAtMaxLeverageOverTheGrossOfEverySelectedSymbol() {
        // G = 1 (C and D count, sized 0); target 10 is far above σ_p, so k = max_leverage / G = 1 / 1:
        // A .3, B .3 (G over A and B alone, .6, gave k = 1/.6 and A .5)
        double[] w = sizedFive(SizingSpec.of(SizingMethod.VOL_TARGET).withVolTarget(10, 1), 0.3, 0.3, 0.2, 0.2, NAN);
        assertEquals(0.3, w[0], 1e-12);
        assertEquals(0.3, w[1], 1e-12);
        assertEquals(0.0, w[2]);
        assertEquals(0.0, w[3]);
        // target .2: σ_p² = (.3² · .0003 + .3² · .0012) · 365 (A, B uncorrelated); k = .2 / σ_p < 1 / G
        w = sizedFive(SizingSpec.of(SizingMethod.VOL_TARGET).withVolTarget(0.2, 1), 0.3, 0.3, 0.2, 0.2, NAN);
        double k = 0.2 / Math.sqrt((0.09 * 0.0003 + 0.09 * 0.0012) * 365);
        assertEquals(0.3 * k, w[0], 1e-9);
        assertEquals(0.3 * k, w[1], 1e-9);
    }

    @Test
    void aLongShortBookKeepsEachSidesGross() {
        // longs A .25, B .25 (G₊ = .5), short E −.5 (G₋ = .5), C long without history (counts in G₊ = .5 + .1):
        // long side: A = .6 · 2/3 = .4, B = .6 / 3 = .2; short side: E = −.5 alone. Net .6 − .5 = .1 as given
        // (pooled, with C left out of G = 1 and 1/σ = 1 : .5 : 1: A .4, B .2, E −.4, net +.2)
        for (SizingMethod m : new SizingMethod[] {SizingMethod.INVERSE_VOL, SizingMethod.ERC}) {
            double[] w = sizedFive(SizingSpec.of(m), 0.25, 0.25, 0.1, NAN, -0.5);
            assertEquals(0.4, w[0], 1e-9, m.toString());
            assertEquals(0.2, w[1], 1e-9, m.toString());
            assertEquals(0.0, w[2], m.toString());
            assertEquals(-0.5, w[4], 1e-12, m.toString());
        }
    }

    @Test
    void volTargetScalesTheRowToTheTargetVolatility() {
        // one asset at 0.5: σ_p = 0.5 · √0.0003 · √365; k = 0.2 / σ_p (below the cap 1 / 0.5): w = 0.2 / (√0.0003 √365)
        double[] w = sized(SizingSpec.of(SizingMethod.VOL_TARGET).withLookback(4).withVolTarget(0.2, 1), 0.5, 0)
                .weights();
        assertEquals(0.2 / (Math.sqrt(0.0003) * Math.sqrt(365)), w[8], 1e-9);
        assertEquals(0.0, w[9]);
    }

    @Test
    void everyDecisionKeepsTheGrossOfEachSideOnARandomBook() {
        // random long/short rows on a random panel: once every symbol has 20 returns, inverse_vol and erc give each
        // side back its own gross, so the book's net is the strategy's
        java.util.Random rnd = new java.util.Random(5);
        Panel p = PortfolioFixtures.panel(rnd, 6, 80);
        TargetWeights tw = PortfolioFixtures.targets(rnd, 80, 6, false, 0.3);
        for (SizingMethod m : new SizingMethod[] {SizingMethod.INVERSE_VOL, SizingMethod.ERC}) {
            double[] w = new WeightSizer(SizingSpec.of(m).withLookback(20)).apply(p, tw).weights();
            for (int t = 20; t < 80; t++) {
                if (tw.decision()[t]) {
                    double[] given = sides(tw.weights(), t, 6);
                    double[] sized = sides(w, t, 6);
                    assertEquals(given[0], sized[0], 1e-12, m + " long gross at bar " + t);
                    assertEquals(given[1], sized[1], 1e-12, m + " short gross at bar " + t);
                }
            }
        }
    }

    private static double[] sides(double[] w, int t, int n) {
        double[] g = new double[2];
        for (int i = 0; i < n; i++) {
            double v = w[t * n + i];
            g[v > 0 ? 0 : 1] += Math.abs(v);
        }
        return g;
    }
}
