package io.quantlake.sim;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link QuietBars} (two quiet bars of a spot weight run marked in one pass, and the next open's
 * {@code E'} summed with the close) gives the plain bar loop's run bit for bit: random spot panels
 * (late listings, complete rows or rows with gaps), schedules, bands, costs, order filters and both
 * execution prices, run with the fast paths and with the plain rule path.
 */
class QuietBarsTest {

    @Property(tries = 300)
    void quietBarsEqualThePlainLoop(@ForAll long seed, @ForAll @IntRange(min = 1, max = 11) int symbols) {
        Random r = new Random(seed);
        Panel panel = RandomRuns.panel(r, symbols, 5 + r.nextInt(150), r.nextBoolean(), false,
                r.nextBoolean() ? 0 : 0.05);
        RandomRuns.Targets targets = RandomRuns.targets(r, panel);
        SimConfig config = RandomRuns.config(r, panel, Market.SPOT, false, targets.rule()).build();
        StrategyInput input = StrategyInput.weights(targets.weights());
        RandomRuns.assertSameRun(Simulator.run(panel, config, input, null, false),
                Simulator.run(panel, config, input, null, true));
    }
}
