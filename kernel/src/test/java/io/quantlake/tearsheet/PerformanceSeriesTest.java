package io.quantlake.tearsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class PerformanceSeriesTest {
    private static final long DAY = 86_400_000L;

    @Test
    void drawdownIsEquityOverRunningPeakMinusOne() {
        double[] dd = PerformanceSeries.drawdown(new double[] {100, 110, 99, 121, 60.5});
        // 99 / 110 - 1 = -0.1; 60.5 / 121 - 1 = -0.5
        double[] expected = {0, 0, -0.1, 0, -0.5};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], dd[t], 1e-15, "bar " + t);
        }
    }

    @Test
    void drawdownSkipsLeadingGaps() {
        double[] dd = PerformanceSeries.drawdown(new double[] {Double.NaN, 50, 40, Double.NaN, 60});
        assertTrue(Double.isNaN(dd[0]) && Double.isNaN(dd[3]));
        assertEquals(0, dd[1], 0);
        assertEquals(-0.2, dd[2], 1e-15);   // 40 / 50 - 1
        assertEquals(0, dd[4], 0);
    }

    @Test
    void rollingSharpeMatchesTheDirectFormulaAfterItsWarmUp() {
        int n = 300;
        double[] e = new double[n];
        e[0] = 1000;
        Random random = new Random(3);
        for (int t = 1; t < n; t++) {
            e[t] = e[t - 1] * (1 + 0.001 + 0.02 * random.nextGaussian());
        }
        int window = 30;
        double ppy = 365;
        double[] sharpe = PerformanceSeries.rollingSharpe(e, window, ppy);
        for (int t = 0; t < window; t++) {
            assertTrue(Double.isNaN(sharpe[t]), "warm-up bar " + t + " must be NaN");
        }
        for (int t = window; t < n; t++) {
            DescriptiveStatistics s = new DescriptiveStatistics();
            for (int k = t - window + 1; k <= t; k++) {
                s.addValue(e[k] / e[k - 1] - 1);
            }
            double direct = s.getMean() / s.getStandardDeviation() * Math.sqrt(ppy);   // ddof 1
            assertEquals(direct, sharpe[t], 1e-9 * Math.max(1, Math.abs(direct)), "bar " + t);
        }
    }

    @Test
    void rollingSharpeOfAFlatWindowIsUndefined() {
        double[] sharpe = PerformanceSeries.rollingSharpe(new double[] {5, 5, 5, 5, 6}, 3, 365);
        assertTrue(Double.isNaN(sharpe[3]), "stdev 0 over returns 0, 0, 0");
        assertTrue(Double.isFinite(sharpe[4]));
        // returns 0, 0, 0.2: mean 0.2/3, stdev sqrt(((0.2/3)^2 * 2 + (0.4/3)^2) / 2) = 0.11547; 0.57735 * sqrt(365)
        assertEquals(0.2 / 3 / Math.sqrt(0.04 / 3) * Math.sqrt(365), sharpe[4], 1e-12);
    }

    @Test
    void rollingWindowIsThirtyDaysOfBarsAndAtLeastTwenty() {
        assertEquals(30, PerformanceSeries.rollingWindow(Interval.D1));
        assertEquals(180, PerformanceSeries.rollingWindow(Interval.H4));
        assertEquals(720, PerformanceSeries.rollingWindow(Interval.H1));
        assertEquals(20, PerformanceSeries.rollingWindow(Interval.D3));
        assertEquals(20, PerformanceSeries.rollingWindow(Interval.W1));
    }

    @Test
    void benchmarkStartsAtTheStrategysEquityAndUsesTheLastCloseAtOrBefore() {
        long[] times = {DAY, 2 * DAY, 3 * DAY, 4 * DAY};
        double[] equity = {1000, 1010, 1020, 1030};
        Benchmark btc = new Benchmark("BTC", new long[] {2 * DAY, 3 * DAY}, new double[] {50, 55});
        double[] b = PerformanceSeries.normalizedBenchmark(times, equity, btc);
        assertTrue(Double.isNaN(b[0]), "no benchmark close at or before the first bar");
        assertEquals(1010, b[1], 0);                 // E_s at s = the first bar with a close
        assertEquals(1010 * 55 / 50.0, b[2], 1e-12);
        assertEquals(1010 * 55 / 50.0, b[3], 1e-12); // day 4: last close at or before is day 3's
    }

    @Test
    void exposureOverEquityIsUndefinedWithoutPositiveEquity() {
        double[] x = PerformanceSeries.overEquity(new double[] {50, 10}, new double[] {100, 0});
        assertEquals(0.5, x[0], 0);
        assertTrue(Double.isNaN(x[1]));
    }
}
