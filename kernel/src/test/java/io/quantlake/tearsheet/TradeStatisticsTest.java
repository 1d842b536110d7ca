package io.quantlake.tearsheet;

import io.quantlake.ledger.RoundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeStatisticsTest {
    private static final long DAY = 86_400_000L;
    private static final long[] GRID = {0, DAY, 2 * DAY, 3 * DAY, 4 * DAY, 5 * DAY, 6 * DAY, 7 * DAY, 8 * DAY, 9 * DAY};

    /** Ledger rows: day, symbol, side, type, qty, price, realized PnL, position after. */
    private static Ledger ledger(Object[][] rows) {
        List<String> symbols = List.of("BTCUSDT", "ETHUSDT");
        Ledger ledger = new Ledger(symbols.toArray(new String[0]));
        for (Object[] r : rows) {
            TradeEventType type = TradeEventType.valueOf((String) r[3]);
            ledger.add(((Integer) r[0]) * DAY, symbols.indexOf((String) r[1]), PositionSide.valueOf((String) r[2]),
                    type, type == TradeEventType.FUNDING ? Reason.FUNDING : Reason.SIGNAL, ((Number) r[4]).doubleValue(),
                    ((Number) r[5]).doubleValue(), 0, 0, ((Number) r[6]).doubleValue(), ((Number) r[7]).doubleValue());
        }
        return ledger;
    }

    private static final Object[][] ROWS = {
        {0, "BTCUSDT", "LONG", "OPEN", 1.0, 100, 0, 1.0},
        {1, "BTCUSDT", "LONG", "REBALANCE", -0.5, 120, 10, 0.5},
        {1, "BTCUSDT", "LONG", "FUNDING", 0, 120, 0, 0.5},
        {2, "ETHUSDT", "SHORT", "OPEN", -2.0, 50, 0, -2.0},
        {3, "BTCUSDT", "LONG", "CLOSE", -0.5, 110, 5, 0},          // round trip A: 10 + 5 = 15, bars 0 -> 3
        {5, "ETHUSDT", "SHORT", "CLOSE", 2.0, 70, -40, 0},         // sign flip, part 1: trip B: -40, bars 2 -> 5
        {5, "ETHUSDT", "LONG", "OPEN", 1.0, 70, 0, 1.0},           // sign flip, part 2: a new long life
        {6, "BTCUSDT", "LONG", "OPEN", 1.0, 100, 0, 1.0},
        {6, "BTCUSDT", "LONG", "CLOSE", -1.0, 100, 0, 0},          // trip C: flat, same bar (0 bars)
        {8, "ETHUSDT", "LONG", "PARTIAL_CLOSE", -0.5, 90, 10, 0.5} // still open at the end: no round trip
    };

    @Test
    void roundTripsRunFromOpeningRowToTheRowThatTakesThePositionToZero() {
        TradeStatistics s = TradeStatistics.of(ledger(ROWS), GRID);
        assertEquals(3, s.trades());
        assertEquals(List.of(
                new RoundTrip("BTCUSDT", PositionSide.LONG, 0, 3 * DAY, 15, 3),
                new RoundTrip("ETHUSDT", PositionSide.SHORT, 2 * DAY, 5 * DAY, -40, 3),
                new RoundTrip("BTCUSDT", PositionSide.LONG, 6 * DAY, 6 * DAY, 0, 0)), s.trips());
        assertEquals(1.0 / 3, s.winRate(), 1e-15);          // only A won; a flat trip is not a win
        assertEquals(15.0 / 40, s.profitFactor(), 1e-15);   // wins 15 / |losses -40|
        assertEquals(-25.0 / 3, s.meanPnl(), 1e-12);        // (15 - 40 + 0) / 3
        assertEquals(15, s.meanWin(), 0);
        assertEquals(-40, s.meanLoss(), 0);
        assertEquals(15, s.best(), 0);
        assertEquals(-40, s.worst(), 0);
        assertEquals(2, s.meanHoldingBars(), 0);            // (3 + 3 + 0) / 3
        assertEquals(3, s.maxHoldingBars());
    }

    @Test
    void withoutLossesProfitFactorIsUndefinedAsInMetricsJson() {
        TradeStatistics s = TradeStatistics.of(ledger(new Object[][] {
            {0, "BTCUSDT", "LONG", "OPEN", 1.0, 100, 0, 1.0},
            {2, "BTCUSDT", "LONG", "CLOSE", -1.0, 110, 10, 0}}), GRID);
        assertEquals(1, s.trades());
        assertTrue(Double.isNaN(s.profitFactor()));
        assertTrue(Double.isNaN(s.meanLoss()));
        assertEquals(1.0, s.winRate(), 0);
    }

    @Test
    void noTradesGiveUndefinedRates() {
        TradeStatistics s = TradeStatistics.of(ledger(new Object[0][]), GRID);
        assertEquals(0, s.trades());
        assertTrue(Double.isNaN(s.winRate()) && Double.isNaN(s.meanHoldingBars()) && Double.isNaN(s.best()));
    }

    @Test
    void aTradeOffTheGridIsAnError() {
        Ledger rows = ledger(new Object[][] {{0, "BTCUSDT", "LONG", "OPEN", 1.0, 100, 0, 1.0},
            {12, "BTCUSDT", "LONG", "CLOSE", -1.0, 100, 0, 0}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TradeStatistics.of(rows, GRID));
        assertEquals("ledger row 2 (BTCUSDT CLOSE): time 1970-01-13T00:00:00Z is not a bar of the run's grid",
                e.getMessage());
    }

    @Test
    void ledgerSummaryCountsEventTypesAndTradedNotionalPerMonth() {
        List<Object[]> rows = new ArrayList<>(List.of(ROWS));
        rows.add(new Object[] {40, "BTCUSDT", "LONG", "OPEN", 2.0, 10, 0, 2.0});   // February 1970
        long[] grid = {0, 40 * DAY};
        LedgerSummary s = LedgerSummary.of(ledger(rows.toArray(new Object[0][])), grid);
        // OPEN 5, CLOSE 3, PARTIAL_CLOSE 1, REBALANCE 1, FUNDING 1 (§6 order)
        assertArrayEquals(new int[] {5, 3, 1, 1, 0, 0, 0, 0, 1}, s.typeCounts());
        assertEquals(List.of("1970-01", "1970-02"), s.months());
        // January: |qty| * price of the trade rows, FUNDING excluded:
        // 100 + 60 + 100 + 55 + 140 + 70 + 100 + 100 + 45 = 770; February: 2 * 10 = 20
        assertArrayEquals(new double[] {770, 20}, s.monthlyTraded(), 1e-12);
        assertEquals(List.of("OPEN signal", "CLOSE signal", "PARTIAL_CLOSE signal", "REBALANCE signal",
                "FUNDING funding"), List.copyOf(s.reasonCounts().keySet()));
        assertEquals(5, s.reasonCounts().get("OPEN signal"));
    }
}
