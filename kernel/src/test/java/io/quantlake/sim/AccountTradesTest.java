package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Market;
import org.junit.jupiter.api.Test;

/** {@link Account#open}, {@link Account#adjust} and {@link Account#close}: the rows they write and the lot states they refuse. */
class AccountTradesTest {
    private static Account account() {
        return new Account(new String[] {"A", "B"}, new long[] {0, 1, 2, 3},
                SimConfig.builder(Market.USDM, 10_000).costs(10, 0, 0).build());
    }

    @Test
    void openAdjustCloseWriteOneRowEachOfTheStatedType() {
        Account a = account();
        int shortB = Account.slot(1, io.quantlake.ledger.PositionSide.SHORT);
        a.open(0, shortB, -2, 100, 0.001, TradeEventType.OPEN, Reason.SIGNAL);
        a.adjust(1, shortB, -1, 130, 0.001, TradeEventType.REBALANCE, Reason.REBALANCE);
        assertEquals((-2 * 100.0 + -1 * 130.0) / -3, a.averageEntry(shortB), 1e-12);
        a.adjust(2, shortB, 1, 90, 0.001, TradeEventType.PARTIAL_CLOSE, Reason.SIGNAL);
        a.close(3, shortB, 80, 0.001, TradeEventType.CLOSE, Reason.SIGNAL);
        assertEquals(0, a.lot(shortB));
        assertEquals(0, a.symbolsHeld());
        assertEquals(4, a.ledger().size());
        assertEquals(TradeEventType.PARTIAL_CLOSE, a.ledger().type(2));
        assertEquals(TradeEventType.CLOSE, a.ledger().type(3));
        assertEquals(2, a.ledger().qty(3), "close fills the whole lot");
        assertEquals(-2 * (80 - 110.0), a.ledger().realizedPnl(3), 1e-9);
    }

    @Test
    void eachTradeRefusesALotItDoesNotName() {
        Account a = account();
        assertTrue(assertThrows(IllegalStateException.class,
                () -> a.close(0, 0, 100, 0, TradeEventType.CLOSE, Reason.SIGNAL)).getMessage().contains("close needs an open lot"));
        assertThrows(IllegalStateException.class, () -> a.adjust(0, 0, 1, 100, 0, TradeEventType.REBALANCE, Reason.SIGNAL));
        a.open(0, 0, 1, 100, 0, TradeEventType.OPEN, Reason.SIGNAL);
        assertTrue(assertThrows(IllegalStateException.class,
                () -> a.open(1, 0, 1, 100, 0, TradeEventType.OPEN, Reason.SIGNAL)).getMessage().contains("of A lot LONG"));
        assertThrows(IllegalStateException.class, () -> a.adjust(1, 0, -1, 100, 0, TradeEventType.REBALANCE, Reason.SIGNAL));
        assertThrows(IllegalStateException.class, () -> a.adjust(1, 0, -2, 100, 0, TradeEventType.REBALANCE, Reason.SIGNAL));
        assertEquals(1, a.ledger().size());
    }
}
