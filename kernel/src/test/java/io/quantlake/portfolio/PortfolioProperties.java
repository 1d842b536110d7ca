package io.quantlake.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ledger.TradeEvent;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.risk.RiskRules;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.ExecutionPrice;
import io.quantlake.sim.FundingMissing;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.TargetWeights;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The portfolio layer end to end through the kernel, on random panels and target streams (jqwik). */
class PortfolioProperties {
    /** Caps hold to this (weights): dust orders below 1e-9 E' are skipped by the kernel (§13). */
    private static final double TOL = 1e-8;

    private static SimConfig closeNoCosts(Market m) {
        return SimConfig.builder(m, 10_000).executionPrice(ExecutionPrice.CLOSE).maxLeverage(20)
                .fundingMissing(FundingMissing.ZERO).build();
    }

    private static RiskRules randomRules(Random rnd) {
        return RiskRules.NONE.withMaxWeight(0.1 + 0.4 * rnd.nextDouble()).withMaxGross(0.3 + rnd.nextDouble())
                .withMaxNet(0.5 * rnd.nextDouble()).withCluster(0.2 + 0.5 * rnd.nextDouble(), 0.3, 5)
                .withMaxPositions(1 + rnd.nextInt(4));
    }

    @Property(tries = 60)
    void riskCapsHoldAfterEveryDecisionsExecution(@ForAll long seed) {
        Random rnd = new Random(seed);
        Market m = rnd.nextBoolean() ? Market.SPOT : Market.USDM;
        int n = 3 + rnd.nextInt(3);
        Panel p = PortfolioFixtures.panel(rnd, n, 25);
        RiskRules rules = randomRules(rnd);
        TargetWeights tw = PortfolioFixtures.targets(rnd, p.bars(), n, m == Market.SPOT, 0.6);
        BacktestResult r = AdvancedPortfolioManager.builder().risk(rules).build().run(p, closeNoCosts(m), tw).result();
        PortfolioFixtures.assertCapsAfterDecisions(p, r, rules, tw.decision(), TOL);
    }

    @Property(tries = 40)
    void aHookThatChangesNothingIsTheBareKernel(@ForAll long seed) {
        Random rnd = new Random(seed);
        Market m = rnd.nextBoolean() ? Market.SPOT : Market.USDM;
        int n = 2 + rnd.nextInt(3);
        Panel p = PortfolioFixtures.panel(rnd, n, 20);
        TargetWeights tw = PortfolioFixtures.targets(rnd, p.bars(), n, m == Market.SPOT, 0.5);
        SimConfig c = SimConfig.builder(m, 10_000).costs(10, 2, 5).fundingMissing(FundingMissing.ZERO).build();
        BacktestResult bare = Simulator.run(p, c, StrategyInput.weights(tw));
        BacktestResult hooked = Simulator.run(p, c, StrategyInput.weights(tw), (t, w, cw, reasons) -> { });
        BacktestResult managed = AdvancedPortfolioManager.builder().build().run(p, c, tw).result();
        assertEquals(bare.ledger().events(), hooked.ledger().events());
        assertArrayEquals(bare.equity(), hooked.equity());
        assertEquals(bare.ledger().events(), managed.ledger().events());
        assertArrayEquals(bare.equity(), managed.equity());
    }

