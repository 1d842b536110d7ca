package io.quantlake.metrics;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.RoundTrip;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.sim.BacktestResult;

/**
 * Backtest metrics (SIMULATION.md §10, §12.11, R27–R30); the return metrics are {@link ReturnMetrics#ofEquity}. With {@code r_t = E_t / E_{t−1} − 1} over
 * the {@code T} bars after the first, {@code E_0} the first equity row, and {@code ppy} periods per
 * 365-day year of the interval (R27). A value that is undefined (e.g. no returns, no loss) is NaN
 * or infinite here and {@code null} in metrics.json.
 *
 * @param totalReturn   {@code E_T / E_0 − 1}
 * @param cagr          {@code (E_T / E_0)^(ppy / T) − 1}
 * @param volatility    {@code stdev(r, ddof=1) · √ppy}
 * @param sharpe        {@code mean(r) / stdev(r, ddof=1) · √ppy}
 * @param sortino       {@code mean(r) / √(mean(min(r, 0)²)) · √ppy}
 * @param maxDrawdown   {@code max_t (1 − E_t / max_{s<=t} E_s)}
 * @param calmar        {@code cagr / maxDrawdown}
 * @param turnover      {@code Σ_trade rows |qty|·price / mean(E) · ppy / T} (R28)
 * @param meanLeverage  mean of the equity rows' leverage
 * @param timeInMarket  fraction of equity rows with any lot open after the bar
 * @param trades        round trips closed: trade rows with {@code position_after == 0} (R29)
 * @param winRate       won round trips / trades (won: realized PnL over the lot's life &gt; 0)
 * @param profitFactor  Σ positive round-trip PnL / |Σ negative round-trip PnL|
 * @param fees          Σ ledger fees (R30)
 * @param funding       funding paid: −Σ FUNDING cash flows (R30)
 * @param meanHoldingBars mean number of grid bars from a round trip's opening row to its closing row
 *                      (§10; not a metrics.json key in CLI.md, so not written there)
 */
public record Metrics(double totalReturn, double cagr, double volatility, double sharpe, double sortino,
                      double maxDrawdown, double calmar, double turnover, double meanLeverage, double timeInMarket,
                      long trades, double winRate, double profitFactor, double fees, double funding,
                      double meanHoldingBars) {

    /**
     * Computes the metrics of {@code result}, reading its equity rows chunk by chunk ({@link BacktestResult#readRows})
     * and its ledger in row order: a run in time blocks is read back from its scratch files, not held.
     */
    public static Metrics of(BacktestResult result) {
        int rows = result.bars();
        int t = rows - 1;
        double ppy = result.interval().periodsPerYear();
        ReturnMetrics rm = ReturnMetrics.ofEquity(rows, result::forEachEquity, ppy);
        double meanE = 0;
        double meanLev = 0;
        int invested = 0;
        int chunk = Math.min(rows, BacktestResult.CHUNK_BARS);
        double[] e = new double[chunk];
        double[] lev = new double[chunk];
        boolean[] in = new boolean[chunk];
        for (int from = 0; from < rows; from += chunk) {
            int to = Math.min(rows, from + chunk);
            result.readRows(from, to, e, null, null, null, lev, in);
            for (int k = 0; k < to - from; k++) {
                meanE += e[k];
                meanLev += lev[k];
                invested += in[k] ? 1 : 0;
            }
        }
        meanE /= rows;
        meanLev /= rows;
        Ledger ledger = result.ledger();
        double traded = 0;
        double fees = 0;
        double funding = 0;
        for (int k = 0; k < ledger.size(); k++) {
            fees += ledger.fee(k);
            if (ledger.type(k) == TradeEventType.FUNDING) {
                funding -= ledger.cashFlow(k);
            } else {
                traded += Math.abs(ledger.qty(k)) * ledger.price(k);
            }
        }
        long trades = 0;
        long won = 0;
        double wins = 0;
        double losses = 0;
        long heldBars = 0;
        for (RoundTrip trip : RoundTrip.of(ledger, result.times())) {
            trades++;
            heldBars += trip.holdingBars();
            double pnl = trip.pnl();
            if (pnl > 0) {
                won++;
                wins += pnl;
            } else if (pnl < 0) {
                losses -= pnl;
            }
        }
        return new Metrics(rm.totalReturn(), rm.cagr(), rm.volatility(), rm.sharpe(), rm.sortino(), rm.maxDrawdown(),
                rm.calmar(), t > 0 ? traded / meanE * ppy / t : Double.NaN, meanLev, (double) invested / rows, trades,
                trades == 0 ? Double.NaN : (double) won / trades, losses == 0 ? Double.NaN : wins / losses, fees, funding,
                trades == 0 ? Double.NaN : (double) heldBars / trades);
    }
}
