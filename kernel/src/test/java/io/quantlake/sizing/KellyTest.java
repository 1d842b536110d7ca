package io.quantlake.sizing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KellyTest {

    @Test
    void discreteClosedForm() {
        // f = p - (1 - p) / b: 0.6 - 0.4 / 1 = 0.2
        assertEquals(0.2, Kelly.discrete(0.6, 1), 1e-15);
        // 0.5 - 0.5 / 2 = 0.25
        assertEquals(0.25, Kelly.discrete(0.5, 2), 1e-15);
        // no edge: 0.5 - 0.5 / 1 = 0; negative edge stays negative
        assertEquals(0.0, Kelly.discrete(0.5, 1), 1e-15);
        assertEquals(-0.2, Kelly.discrete(0.4, 1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Kelly.discrete(1.2, 1));
        assertThrows(IllegalArgumentException.class, () -> Kelly.discrete(0.6, 0));
    }

    @Test
    void continuousClosedForm() {
        // mu / sigma^2 = 0.1 / 0.04 = 2.5
        assertEquals(2.5, Kelly.continuous(0.1, 0.2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Kelly.continuous(0.1, 0));
    }

    @Test
    void uncorrelatedAssetsGetTheirOwnKelly() {
        // diagonal covariance: f_i = mu_i / sigma_i^2 = 0.1/0.04, 0.05/0.01
        double[][] cov = {{0.04, 0}, {0, 0.01}};
        assertArrayEquals(new double[]{2.5, 5.0}, Kelly.multiAsset(new double[]{0.1, 0.05}, cov, 0), 1e-12);
    }

    @Test
    void correlatedAssetsSolveSigmaInverseMu() {
        // Sigma = [[0.04, 0.01], [0.01, 0.01]], det = 0.0003; Sigma^-1 mu with mu = (0.1, 0.05):
        // f1 = (0.01*0.1 - 0.01*0.05) / 0.0003 = 5/3, f2 = (-0.01*0.1 + 0.04*0.05) / 0.0003 = 10/3
        double[][] cov = {{0.04, 0.01}, {0.01, 0.01}};
        assertArrayEquals(new double[]{5 / 3.0, 10 / 3.0}, Kelly.multiAsset(new double[]{0.1, 0.05}, cov, 0), 1e-12);
        // full shrinkage to the diagonal: back to mu_i / sigma_i^2
        assertArrayEquals(new double[]{2.5, 5.0}, Kelly.multiAsset(new double[]{0.1, 0.05}, cov, 1), 1e-12);
        // half shrinkage: off-diagonal 0.005, det = 0.0004 - 0.000025 = 0.000375
        // f1 = (0.01*0.1 - 0.005*0.05) / 0.000375 = 2, f2 = (-0.005*0.1 + 0.04*0.05) / 0.000375 = 4
        assertArrayEquals(new double[]{2, 4}, Kelly.multiAsset(new double[]{0.1, 0.05}, cov, 0.5), 1e-12);
    }

    @Test
    void fractionThenPerAssetCapThenGrossCap() {
        double[] full = {2.5, -5.0, 0.4};
        // half Kelly: 1.25, -2.5, 0.2; per-asset cap 1: 1, -1, 0.2 (gross 2.2); gross cap 1.1 scales by 0.5
        assertArrayEquals(new double[]{0.5, -0.5, 0.1}, Kelly.sized(full, new KellyCaps(0.5, 1, 1.1)), 1e-15);
        assertArrayEquals(new double[]{1.25, -2.5, 0.2}, Kelly.sized(full, KellyCaps.fractional(0.5)), 1e-15);
        assertEquals(0.1, Kelly.sized(Kelly.discrete(0.6, 1), KellyCaps.fractional(0.5)), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new KellyCaps(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new KellyCaps(0.5, -1, 1));
    }
}
