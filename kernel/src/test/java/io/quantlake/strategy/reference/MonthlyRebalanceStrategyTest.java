package io.quantlake.strategy.reference;

import static io.quantlake.strategy.reference.TestPanels.X;
import static io.quantlake.strategy.reference.TestPanels.day;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantlake.panel.Panel;
import io.quantlake.strategy.TargetWeights;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CLI.md monthly_rebalance, SIMULATION.md §12.12, R6, R7, R24. */
class MonthlyRebalanceStrategyTest {
    static final String[] SYMBOLS = {"AAA", "BBB", "CCC", "DDD"};

    static Map<String, Double> weights() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("AAA", 0.5);
        w.put("BBB", 0.3);
        w.put("CCC", 0.2); // DDD has no target: 0
        return w;
    }

    /**
     * Grid 01-15, 01-20, 02-01, 02-02, 03-05, 03-06. BBB is listed at 02-02 and has no bar at 03-05;
     * CCC's last bar is 03-05, before the last grid bar: 03-05 is its delisting bar (R5).
     */
    static Panel panel() {
        long[] times = {day("2024-01-15"), day("2024-01-20"), day("2024-02-01"), day("2024-02-02"),
            day("2024-03-05"), day("2024-03-06")};
        double[][] closes = {
            {10, X, 5, 7},
            {11, X, 5, 7},
            {12, X, 5, 7},
            {13, 20, 5, 7},
            {14, X, 5, 7},
            {15, 21, X, 7},
        };
        return TestPanels.panel(times, SYMBOLS, closes);
    }

    @Test
    void decidesAtFirstBarThenFirstBarOnOrAfterDayOfLaterMonths() {
        TargetWeights tw = new MonthlyRebalanceStrategy(weights(), 3).targets(panel());
        // bar 0 (01-15) always; 01-20 is in the first month: not again (§12.12); February's bars are the
        // 1st and 2nd, none on or after the 3rd: no decision; March: 03-05 (index 4)
        assertArrayEquals(new boolean[] {true, false, false, false, true, false}, tw.decision());
    }

    @Test
    void forcesZeroForUnlistedAndDelistedAndKeepsExistingWithoutBar() {
        TargetWeights tw = new MonthlyRebalanceStrategy(weights(), 3).targets(panel());
        // bar 0: BBB not listed yet -> 0; DDD not in target_weights -> 0
        assertArrayEquals(new double[] {0.5, 0.0, 0.2, 0.0}, row(tw, 0));
        // bar 4: BBB exists (listed at bar 3) though it has no bar here -> valid (R7); CCC is at its
        // delisting bar -> 0 (R6)
        assertArrayEquals(new double[] {0.5, 0.3, 0.0, 0.0}, row(tw, 4));
        for (int t : new int[] {1, 2, 3, 5}) {
            assertArrayEquals(new double[] {X, X, X, X}, row(tw, t), "no decision at bar " + t);
        }
    }

    @Test
    void dayOneDecidesOnTheFirstBarOfEachLaterMonth() {
        TargetWeights tw = new MonthlyRebalanceStrategy(weights(), 1).targets(panel());
        // Jan: bar 0; Feb: 02-01 (index 2); Mar: 03-05 (index 4)
        assertArrayEquals(new boolean[] {true, false, true, false, true, false}, tw.decision());
        // at 02-01 BBB is not listed yet
        assertArrayEquals(new double[] {0.5, 0.0, 0.2, 0.0}, row(tw, 2));
    }

    @Test
    void targetSymbolOutsideUniverseIsAnError() {
        Map<String, Double> w = weights();
        w.put("ZZZ", 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MonthlyRebalanceStrategy(w, 1).targets(panel()));
        assertEquals("monthly_rebalance: target_weights symbol ZZZ is not in the universe [AAA, BBB, CCC, DDD]",
                e.getMessage());
    }

    static double[] row(TargetWeights tw, int t) {
        return Arrays.copyOfRange(tw.weights(), t * tw.symbols(), (t + 1) * tw.symbols());
    }
}
