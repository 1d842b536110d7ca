package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The last known closes (R9): after {@link SimState#takeCloses} of bars {@code 0..t}, or after
 * {@link SimState#takeClosesOfSkippedBars} over a skipped stretch, {@link SimState#lastClose(int)}
 * is each symbol's latest close at or before {@code t} (NaN before its first bar), and reading it
 * (or {@link SimState#equityAtLastCloses}) changes nothing: a second read gives the same bits.
 */
class SimStateTest {

    @Property(tries = 200)
    void lastCloseIsTheLatestKnownClose(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int symbols) {
        Random r = new Random(seed);
        Panel panel = RandomRuns.panel(r, symbols, 2 + r.nextInt(60), true, true, r.nextBoolean() ? 0 : 0.3);
        SimState stepwise = new SimState(panel, SimConfig.builder(Market.SPOT, 1000).build());
        SimState skipping = new SimState(panel, SimConfig.builder(Market.SPOT, 1000).build());
        double[] close = panel.close();
        int n = symbols;
        int skippedFrom = -1;
        for (int t = 0; t < panel.bars(); t++) {
            stepwise.takeCloses(t);
            if (skippedFrom < 0 && r.nextInt(3) == 0) {
                skippedFrom = t; // the skipping state leaves out bars from here ...
            }
            if (skippedFrom >= 0 && (r.nextInt(4) == 0 || t == panel.bars() - 1)) {
                skipping.takeClosesOfSkippedBars(skippedFrom, t); // ... to t, caught up at once
                skipping.takeCloses(t);
                skippedFrom = -1;
            } else if (skippedFrom < 0) {
                skipping.takeCloses(t);
            }
            for (int i = 0; i < n; i++) {
                double expected = Double.NaN;
                for (int b = t; b >= 0; b--) {
                    if (!Double.isNaN(close[b * n + i])) {
                        expected = close[b * n + i];
                        break;
                    }
                }
                long bits = Double.doubleToRawLongBits(expected);
                assertEquals(bits, Double.doubleToRawLongBits(stepwise.lastClose(i)), "bar " + t + " symbol " + i);
                assertEquals(bits, Double.doubleToRawLongBits(stepwise.lastClose(i)), "second read");
                if (skippedFrom < 0) {
                    assertEquals(bits, Double.doubleToRawLongBits(skipping.lastClose(i)), "skipping, bar " + t);
                }
            }
            double e = stepwise.equityAtLastCloses();
            assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits(stepwise.equityAtLastCloses()));
        }
    }
}
