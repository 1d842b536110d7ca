package io.quantlake.panel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import org.junit.jupiter.api.Test;

/** {@link Panel#openWithinRange()}: low <= open <= high at every present bar; missing bars do not count. */
class PanelRangeTest {
    private static final long T0 = 1_704_067_200_000L;
    private static final long DAY = 86_400_000L;

    @Test
    void openInsideEveryRangeWithGaps() {
        Panel p = Panel.builder(Interval.D1, "A", "B")
                .bar("A", T0, 10, 11, 9, 10.5, 1)
                .bar("A", T0 + DAY, 11, 11, 11, 11, 1) // open = high = low
                .bar("B", T0 + DAY, 5, 6, 4, 5, 1) // B has no bar at T0: NaN there
                .build();
        assertTrue(p.openWithinRange());
        assertTrue(p.openWithinRange(), "cached answer");
    }

    @Test
    void openAboveHighOrBelowLow() {
        Panel above = Panel.builder(Interval.D1, "A").bar("A", T0, 12, 11, 9, 10, 1).build();
        Panel below = Panel.builder(Interval.D1, "A").bar("A", T0, 10, 11, 9, 10, 1)
                .bar("A", T0 + DAY, 8.5, 11, 9, 10, 1).build();
        assertFalse(above.openWithinRange());
        assertFalse(below.openWithinRange());
    }
}
