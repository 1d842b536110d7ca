package io.quantlake.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rebalance rule: the one place the band's [0, 1) check is written, and its derived band-edge flag. */
class RebalanceRuleTest {
    @Test
    void bandMustBeInZeroToOne() {
        assertEquals(0.0, new RebalanceRule(0, RebalanceMode.TARGET, false).band());
        assertEquals(0.999, new RebalanceRule(0.999, RebalanceMode.BAND_EDGE, true).band());
        for (double bad : new double[] {1, 1.5, -0.1, -0.0001, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new RebalanceRule(bad, RebalanceMode.TARGET, false));
            assertEquals("band must be in [0, 1), got " + bad, e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> RebalanceRule.NONE.withBand(1));
        assertThrows(NullPointerException.class, () -> new RebalanceRule(0.1, null, false));
    }

    @Test
    void defaultsAndCopies() {
        assertEquals(new RebalanceRule(0, RebalanceMode.TARGET, false), RebalanceRule.NONE);
        RebalanceRule r = RebalanceRule.NONE.withBand(0.02).withTo(RebalanceMode.BAND_EDGE)
                .withSchedule(new RebalanceSchedule.Threshold());
        assertEquals(new RebalanceRule(0.02, RebalanceMode.BAND_EDGE, true), r);
        assertFalse(r.withSchedule(new RebalanceSchedule.Daily()).threshold());
    }

    @Test
    void tradesToTheBandEdgeOnlyWithBandEdgeANonZeroBandAndNoThreshold() {
        assertTrue(new RebalanceRule(0.05, RebalanceMode.BAND_EDGE, false).toBandEdge());
        assertFalse(new RebalanceRule(0, RebalanceMode.BAND_EDGE, false).toBandEdge());
        assertFalse(new RebalanceRule(0.05, RebalanceMode.BAND_EDGE, true).toBandEdge());
        assertFalse(new RebalanceRule(0.05, RebalanceMode.TARGET, false).toBandEdge());
    }
}
