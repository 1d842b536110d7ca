package io.quantlake.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.ledger.Ledger;
import io.quantlake.market.Interval;
import io.quantlake.sim.BacktestResult;
import io.quantlake.strategy.TargetWeights;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Metrics#of} stays bit-identical: the SHA-256 of every metric's raw bits over seeded random
 * equity curves (1 to 60 rows, with drawdowns, flat stretches and the hand sample's ledger) equals
 * the digest recorded before the return metrics moved to {@link ReturnMetrics}.
 */
class MetricsBitsTest {
    static String digest(Iterable<double[]> rows) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer b = ByteBuffer.allocate(8);
        for (double[] row : rows) {
            for (double v : row) {
                b.clear();
                sha.update(b.putLong(Double.doubleToRawLongBits(v)).array());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void randomCurvesKeepTheirBits() throws Exception {
        Random rnd = new Random(20261206);
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        rows.add(values(Metrics.of(MetricsTest.sample())));
        Interval[] intervals = {Interval.D1, Interval.H1, Interval.M1};
        for (int c = 0; c < 400; c++) {
            int n = 1 + rnd.nextInt(60);
            long[] times = new long[n];
            double[] e = new double[n];
            double[] lev = new double[n];
            boolean[] inv = new boolean[n];
            double v = 100 + rnd.nextDouble() * 1e4;
            for (int t = 0; t < n; t++) {
                times[t] = t * 86_400_000L;
                int kind = rnd.nextInt(5);
                v = kind == 0 ? v : v * (1 + rnd.nextGaussian() * (kind == 1 ? 0.3 : 0.02));
                e[t] = v;
                lev[t] = rnd.nextDouble() * 3;
                inv[t] = rnd.nextBoolean();
            }
            BacktestResult r = new BacktestResult(intervals[c % 3], times, new String[] {"A"}, e[0], e, e.clone(),
                    lev.clone(), new double[n], lev, inv, new Ledger(new String[] {"A"}), TargetWeights.none(n, 1));
            rows.add(values(Metrics.of(r)));
        }
        assertEquals("958176d6c2c319fb0cc2cd956bd81fda68d08a4ac1ffe5e39d71a48329bee1a2", digest(rows));
    }

    static double[] values(Metrics m) {
        return new double[] {m.totalReturn(), m.cagr(), m.volatility(), m.sharpe(), m.sortino(), m.maxDrawdown(),
                m.calmar(), m.turnover(), m.meanLeverage(), m.timeInMarket(), m.trades(), m.winRate(), m.profitFactor(),
                m.fees(), m.funding(), m.meanHoldingBars()};
    }
}
