package io.quantlake.factor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/** MLlib's correlation matrix of returns against commons-math on the complete cases of {@link SmallPanel}. */
class ReturnCorrelationTest {

    @Test
    void matchesPearsonsCorrelationOnCompleteContiguousReturns() {
        SmallPanel p = new SmallPanel(7L, SmallPanel.GRID);
        List<String> universe = List.of("SOLUSDT", "BTCUSDT", "ETHUSDT", "NEWUSDT");
        int[] order = {2, 0, 1, 3};
        CorrelationMatrix m = ReturnCorrelation.of(p.candles(), Market.SPOT, Interval.D1, universe);

        // complete cases: grid t whose every symbol has bars t-1 and t (drops NEWUSDT's first 13 bars,
        // BTCUSDT's bars 30-31 and ETHUSDT's 20-23)
        List<double[]> sample = new ArrayList<>();
        for (int t = 1; t < SmallPanel.GRID; t++) {
            double[] r = new double[order.length];
            boolean complete = true;
            for (int j = 0; j < order.length; j++) {
                int k = p.ownBar(order[j], t);
                complete &= k > 0 && p.grid[order[j]][k - 1] == t - 1;
                r[j] = complete ? p.close[order[j]][k] / p.close[order[j]][k - 1] - 1.0 : Double.NaN;
            }
            if (complete) {
                sample.add(r);
            }
        }
        assertEquals(SmallPanel.GRID - 13 - 2 - 4, sample.size());
        double[][] expected = new PearsonsCorrelation(sample.toArray(double[][]::new)).getCorrelationMatrix().getData();

        assertArrayEquals(universe.toArray(), m.symbols());
        assertEquals(sample.size(), m.observations());
        for (int i = 0; i < order.length; i++) {
            for (int j = 0; j < order.length; j++) {
                double tol = 1e-12 * Math.max(1e-3, Math.abs(expected[i][j]));
                assertEquals(expected[i][j], m.values()[i][j], tol, "corr " + universe.get(i) + "/" + universe.get(j));
            }
        }
        assertEquals(m.values()[0][1], m.get("SOLUSDT", "BTCUSDT"));
        assertTrue(Math.abs(m.get("ETHUSDT", "NEWUSDT")) < 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnCorrelation.of(p.candles(), Market.SPOT, Interval.D1, List.of("BTCUSDT", "XRPUSDT")));
        assertTrue(e.getMessage().contains("XRPUSDT"), e.getMessage());
    }
}
