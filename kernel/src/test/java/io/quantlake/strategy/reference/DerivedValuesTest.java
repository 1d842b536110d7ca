package io.quantlake.strategy.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quantlake.panel.Panel;
import org.junit.jupiter.api.Test;

/**
 * Values derived from a panel (own bars, momentum scores, rankings) are the panel's own: two panels
 * of one shape in one JVM (two sweeps' panels) keep separate derived values, and a run on one
 * leaves the other's untouched and its results those of a fresh panel.
 */
class DerivedValuesTest {
    private static Panel other() {
        double[][] closes = {
            {100, 100, 100, 100},
            {90, 101, 103, 97},
            {95, 120, 88, 93},
            {99, TestPanels.X, 101, 85},
            {140, 100, TestPanels.X, 96},
        };
        return TestPanels.daily(MarketNeutralStrategyTest.SYMBOLS, closes);
    }

    @Test
    void twoPanelsDoNotShareDerivedValues() {
        double[] fresh = MarketNeutralStrategyTest.oneByOne().targets(other()).weights();
        Panel a = MarketNeutralStrategyTest.panel();
        Panel b = other();
        double[] onA = MarketNeutralStrategyTest.oneByOne().targets(a).weights();
        // own bars, the momentum score matrix and its ranking
        assertEquals(3, a.derived().size());
        assertEquals(0, b.derived().size());
        assertArrayEquals(fresh, MarketNeutralStrategyTest.oneByOne().targets(b).weights());
        assertEquals(3, b.derived().size());
        assertNotSame(new MomentumScore(2, 0).shared(a), new MomentumScore(2, 0).shared(b));
        // a second run on a reuses its values and gets the same weights
        assertSame(new MomentumScore(2, 0).shared(a), new MomentumScore(2, 0).shared(a));
        assertArrayEquals(onA, MarketNeutralStrategyTest.oneByOne().targets(a).weights());
        assertEquals(3, a.derived().size());
    }
}
