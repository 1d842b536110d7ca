package io.quantlake.tearsheet;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.RoundTrip;
import java.util.List;

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
        return summarize(RoundTrip.of(ledger, gridTimes));
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
