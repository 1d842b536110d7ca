package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.strategy.TargetWeights;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The bar loop marks the quiet bars of a spot weight run (no pending order, no decision, every
 * symbol with a bar) two at a time; the rows must be the doubles of the one-bar step. A circuit
 * breaker that can never trip (drawdown 100 %) turns the two-bar step off without changing
 * anything else, so the two runs must agree bit for bit.
 */
class QuietBarsTest {
    private static final long T0 = 1_704_067_200_000L;

    @Property(tries = 200)
    void twoBarMarksEqualOneBarMarks(@ForAll long seed, @ForAll @IntRange(min = 1, max = 11) int symbols,
                                     @ForAll boolean atClose) {
        Random r = new Random(seed);
        int bars = 5 + r.nextInt(120);
        String[] names = new String[symbols];
        for (int i = 0; i < symbols; i++) {
            names[i] = "S" + i;
        }
        PanelBuilder b = Panel.builder(Interval.H1, names);
        for (int i = 0; i < symbols; i++) {
            double p = 1 + 1000 * r.nextDouble();
            for (int t = 0; t < bars; t++) {
                double o = p * (1 + 0.01 * r.nextGaussian());
                p = Math.max(1e-3, o * (1 + 0.02 * r.nextGaussian()));
                b.bar(names[i], T0 + t * 3_600_000L, Math.max(1e-3, o), Math.max(o, p) * 1.01, Math.min(o, p) * 0.99, p, 1);
            }
        }
        Panel panel = b.build();
        boolean[] decision = new boolean[bars];
        double[] w = new double[bars * symbols];
        Arrays.fill(w, Double.NaN);
        int every = 1 + r.nextInt(7);
        for (int t = 0; t < bars; t++) {
            decision[t] = t % every == 0 || r.nextInt(9) == 0;
            for (int i = 0; i < symbols && decision[t]; i++) {
                w[t * symbols + i] = r.nextDouble() / symbols;
            }
        }
        TargetWeights targets = new TargetWeights(bars, symbols, decision, w);
        SimConfig.Builder base = SimConfig.builder(Market.SPOT, 10_000)
                .rebalance(RebalanceRule.NONE.withBand(0.005 * r.nextInt(3))).costs(r.nextInt(10), r.nextInt(5), r.nextInt(5))
                .executionPrice(atClose ? ExecutionPrice.CLOSE : ExecutionPrice.NEXT_OPEN);
        BacktestResult pairs = Simulator.run(panel, base.build(), StrategyInput.weights(targets));
        BacktestResult single = Simulator.run(panel, base.circuitBreaker(new CircuitBreaker(1.0, Double.NaN, 0)).build(),
                StrategyInput.weights(targets));
        assertArrayEquals(single.equity(), pairs.equity());
        assertArrayEquals(single.cash(), pairs.cash());
        assertArrayEquals(single.gross(), pairs.gross());
        assertArrayEquals(single.net(), pairs.net());
        assertArrayEquals(single.leverage(), pairs.leverage());
        assertArrayEquals(single.invested(), pairs.invested());
        assertEquals(single.ledger().events(), pairs.ledger().events());
    }
}
