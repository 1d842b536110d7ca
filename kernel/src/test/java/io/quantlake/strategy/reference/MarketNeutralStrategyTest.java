package io.quantlake.strategy.reference;

import static io.quantlake.strategy.reference.MonthlyRebalanceStrategyTest.row;
import static io.quantlake.strategy.reference.TestPanels.X;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.TargetWeights;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** CLI.md market_neutral, SIMULATION.md R6, R7, R22, R25. */
class MarketNeutralStrategyTest {
    /** Universe order is not name order: ties must be broken by name, not by position. */
    static final String[] SYMBOLS = {"ETHUSDT", "BTCUSDT", "XRPUSDT", "ADAUSDT"};

    /**
     * Daily bars t = 0..4. BTC has no bar at t = 3; XRP's last bar is t = 3, before the last grid bar:
     * its delisting bar.
     */
    static Panel panel() {
        double[][] closes = {
            {100, 100, 100, 100},
            {100, 100, 100, 100},
            {110, 110, 90, 90},
            {121, X, 100, 80},
            {130, 105, X, 90},
        };
        return TestPanels.daily(SYMBOLS, closes);
    }

    static MarketNeutralStrategy oneByOne() {
        // lookback 2, skip 0: m = close_t / close_{t−2} − 1 on own bars; long 1, short 0.5
        return MarketNeutralStrategy.momentum(2, 0, 1, 1, 1.0, 0.5, new RebalanceSchedule.EveryBar());
    }

    @Test
    void rankingWithTiesByName() {
        TargetWeights tw = oneByOne().targets(panel());
        // t = 0, 1: nobody has L + 1 = 3 own bars: no decision
        assertArrayEquals(new boolean[] {false, false, true, true, true}, tw.decision());
        // t = 2: m = ETH 110/100−1 = 0.1, BTC 0.1, XRP −0.1, ADA −0.1. Ties by name: BTC before ETH,
        //        ADA before XRP -> ranking BTC, ETH, ADA, XRP: BTC +1/1, XRP −0.5/1
        assertArrayEquals(new double[] {0, 1.0, -0.5, 0}, row(tw, 2));
    }

    @Test
    void missingBarAndDelistingBarAreInvalid() {
        TargetWeights tw = oneByOne().targets(panel());
        // t = 3: BTC has no bar (R7), XRP is at its delisting bar (R6); ETH 121/100−1 = 0.21,
        //        ADA 80/100−1 = −0.2 -> ETH +1, ADA −0.5
        assertArrayEquals(new double[] {1.0, 0, 0, -0.5}, row(tw, 3));
    }

    @Test
    void momentumUsesOwnBars() {
        TargetWeights tw = oneByOne().targets(panel());
        // t = 4: ETH 130/110−1 = 0.18; BTC's own bars are t0, t1, t2, t4, so close_{t−2} is its t1 close:
        //        105/100−1 = +0.05 (grid indexing would give 105/110−1 = −0.045 and make BTC the bottom);
        //        ADA 90/90−1 = 0 -> ETH +1, ADA −0.5, BTC 0
        assertArrayEquals(new double[] {1.0, 0, 0, -0.5}, row(tw, 4));
    }

    @Test
    void fewerValidThanTopPlusBottomIsNoDecision() {
        TargetWeights tw = MarketNeutralStrategy.momentum(2, 0, 2, 2, 1.0, 1.0, new RebalanceSchedule.EveryBar())
                .targets(panel());
        // t = 2: 4 valid -> BTC, ETH +1/2; ADA, XRP −1/2; t = 3 (2 valid) and t = 4 (3 valid): no decision
        assertArrayEquals(new boolean[] {false, false, true, false, false}, tw.decision());
        assertArrayEquals(new double[] {0.5, 0.5, -0.5, -0.5}, row(tw, 2));
        assertArrayEquals(new double[] {X, X, X, X}, row(tw, 3));
    }

    @Test
    void skipUsesTheCloseSBarsBack() {
        // lookback 2, skip 1: m = close_{t−1} / close_{t−2} − 1. At t = 2: ETH, BTC, XRP, ADA all 100/100−1 = 0:
        // a four-way tie -> name order ADA, BTC, ETH, XRP: ADA long, XRP short
        TargetWeights tw = MarketNeutralStrategy.momentum(2, 1, 1, 1, 1.0, 1.0, new RebalanceSchedule.EveryBar())
                .targets(panel());
        assertArrayEquals(new double[] {0, 0, -1.0, 1.0}, row(tw, 2));
    }

    @Test
    void anyScoreMatrixAndQuantiles() {
        // score = symbol index at every bar (ETH 0, BTC 1, XRP 2, ADA 3), NaN for ADA at t = 0
        double[] score = new double[5 * 4];
        for (int t = 0; t < 5; t++) {
            for (int i = 0; i < 4; i++) {
                score[t * 4 + i] = i;
            }
        }
        score[3] = Double.NaN;
        MarketNeutralStrategy s = new MarketNeutralStrategy(CrossSectionalScore.matrix(score),
                new Selection.Quantiles(0.25, 0.25), 1.0, 1.0, new RebalanceSchedule.Every(2));
        TargetWeights tw = s.targets(panel());
        assertArrayEquals(new boolean[] {true, false, true, false, true}, tw.decision());
        // t = 0: 3 valid: k = max(1, floor(0.25·3)) = 1 each side: XRP (2) long, ETH (0) short
        assertArrayEquals(new double[] {-1.0, 0, 1.0, 0}, row(tw, 0));
        // t = 4: XRP does not exist any more; valid ETH, BTC, ADA: ADA long, ETH short
        assertArrayEquals(new double[] {-1.0, 0, 0, 1.0}, row(tw, 4));
        MarketNeutralStrategy bad = new MarketNeutralStrategy(CrossSectionalScore.matrix(new double[3]),
                new Selection.Counts(1, 1), 1, 1, new RebalanceSchedule.EveryBar());
        assertEquals("score matrix has 3 cells, expected bars × symbols = 20",
                assertThrows(IllegalArgumentException.class, () -> bad.targets(panel())).getMessage());
    }

    @Test
    void longsSumToLongRatioAndShortsToMinusShortRatio() {
        Panel p = TestPanels.randomWalk(new String[] {"A", "B", "C", "D", "E", "F"}, 90, 11);
        TargetWeights tw = MarketNeutralStrategy.momentum(10, 2, 2, 2, 0.8, 0.6, new RebalanceSchedule.Every(5))
                .targets(p);
        int decisions = 0;
        for (int t = 0; t < tw.bars(); t++) {
            if (tw.decision()[t]) {
                decisions++;
                double[] w = row(tw, t);
                double longs = Arrays.stream(w).filter(x -> x > 0).sum();
                double shorts = Arrays.stream(w).filter(x -> x < 0).sum();
                assertEquals(0.8, longs, 1e-12);
                assertEquals(-0.6, shorts, 1e-12);
                assertEquals(4, Arrays.stream(w).filter(x -> x != 0).count());
            }
        }
        assertEquals(16, decisions); // bars 10, 15, ..., 85
    }
}
