package io.quantlake.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TP/SL on a short lot mirrors the long rules (SIMULATION.md §7 "short mirrored"). */
class TPSLExitStrategyTest {
    private static final TPSLExitStrategy SHORT_TPSL = TPSLExitStrategy.absolute(90, 110, TPSLExitStrategy.BothHit.STOP_FIRST);

    private static boolean check(double o, double h, double l, double c, ExitFill out) {
        Panel p = Panel.builder(Interval.D1, "A").bar("A", 0, o, h, l, c, 1).build();
        OpenLot lot = new OpenLot(0, PositionSide.SHORT, List.of(SHORT_TPSL), 100, 0, true, 5);
        return SHORT_TPSL.checkInBar(0, lot, new ExitBar().reset(p, 0, 0, false), out);
    }

    @Test
    void shortLotMirrorsGapStopTakeProfitAndBothHit() {
        ExitFill f = new ExitFill();
        assertTrue(check(115, 118, 112, 116, f)); // open >= sl 110: stop at the open
        assertEquals(Reason.STOP_LOSS, f.reason());
        assertEquals(115, f.price());
        assertFalse(f.limit());
        assertTrue(check(85, 88, 80, 86, f)); // open <= tp 90: take profit at the open, limit
        assertEquals(Reason.TAKE_PROFIT, f.reason());
        assertEquals(85, f.price());
        assertTrue(f.limit());
        assertTrue(check(100, 111, 89, 100, f)); // both hit, stop_first: stop at 110
        assertEquals(110, f.price());
        assertTrue(check(100, 105, 89, 100, f)); // low <= tp: take profit at 90
        assertEquals(90, f.price());
        assertTrue(f.closesAll());
        assertEquals(5, f.quantity());
        assertFalse(check(100, 105, 95, 100, f));
    }

    @Test
    void invalidSpecificationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TPSLExitStrategy(List.of(), List.of(),
                TPSLExitStrategy.BothHit.STOP_FIRST, TPSLExitStrategy.PriceBasis.ABSOLUTE));
        assertThrows(IllegalArgumentException.class, () -> new TPSLExitStrategy.Level(100, 1.5));
        assertThrows(IllegalArgumentException.class, () -> TrailingStopExitStrategy.percent(1.2));
        assertThrows(IllegalArgumentException.class, () -> new TimeBasedExitStrategy(0));
    }
}
