package io.quantlake.sizing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolTargetTest {

    // daily variances 0.0004 and 0.0001 (2% and 1% daily vol), uncorrelated
    private static final double[][] COV = {{0.0004, 0}, {0, 0.0001}};

    @Test
    void scalesToTheTarget() {
        // w = (0.5, 0.5): daily var = 0.25*0.0004 + 0.25*0.0001 = 0.000125; annual vol = sqrt(0.000125*365)
        double vol = Math.sqrt(0.000125 * 365);
        VolTargetResult r = VolTarget.scale(new double[]{0.5, 0.5}, COV, 0.10, 365, 3);
        assertEquals(vol, r.exAnteVol(), 1e-15);
        assertEquals(0.10 / vol, r.leverage(), 1e-12);
        assertArrayEquals(new double[]{0.5 * 0.10 / vol, 0.5 * 0.10 / vol}, r.weights(), 1e-12);
        assertFalse(r.capped());
        double[] w = r.weights();
        assertEquals(0.10, Math.sqrt(Matrices.quadraticForm(COV, w) * 365), 1e-12);
    }

    @Test
    void leverageCapBinds() {
        // target 200% would need ~9.4x; gross of the input is 1, so the cap 2 gives k = 2
        VolTargetResult r = VolTarget.scale(new double[]{0.5, 0.5}, COV, 2.0, 365, 2);
        assertEquals(2.0, r.leverage(), 1e-15);
        assertTrue(r.capped());
        assertEquals(2.0, Matrices.gross(r.weights()), 1e-15);
    }

    @Test
    void zeroWeightsStayZeroAndBadArgumentsFail() {
        VolTargetResult r = VolTarget.scale(new double[]{0, 0}, COV, 0.1, 365, 2);
        assertArrayEquals(new double[]{0, 0}, r.weights());
        assertThrows(IllegalArgumentException.class, () -> VolTarget.scale(new double[]{1, 0}, COV, 0, 365, 2));
        assertThrows(IllegalArgumentException.class, () -> VolTarget.scale(new double[]{1}, COV, 0.1, 365, 2));
    }
}
