package io.quantlake.sim;

import io.quantlake.ledger.Reason;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The weight path with its fast paths ({@link BandPrefilter} in the band step, {@link QuietBars})
 * gives the plain rule path's run bit for bit, over random panels (late listings, delistings, gaps),
 * spot and usdm (leverage cap, maintenance margin, funding), bands with {@code rebalance.to} target
 * or band edge, the threshold rule, costs, order filters, circuit breakers and a decision hook.
 */
class WeightPathEquivalenceTest {

    @Property(tries = 300)
    void fastPathsEqualThePlainRulePath(@ForAll long seed, @ForAll @IntRange(min = 1, max = 13) int symbols,
                                        @ForAll boolean usdm, @ForAll boolean withHook) {
        Random r = new Random(seed);
        Panel panel = RandomRuns.panel(r, symbols, 5 + r.nextInt(150), r.nextBoolean(), r.nextBoolean(),
                r.nextBoolean() ? 0 : 0.05);
        RandomRuns.Targets targets = RandomRuns.targets(r, panel);
        SimConfig.Builder config = RandomRuns.config(r, panel, usdm ? Market.USDM : Market.SPOT, r.nextBoolean(), targets.rule());
        if (r.nextInt(4) == 0) {
            config.circuitBreaker(new CircuitBreaker(0.05 + 0.2 * r.nextDouble(), Double.NaN, r.nextInt(5)));
        }
        SimConfig c = config.build();
        StrategyInput.Weights input = StrategyInput.weights(targets.weights());
        DecisionHook hook = withHook ? WeightPathEquivalenceTest::hook : null;
        RandomRuns.assertSameRun(Simulator.run(panel, c, input, hook, false), Simulator.run(panel, c, input, hook, true));
    }

    /** Halves the targets of symbols already above 10 % weight (a risk reason) and hedges symbol 1 at odd bars. */
    private static void hook(int t, double[] targets, double[] currentWeights, Reason[] reasons) {
        for (int i = 0; i < targets.length; i++) {
            if (currentWeights[i] > 0.1 && !Double.isNaN(targets[i])) {
                targets[i] *= 0.5;
                reasons[i] = Reason.RISK_ASSET_CAP;
            }
        }
        if (targets.length > 1 && (t & 1) == 1) {
            targets[1] = -0.05;
            reasons[1] = Reason.HEDGE;
        }
    }
}
