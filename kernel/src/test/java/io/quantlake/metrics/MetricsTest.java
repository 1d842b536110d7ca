package io.quantlake.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Interval;
import io.quantlake.sim.BacktestResult;
import io.quantlake.strategy.TargetWeights;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double DAY = 86_400_000;

    static BacktestResult sample() {
        long[] times = {0, (long) DAY, 2 * (long) DAY, 3 * (long) DAY};
        Ledger l = new Ledger(new String[] {"A", "B"});
        l.add(times[0], 0, PositionSide.LONG, TradeEventType.OPEN, Reason.SIGNAL, 1, 100, 0.1, -100.1, 0, 1);
        l.add(times[1], 1, PositionSide.SHORT, TradeEventType.OPEN, Reason.SIGNAL, -2, 50, 0, 100, 0, -2);
        l.add(times[1], 1, PositionSide.SHORT, TradeEventType.FUNDING, Reason.FUNDING, 0, 50, 0, -0.5, 0, -2);
        l.add(times[2], 0, PositionSide.LONG, TradeEventType.CLOSE, Reason.TAKE_PROFIT, -1, 120, 0.12, 119.88, 20, 0);
        l.add(times[3], 1, PositionSide.SHORT, TradeEventType.CLOSE, Reason.STOP_LOSS, 2, 60, 0, -120, -20, 0);
        return new BacktestResult(Interval.D1, times, new String[] {"A", "B"}, 100, new double[] {100, 110, 99, 121},
                new double[] {100, 110, 99, 121}, new double[] {0, 1, 1, 0}, new double[] {0, 0, 0, 0},
                new double[] {0, 1, 1, 0}, new boolean[] {false, true, true, false}, l, TargetWeights.none(4, 2));
    }

    @Test
    void section10FormulasOnAHandCurve() {
        Metrics m = Metrics.of(sample());
        // r = 0.1, 99/110 - 1 = -0.1, 121/99 - 1 = 0.2222...; T = 3; ppy = 365 (1d, R27)
        double r1 = 0.1;
        double r2 = 99.0 / 110 - 1;
        double r3 = 121.0 / 99 - 1;
        double mean = (r1 + r2 + r3) / 3;
        double sd = Math.sqrt(((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean) + (r3 - mean) * (r3 - mean)) / 2);
        assertEquals(0.21, m.totalReturn(), 1e-12);
        double cagr = Math.pow(1.21, 365.0 / 3) - 1;
        assertEquals(cagr, m.cagr(), 1e-9 * cagr);
        assertEquals(sd * Math.sqrt(365), m.volatility(), 1e-12);
        assertEquals(mean / sd * Math.sqrt(365), m.sharpe(), 1e-12);
        // downside: only r2 < 0: sqrt(r2^2 / 3)
        assertEquals(mean / Math.sqrt(r2 * r2 / 3) * Math.sqrt(365), m.sortino(), 1e-12);
        assertEquals(0.1, m.maxDrawdown(), 1e-12); // 1 - 99/110
        assertEquals(cagr / m.maxDrawdown(), m.calmar(), 1e-9 * m.calmar());
        // R28: (1*100 + 2*50 + 1*120 + 2*60) / mean(E = 107.5) * 365 / 3
        assertEquals(440 / 107.5 * 365 / 3, m.turnover(), 1e-9);
        assertEquals(0.5, m.meanLeverage());
        assertEquals(0.5, m.timeInMarket());
        // R29: two round trips, +20 and -20: win rate 0.5, profit factor 20/20
        assertEquals(2, m.trades());
        assertEquals(0.5, m.winRate());
        assertEquals(1.0, m.profitFactor());
        assertEquals(0.22, m.fees(), 1e-12); // R30
        assertEquals(0.5, m.funding(), 1e-12); // paid 0.5
        assertEquals(2.0, m.meanHoldingBars()); // A: bars 0 -> 2, B: bars 1 -> 3
    }

    @Test
    void undefinedValuesAreNonFinite() {
        BacktestResult one = new BacktestResult(Interval.H1, new long[] {0}, new String[] {"A"}, 100,
                new double[] {100}, new double[] {100}, new double[] {0}, new double[] {0}, new double[] {0},
                new boolean[] {false}, new Ledger(new String[] {"A"}), TargetWeights.none(1, 1));
        Metrics m = Metrics.of(one);
        assertTrue(Double.isNaN(m.cagr()));
        assertTrue(Double.isNaN(m.sharpe()));
        assertTrue(Double.isNaN(m.winRate()));
        assertTrue(Double.isNaN(m.profitFactor()));
        assertEquals(0, m.trades());
    }
}
