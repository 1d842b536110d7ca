package io.quantlake.tearsheet;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Interval;
import io.quantlake.metrics.Metrics;
import io.quantlake.sim.BacktestResult;
import io.quantlake.strategy.TargetWeights;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;

/**
 * A small backtest run for report tests, built directly as the kernel's arrays: {@code bars} daily (or hourly)
 * bars from 2023-11-15 over BTCUSDT, ETHUSDT and SOLUSDT, an equity path from a seeded random walk, BTCUSDT and
 * ETHUSDT rebalanced on each month's first bar (their targets decided there, SOLUSDT's NaN), a SOLUSDT trade
 * opened every 20 bars and closed 3 to 11 bars later (every third one lost), a FUNDING row every 10 bars, and
 * fixed metrics with one undefined (profit factor). Deterministic.
 */
public record SyntheticRun(BacktestResult result, Metrics metrics) {
    public static final long START = Instant.parse("2023-11-15T00:00:00Z").toEpochMilli();
    public static final long DAY = 86_400_000L;
    static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
    /** The metrics every synthetic run reports (not computed from its rows). */
    static final Metrics METRICS = new Metrics(0.25, 0.2, 0.38, 0.71, 1.02, 0.31, 0.65, 3.4, 0.5, 1.0, 21, 0.52,
            Double.NaN, 123.45, -6.5, Double.NaN);

    /** {@code bars} daily bars. */
    public static SyntheticRun of(int bars) {
        return of(bars, Interval.D1);
    }

    /** {@code bars} bars of {@code interval}. */
    public static SyntheticRun of(int bars, Interval interval) {
        Random random = new Random(42);
        long[] times = new long[bars];
        double[] equity = new double[bars];
        double[] cash = new double[bars];
        double[] gross = new double[bars];
        double[] net = new double[bars];
        double[] leverage = new double[bars];
        boolean[] decision = new boolean[bars];
        double[] weights = new double[bars * SYMBOLS.length];
        Arrays.fill(weights, Double.NaN);
        Ledger ledger = new Ledger(SYMBOLS);
        double e = 100_000;
        int month = -1;
        int closeAt = -1;
        for (int t = 0; t < bars; t++) {
            long time = START + t * interval.millis();
            times[t] = time;
            e *= 1 + 0.0008 + 0.02 * random.nextGaussian();
            double weight = 0.5 + 0.3 * Math.sin(t / 40.0);
            equity[t] = e;
            gross[t] = e * weight;
            net[t] = e * (weight - 0.2);
            cash[t] = e - net[t];
            leverage[t] = gross[t] / e;
            int m = Instant.ofEpochMilli(time).atZone(ZoneOffset.UTC).getMonthValue();
            if (m != month) {
                month = m;
                TradeEventType type = t == 0 ? TradeEventType.OPEN : TradeEventType.REBALANCE;
                row(ledger, time, 0, type, Reason.REBALANCE, 0.1 + 0.01 * m, 40_000 + 100 * t, 4.0, 0.0, 1.5);
                row(ledger, time, 1, type, Reason.REBALANCE, -0.5, 2_000 + 5 * t, 1.0, 12.5, 3.0 + t);
                decision[t] = true;
                weights[t * SYMBOLS.length] = weight * 0.6;
                weights[t * SYMBOLS.length + 1] = weight * 0.4;
            }
            if (t % 20 == 0 && t + 12 < bars) {
                row(ledger, time, 2, TradeEventType.OPEN, Reason.SIGNAL, 10, 100, 1.0, 0.0, 10);
                closeAt = t + 3 + (t / 20) % 9;
            }
            if (t == closeAt) {
                double pnl = (t / 20) % 3 == 0 ? -20 - t / 10.0 : 15 + (t % 7) * 11;
                row(ledger, time, 2, TradeEventType.CLOSE, pnl > 0 ? Reason.TAKE_PROFIT : Reason.STOP_LOSS, -10, 108,
                        1.0, pnl, 0);
            }
            if (t % 10 == 5) {
                row(ledger, time, 0, TradeEventType.FUNDING, Reason.FUNDING, 0, 40_000, 0, 0, 0.2);
            }
        }
        TargetWeights targets = new TargetWeights(bars, SYMBOLS.length, decision, weights);
        return new SyntheticRun(result(interval, times, equity, cash, gross, net, leverage, ledger, targets), METRICS);
    }

    /** This run with other targets (same bars and universe). */
    SyntheticRun withTargets(TargetWeights targets) {
        return new SyntheticRun(rows(result, result.ledger(), targets), metrics);
    }

    /** This run with an empty ledger and no decision. */
    SyntheticRun withoutTrades() {
        return new SyntheticRun(rows(result, new Ledger(SYMBOLS),
                TargetWeights.none(result.bars(), SYMBOLS.length)), metrics);
    }

    private static BacktestResult rows(BacktestResult r, Ledger ledger, TargetWeights targets) {
        return result(r.interval(), r.times(), r.equity(), r.cash(), r.gross(), r.net(), r.leverage(), ledger, targets);
    }

    private static BacktestResult result(Interval interval, long[] times, double[] equity, double[] cash,
                                         double[] gross, double[] net, double[] leverage, Ledger ledger,
                                         TargetWeights targets) {
        boolean[] invested = new boolean[times.length];
        Arrays.fill(invested, true);
        return new BacktestResult(interval, times, SYMBOLS, 100_000, equity, cash, gross, net, leverage, invested,
                ledger, targets);
    }

    /** One long ledger row; cash flow is {@code -qty * price - fee} (SIMULATION.md §4), -0.4 for funding. */
    private static void row(Ledger ledger, long time, int symbol, TradeEventType type, Reason reason, double qty,
                            double price, double fee, double pnl, double after) {
        double cash = type == TradeEventType.FUNDING ? -0.4 : -qty * price - fee;
        ledger.add(time, symbol, PositionSide.LONG, type, reason, qty, price, fee, cash, pnl, after);
    }
}
