package io.quantlake.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quantlake.panel.Panel;
import io.quantlake.risk.RiskManager;
import io.quantlake.risk.RiskRule;
import io.quantlake.risk.RiskRules;
import io.quantlake.sim.Fixtures;
import org.junit.jupiter.api.Test;

/** The rules of {@link RiskManager} one by one, on a target vector, with the arithmetic in comments. */
class RiskManagerTest {
    private static final Panel FLAT = Fixtures.flat(Fixtures.flat(Fixtures.flat(Fixtures.daily("A", "B", "C"),
            "A", 0, 10, 10), "B", 0, 10, 10), "C", 0, 10, 10).build();

    private static double[] apply(RiskRules rules, RiskRule[] fired, double... w) {
        new RiskManager(rules, FLAT).apply(0, w, fired);
        return w;
    }

    @Test
    void assetCapClipsEachWeight() {
        RiskRule[] fired = new RiskRule[3];
        assertArrayEquals(new double[] {0.3, -0.3, 0.1}, apply(RiskRules.NONE.withMaxWeight(0.3), fired, 0.5, -0.4, 0.1));
        assertEquals(RiskRule.ASSET_CAP, fired[0]);
        assertNull(fired[2]);
    }

    @Test
    void grossCapScalesEveryWeight() {
        // gross 0.6 + 0.6 + 0.3 = 1.5 > 1: factor 1/1.5
        RiskRule[] fired = new RiskRule[3];
        double[] w = apply(RiskRules.NONE.withMaxGross(1), fired, 0.6, -0.6, 0.3);
        assertArrayEquals(new double[] {0.4, -0.4, 0.2}, w, 1e-15);
        assertEquals(RiskRule.GROSS_CAP, fired[1]);
    }

    @Test
    void netCapScalesTheSideInExcess() {
        // L = 0.8, S = 0.2, net 0.6 > 0.2: longs × (0.2 + 0.2) / 0.8 = 0.5
        RiskRule[] fired = new RiskRule[3];
        double[] w = apply(RiskRules.NONE.withMaxNet(0.2), fired, 0.5, 0.3, -0.2);
        assertArrayEquals(new double[] {0.25, 0.15, -0.2}, w, 1e-15);
        assertEquals(RiskRule.NET_CAP, fired[0]);
        assertNull(fired[2]);
        // shorts in excess: S = 0.9, L = 0.1, net -0.8 < -0.3: shorts × (0.3 + 0.1) / 0.9
        w = apply(RiskRules.NONE.withMaxNet(0.3), fired, 0.1, -0.45, -0.45);
        assertArrayEquals(new double[] {0.1, -0.2, -0.2}, w, 1e-15);
    }

    @Test
    void maxPositionsKeepsTheLargestAndTheLowerIndexOnTies() {
        RiskRule[] fired = new RiskRule[3];
        double[] w = apply(RiskRules.NONE.withMaxPositions(2), fired, 0.2, -0.3, 0.2);
        assertArrayEquals(new double[] {0.2, -0.3, 0}, w);
        assertEquals(RiskRule.MAX_POSITIONS, fired[2]);
    }

    @Test
    void firstRuleThatReducesIsTheOneRecorded() {
        // asset cap 0.5 cuts A (0.9 → 0.5), then gross 0.5 + 0.5 = 1.0 > 0.8 scales both by 0.8
        RiskRule[] fired = new RiskRule[3];
        double[] w = apply(RiskRules.NONE.withMaxWeight(0.5).withMaxGross(0.8), fired, 0.9, 0.5, 0);
        assertArrayEquals(new double[] {0.4, 0.4, 0}, w, 1e-15);
        assertEquals(RiskRule.ASSET_CAP, fired[0]);
        assertEquals(RiskRule.GROSS_CAP, fired[1]);
        assertNull(fired[2]);
    }
}
