package io.quantlake.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One closed round trip of a position (SIMULATION.md R29): from the first trade row of the position's life
 * (its {@code OPEN}) to the trade row that takes it to 0. The one reading of round trips that the metrics
 * (§10: trades, win rate, profit factor, mean holding bars) and the tear sheet's trade table share.
 *
 * @param symbol      the symbol
 * @param side        the lot's side (hedge mode: a symbol's long and short lots have lives of their own)
 * @param openTime    time of the life's first trade row, UTC epoch ms
 * @param closeTime   time of the row that takes the position to 0, UTC epoch ms
 * @param pnl         Σ realized_pnl of the life's trade rows (USDT; fees and funding excluded)
 * @param holdingBars grid bars from the opening row's bar to the closing row's bar (0: same bar)
 */
public record RoundTrip(String symbol, PositionSide side, long openTime, long closeTime, double pnl, int holdingBars) {
    /** Won when the life's realized PnL is positive (R29, §12.7). */
    public boolean won() {
        return pnl > 0;
    }

    /**
     * The round trips closed in {@code ledger}, in the order of their closing rows; a life's PnL is summed in row
     * order. Holding bars are counted on {@code gridTimes} (the run's bar times, ascending); a trade row whose time
     * is not a grid bar is an error naming the row. FUNDING rows are not trades.
     */
    public static List<RoundTrip> of(Ledger ledger, long[] gridTimes) {
        Map<Integer, Double> lifePnl = new HashMap<>();
        Map<Integer, Integer> openRow = new HashMap<>();
        List<RoundTrip> trips = new ArrayList<>();
        for (int k = 0; k < ledger.size(); k++) {
            if (ledger.type(k) == TradeEventType.FUNDING) {
                continue;
            }
            PositionSide side = ledger.side(k);
            int key = ledger.symbolIndex(k) * 2 + side.ordinal();
            double pnl = lifePnl.getOrDefault(key, 0.0) + ledger.realizedPnl(k);
            openRow.putIfAbsent(key, k);
            if (ledger.positionAfter(k) == 0) {
                int open = openRow.remove(key);
                lifePnl.remove(key);
                trips.add(new RoundTrip(ledger.symbol(k), side, ledger.time(open), ledger.time(k), pnl,
                        bar(gridTimes, ledger, k) - bar(gridTimes, ledger, open)));
            } else {
                lifePnl.put(key, pnl);
            }
        }
        return trips;
    }

    private static int bar(long[] gridTimes, Ledger ledger, int k) {
        int bar = Arrays.binarySearch(gridTimes, ledger.time(k));
        if (bar < 0) {
            throw new IllegalArgumentException("ledger row " + (k + 1) + " (" + ledger.symbol(k) + " "
                    + ledger.type(k) + "): time " + Instant.ofEpochMilli(ledger.time(k))
                    + " is not a bar of the run's grid");
        }
        return bar;
    }
}
