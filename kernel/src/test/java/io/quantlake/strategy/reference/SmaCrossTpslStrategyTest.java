package io.quantlake.strategy.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.LegacyDecision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CLI.md sma_cross_tpsl, SIMULATION.md §13 cross rule, R20. */
class SmaCrossTpslStrategyTest {
    private final List<String> warnings = new ArrayList<>();

    private SmaCrossTpslStrategy strategy(int fast, int slow) {
        return new SmaCrossTpslStrategy(fast, slow, 0.1, 0.05, 3, warnings::add);
    }

    /** A window over the given own closes, day k at 2024-01-01 + k days. */
    static CandleWindow window(double... closes) {
        long[] times = new long[closes.length];
        for (int k = 0; k < closes.length; k++) {
            times[k] = TestPanels.day("2024-01-01") + k * 86_400_000L;
        }
        return new CandleWindow().reset("BTCUSDT", times, closes, closes, closes, closes, new double[closes.length], 0,
                closes.length);
    }

    @Test
    void buyOnCrossUpWithTakeProfitAndStopLoss() {
        // t: fast = (10 + 13)/2 = 11.5 > slow = (10 + 10 + 13)/3 = 11; t−1: fast = slow = 10 ("<=")
        LegacyDecision d = strategy(2, 3).decide(window(10, 10, 10, 10, 13), Interval.D1);
        assertEquals(13 * 1.1, d.takeProfit()); // 14.3
        assertEquals(13 * 0.95, d.stopLoss()); // 12.35
        assertEquals(3, strategy(2, 3).maxPositions());
    }

    @Test
    void noBuyWhenAlreadyAboveOrBelow() {
        // t−1: fast (10 + 12)/2 = 11 > slow (10 + 10 + 12)/3 = 10.67: already above, no new cross
        assertNull(strategy(2, 3).decide(window(10, 10, 12, 13), Interval.D1));
        // falling: fast < slow
        assertNull(strategy(2, 3).decide(window(13, 12, 11, 10), Interval.D1));
    }

    @Test
    void exactlyEqualSmasAreNoCross() {
        // fast 1, slow 2. t−1: fast = 10 < slow = (12 + 10)/2 = 11; t: fast = 10 = slow = (10 + 10)/2.
        // Rising from below to exactly equal is not a cross (a tie is "not greater")
        assertNull(strategy(1, 2).decide(window(12, 10, 10), Interval.D1));
        // and from equal to above is one: t−1 equal (10, 10), t: fast 11 > slow 10.5
        assertEquals(11 * 0.95, strategy(1, 2).decide(window(12, 10, 10, 11), Interval.D1).stopLoss());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void tieInDecimalsWhereFloatingPointSaysGreaterIsNoCrossAndWarns() {
        // fast 2, slow 4 at t: (0.49 + 0.32)/2 = 0.405 and (0.6 + 0.21 + 0.49 + 0.32)/4 = 1.62/4 = 0.405: equal
        // in decimals, but in doubles fast = 0.405 > slow = 0.40499999999999997. t−1: fast 0.35 < slow 0.3625.
        // Plain floating point would BUY; exact arithmetic and the 1e-12 rule say no cross (R20, §13).
        assertNull(strategy(2, 4).decide(window(0.15, 0.6, 0.21, 0.49, 0.32), Interval.D1));
        assertEquals(1, warnings.size());
        assertEquals("warning: sma_cross_tpsl BTCUSDT at 2024-01-05T00:00:00Z: floating-point SMA comparison says "
                + "cross=true but exact decimal arithmetic says cross=false (SIMULATION.md R20); the 1e-12 tolerance "
                + "rule decides cross=false", warnings.get(0));
    }

    @Test
    void differenceBelowToleranceIsNoCross() {
        // fast 1, slow 2: t: fast = c_t, slow = (c_{t−1} + c_t)/2 -> fast − slow = (c_t − c_{t−1})/2;
        // t−1: equal closes, fast = slow. c_t − c_{t−1} = 1e-4 on 1e9: relative 5e-14 < 1e-12 -> no cross
        assertNull(strategy(1, 2).decide(window(1e9, 1e9, 1e9 + 1e-4), Interval.D1));
        // relative 5e-10 > 1e-12 -> cross
        assertEquals(1e9 + 1, strategy(1, 2).decide(window(1e9, 1e9, 1e9 + 1), Interval.D1).takeProfit() / 1.1, 1e-3);
    }

    @Test
    void warmupIsMaxPlusOne() {
        assertEquals(5, strategy(2, 4).warmupBars());
        assertEquals(5, strategy(4, 2).warmupBars());
        // 4 bars < 5: no decision even though the last bar jumps
        assertNull(strategy(2, 4).decide(window(10, 10, 10, 13), Interval.D1));
    }
}
