package io.quantlake.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LedgerTest {
    @Test
    void growsPastItsInitialCapacityAndKeepsEveryColumn() {
        Ledger l = new Ledger(new String[] {"A", "B"});
        double pos = 0;
        for (int k = 0; k < 200; k++) {
            pos += 1;
            l.add(1000L + k, k % 2, PositionSide.LONG, k == 0 ? TradeEventType.OPEN : TradeEventType.REBALANCE,
                    Reason.REBALANCE, 1, 10 + k, 0.01, -(10 + k) - 0.01, 0, pos);
        }
        assertEquals(200, l.size());
        TradeEvent e = l.get(150);
        assertEquals(new TradeEvent(1150L, "A", PositionSide.LONG, TradeEventType.REBALANCE, Reason.REBALANCE, 1, 160,
                0.01, -160.01, 0, 151), e);
        assertEquals(200, l.events().size());
        assertThrows(IndexOutOfBoundsException.class, () -> l.get(200));
    }

    @Test
    void replayRebuildsLotsAndCashAndCatchesAWrongRow() {
        Ledger l = new Ledger(new String[] {"A"});
        // OPEN long 2 @ 10, fee 0.02: cash 1000 - 20 - 0.02 = 979.98; OPEN short lot (hedge) -1 @ 11: cash + 11.
        l.add(1, 0, PositionSide.LONG, TradeEventType.OPEN, Reason.SIGNAL, 2, 10, 0.02, -20.02, 0, 2);
        l.add(2, 0, PositionSide.SHORT, TradeEventType.HEDGE, Reason.HEDGE, -1, 11, 0, 11, 0, -1);
        l.add(3, 0, PositionSide.LONG, TradeEventType.FUNDING, Reason.FUNDING, 0, 12, 0, -0.12, 0, 1);
        LedgerReplay.State s = LedgerReplay.replay(l, 1000);
        assertEquals(2, s.longQty()[0]);
        assertEquals(-1, s.shortQty()[0]);
        assertEquals(1, s.net(0));
        assertEquals(1000 - 20.02 + 11 - 0.12, s.cash(), 1e-12);

        Ledger bad = new Ledger(new String[] {"A"});
        bad.add(1, 0, PositionSide.LONG, TradeEventType.OPEN, Reason.SIGNAL, 2, 10, 0, -20, 0, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LedgerReplay.replay(bad, 1000));
        assertTrue(e.getMessage().contains("position_after"), e.getMessage());
    }

    @Test
    void rowsWrittenByBarIndexReadTheGridTime() {
        long[] grid = {1_000L, 2_000L, 3_000L};
        Ledger l = new Ledger(new String[] {"A"}, grid);
        l.addAtBar(2, 0, PositionSide.LONG, TradeEventType.OPEN, Reason.SIGNAL, 1, 10, 0, -10, 0, 1);
        assertEquals(3_000L, l.time(0));
        assertEquals(new TradeEvent(3_000L, "A", PositionSide.LONG, TradeEventType.OPEN, Reason.SIGNAL, 1, 10, 0, -10,
                0, 1), l.get(0));
        assertThrows(IllegalStateException.class,
                () -> l.addAtBar(3, 0, PositionSide.LONG, TradeEventType.REBALANCE, Reason.SIGNAL, 1, 10, 0, -10, 0, 2));
        assertThrows(IllegalStateException.class,
                () -> l.add(4_000L, 0, PositionSide.LONG, TradeEventType.REBALANCE, Reason.SIGNAL, 1, 10, 0, -10, 0, 2));
    }

    @Test
    void negativeFeeIsRefused() {
        Ledger l = new Ledger(new String[] {"A"});
        assertThrows(IllegalStateException.class,
                () -> l.add(1, 0, PositionSide.LONG, TradeEventType.OPEN, Reason.SIGNAL, 1, 10, -1, -9, 0, 1));
    }
}
