package io.quantlake.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.spill.SpillFile;
import java.util.List;
import java.util.Random;
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

    @Test
    void aSpillingLedgerReadsEveryRowBackAndHoldsTwoBlocks() {
        long[] grid = new long[10_000];
        for (int t = 0; t < grid.length; t++) {
            grid[t] = 1_000L * t;
        }
        String[] symbols = {"A", "B", "C"};
        Ledger kept = new Ledger(symbols, grid);
        Ledger spilled = new Ledger(symbols, grid);
        Random r = new Random(7);
        int rows = 3 * 2048 + 17;
        for (int k = 0; k < rows; k++) {
            if (k == 100) {
                spilled.spillTo(SpillFile.create("ledger-test")); // rows already written go too
            }
            int bar = k * grid.length / rows;
            int i = r.nextInt(3);
            PositionSide side = PositionSide.values()[r.nextInt(PositionSide.values().length)];
            TradeEventType type = TradeEventType.values()[r.nextInt(TradeEventType.values().length)];
            Reason reason = Reason.values()[r.nextInt(Reason.values().length)];
            double[] v = {r.nextGaussian(), r.nextDouble() * 100, r.nextDouble(), r.nextGaussian(), r.nextGaussian(),
                    k % 5 == 0 ? 0 : r.nextGaussian()};
            kept.addAtBar(bar, i, side, type, reason, v[0], v[1], v[2], v[3], v[4], v[5]);
            spilled.addAtBar(bar, i, side, type, reason, v[0], v[1], v[2], v[3], v[4], v[5]);
        }
        assertEquals(rows, spilled.size());
        assertTrue(kept.residentRows() >= rows, "a ledger that does not spill holds every row");
        List<TradeEvent> expected = kept.events();
        assertEquals(expected, spilled.events());
        for (int n = 0; n < 500; n++) { // out of order: blocks read back again
            int k = r.nextInt(rows);
            assertEquals(expected.get(k), spilled.get(k), "row " + k);
        }
        assertTrue(spilled.residentRows() <= 2 * 2048, "rows held: " + spilled.residentRows());
        assertThrows(IllegalStateException.class, () -> spilled.spillTo(SpillFile.create("ledger-test")));
    }
}
