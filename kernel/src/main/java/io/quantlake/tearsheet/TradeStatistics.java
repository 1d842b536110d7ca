package io.quantlake.tearsheet;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.TradeEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Round-trip statistics of a ledger (SIMULATION.md §10, R29). A position is keyed by symbol and side
 * (hedge mode keeps a long and a short lot apart; a sign flip closes one and opens the other); its life
 * runs from its first trade row to the trade row whose {@code position_after} is 0, and FUNDING rows are
 * not trades. A position still open at the end is not a round trip.
 *
 * @param trips         the closed round trips in the order they closed
 * @param winRate       won / trades (NaN without trades)
 * @param profitFactor  Σ positive PnL / |Σ negative PnL| (NaN when there is no loss, as metrics.json's null)
 * @param meanHoldingBars mean of {@link RoundTrip#holdingBars()} (NaN without trades)
 */
public record TradeStatistics(List<RoundTrip> trips, double winRate, double profitFactor, double meanPnl,
                              double meanWin, double meanLoss, double best, double worst, double meanHoldingBars,
                              int maxHoldingBars) {
    public TradeStatistics {
        trips = List.copyOf(trips);
    }

    /** Number of round trips (metrics.json's {@code trades}). */
    public int trades() {
        return trips.size();
    }

    /**
     * The round trips of {@code ledger}, with holding bars counted on the grid {@code gridTimes} (the run's bar
     * times); a trade row whose time is not a grid bar is an error naming the row.
     */
    public static TradeStatistics of(Ledger ledger, long[] gridTimes) {
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
        return summarize(trips);
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

    static TradeStatistics summarize(List<RoundTrip> trips) {
        int n = trips.size();
        double sum = 0;
        double wins = 0;
        double losses = 0;
        int won = 0;
        int lost = 0;
        double best = Double.NaN;
        double worst = Double.NaN;
        long held = 0;
        int maxHeld = 0;
        for (RoundTrip r : trips) {
            double p = r.pnl();
            sum += p;
            if (p > 0) {
                won++;
                wins += p;
            } else if (p < 0) {
                lost++;
                losses -= p;
            }
            best = Double.isNaN(best) ? p : Math.max(best, p);
            worst = Double.isNaN(worst) ? p : Math.min(worst, p);
            held += r.holdingBars();
            maxHeld = Math.max(maxHeld, r.holdingBars());
        }
        return new TradeStatistics(trips, n == 0 ? Double.NaN : (double) won / n,
                losses == 0 ? Double.NaN : wins / losses, n == 0 ? Double.NaN : sum / n,
                won == 0 ? Double.NaN : wins / won, lost == 0 ? Double.NaN : -losses / lost, best, worst,
                n == 0 ? Double.NaN : (double) held / n, maxHeld);
    }
}