    @Property(tries = 30)
    void betaHedgedPortfolioStaysInsideTheBand(@ForAll long seed) {
        // Tolerance: with execution at the close and no costs, the executed weights equal the hook's targets up to
        // rounding, so the ex-ante rolling beta Σ w_i β_{t,i} (the overlay's own estimate at t) is inside [−b, b]
        // to 1e-9.
        Random rnd = new Random(seed);
        int n = 3 + rnd.nextInt(3);
        Panel p = PortfolioFixtures.panel(rnd, n, 40);
        HedgeSpec spec = new HedgeSpec("BTCUSDT", 0.05 + 0.2 * rnd.nextDouble(), 10,
                rnd.nextBoolean() ? BetaMethod.OLS : BetaMethod.EWMA, rnd.nextBoolean());
        TargetWeights tw = PortfolioFixtures.targets(rnd, p.bars(), n, false, 0.4);
        ManagedRun run = AdvancedPortfolioManager.builder().hedge(spec).build().run(p, closeNoCosts(Market.USDM), tw);
        BetaHedge beta = new BetaHedge(spec, p);
        for (int t = 0; t < p.bars(); t++) {
            if (tw.decision()[t]) {
                double b = beta.portfolioBeta(t, PortfolioFixtures.weightsAt(p, run.result(), t));
                assertTrue(Math.abs(b) <= spec.band() + 1e-9, "beta " + b + " at bar " + t + ", band " + spec.band());
            }
        }
        long hedgeRows = run.result().ledger().events().stream()
                .filter(e -> e.type() == io.quantlake.ledger.TradeEventType.HEDGE).count();
        assertEquals(run.report().hedgeRows(), hedgeRows);
        assertTrue(run.report().hedgeAdjustments() == 0 || hedgeRows > 0);
    }

    /** A copy of {@code p} whose prices after bar {@code t} are scaled by a random factor per bar. */
    private static Panel perturbAfter(Panel p, int t, Random rnd) {
        int n = p.symbolCount();
        double[][] m = {p.open().clone(), p.high().clone(), p.low().clone(), p.close().clone()};
        for (int b = t + 1; b < p.bars(); b++) {
            for (int i = 0; i < n; i++) {
                double f = 0.5 + rnd.nextDouble();
                for (double[] a : m) {
                    a[b * n + i] *= f;
                }
            }
        }
        return new Panel(p.interval(), p.times(), p.symbols(), m[0], m[1], m[2], m[3], p.volume(), p.features());
    }

    @Property(tries = 30)
    void nothingAfterBarTChangesTheBooksUpToTWithEveryFeatureOn(@ForAll long seed) {
        Random rnd = new Random(seed);
        int n = 3 + rnd.nextInt(3);
        Panel p = PortfolioFixtures.panel(rnd, n, 30);
        int t = rnd.nextInt(p.bars() - 1);
        Panel q = perturbAfter(p, t, rnd);
        TargetWeights tw = PortfolioFixtures.targets(rnd, p.bars(), n, false, 0.5);
        SizingMethod method = SizingMethod.values()[rnd.nextInt(SizingMethod.values().length)];
        SizingSpec sizing = method == SizingMethod.VOL_TARGET ? SizingSpec.of(method).withLookback(5)
                : SizingSpec.of(method).withLookback(5).withFraction(method == SizingMethod.KELLY ? 0.5 : 0.2);
        AdvancedPortfolioManager apm = AdvancedPortfolioManager.builder().sizing(sizing).risk(randomRules(rnd))
                .hedge(new HedgeSpec("BTCUSDT", 0.1, 8, BetaMethod.OLS, true)).build();
        SimConfig c = SimConfig.builder(Market.USDM, 10_000).costs(10, 2, 5).maxLeverage(5)
                .fundingMissing(FundingMissing.ZERO).rebalance(RebalanceRule.NONE.withBand(0.02)).build();
        BacktestResult a = apm.run(p, c, tw).result();
        BacktestResult b = apm.run(q, c, tw).result();
        for (int k = 0; k <= t; k++) {
            assertEquals(a.equity()[k], b.equity()[k], "equity at bar " + k + " (perturbed after " + t + ")");
        }
        long cut = p.times()[t];
        List<TradeEvent> ea = a.ledger().events().stream().filter(e -> e.time() <= cut).toList();
        List<TradeEvent> eb = b.ledger().events().stream().filter(e -> e.time() <= cut).toList();
        assertEquals(ea, eb);
        // the rows of bar t + 1 (next_open fills of decision t) are decided by data up to t: same symbols, types and qty
        long next = p.times()[t + 1];
        List<TradeEvent> na = a.ledger().events().stream().filter(e -> e.time() == next).toList();
        List<TradeEvent> nb = b.ledger().events().stream().filter(e -> e.time() == next).toList();
        assertEquals(na.size(), nb.size());
    }
}
