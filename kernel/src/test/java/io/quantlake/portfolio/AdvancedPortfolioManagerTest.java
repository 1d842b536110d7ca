package io.quantlake.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.risk.RiskRules;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.ExecutionPrice;
import io.quantlake.sim.Fixtures;
import io.quantlake.sim.FundingMissing;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.TargetWeights;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The facade's wiring rules and its report of orders and turnover saved. */
class AdvancedPortfolioManagerTest {
    private static final Panel AB = Fixtures.flat(Fixtures.flat(Fixtures.daily("A", "B"), "A", 0, 10, 11, 12, 11, 10),
            "B", 0, 10, 9, 8, 9, 10).build();

    @Test
    void nothingConfiguredIsInactive() {
        assertFalse(AdvancedPortfolioManager.builder().build().active());
        assertTrue(AdvancedPortfolioManager.builder().risk(RiskRules.NONE.withMaxGross(1)).build().active());
    }

    @Test
    void hedgeNeedsUsdmAndTheHedgeSymbolInTheUniverse() {
        var targets = Fixtures.weights(new double[] {0.5, 0.5}, null, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdvancedPortfolioManager
                .builder().hedge(new HedgeSpec("A", 0.1, 3, BetaMethod.OLS, false)).build()
                .run(AB, SimConfig.builder(Market.SPOT, 1000).build(), targets));
        assertTrue(e.getMessage().startsWith("hedge: needs market usdm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AdvancedPortfolioManager.builder()
                .hedge(HedgeSpec.btc(0.1, 3)).build()
                .run(AB, SimConfig.builder(Market.USDM, 1000).build(), targets));
        assertTrue(e.getMessage().contains("hedge.symbol BTCUSDT"), e.getMessage());
    }

    @Test
    void theBandSavesOrdersAgainstNaiveRebalancing() {
        // band .05. Decision 0 from nothing: naive buys both to .5 (turnover 1, 2 orders); the optimizer to the band
        // edge .45 (turnover .9, 2 orders): 450/11 A and 50 B at bar 1 (11, 9), cash 100. Bar 2 closes 12 and 8:
        // E = 100 + 5400/11 + 400, cw_A = .4954 (inside [.45, .55]: naive and optimizer leave it), cw_B = .4037:
        // naive to .5, the optimizer to .45 — one order each.
        var targets = Fixtures.weights(new double[] {0.5, 0.5}, null, new double[] {0.5, 0.5}, null, null);
        SimConfig bandEdge = SimConfig.builder(Market.USDM, 1000).fundingMissing(FundingMissing.ZERO)
                .rebalance(new RebalanceRule(0.05, RebalanceMode.BAND_EDGE, false)).build();
        ManagedRun run = AdvancedPortfolioManager.builder().risk(RiskRules.NONE.withMaxGross(1)).build()
                .run(AB, bandEdge, targets);
        PortfolioReport r = run.report();
        assertEquals(2, r.decisions());
        double cwB = 400 / (100 + 5400.0 / 11 + 400);
        assertEquals(1 + (0.5 - cwB), r.naiveTurnover(), 1e-12);
        assertEquals(0.9 + (0.45 - cwB), r.turnover(), 1e-12);
        assertEquals(3, r.orders());
        assertEquals(3, r.naiveOrders());
        assertEquals(0.1 + 0.05, r.turnoverSaved(), 1e-12);
        // rebalance.to: target (default): traded symbols go to their targets, so nothing is saved on this path,
        // and the executions match the bare kernel's band rule
        SimConfig target = bandEdge.withRebalance(bandEdge.rebalance().withTo(RebalanceMode.TARGET));
        PortfolioReport t = AdvancedPortfolioManager.builder().risk(RiskRules.NONE.withMaxGross(1)).build()
                .run(AB, target, targets).report();
        assertEquals(t.naiveTurnover(), t.turnover(), 1e-15);
        assertEquals(t.naiveOrders(), t.orders());
    }

    @Test
    void riskCapsKeepTheThresholdSchedule() {
        // Threshold schedule (SIMULATION.md §5), band .05: at a decision every symbol trades to its target as soon as
        // one is outside its band, else none does. Caps that never bind switch the optimizer on; it must then take
        // the same trades as the bare kernel (fills at the close, so the hook's current weights are the kernel's).
        Random rnd = new Random(11);
        Panel p = PortfolioFixtures.panel(rnd, 4, 120);
        TargetWeights drawn = PortfolioFixtures.targets(rnd, 120, 4, false, 0.3);
        SimConfig close = SimConfig.builder(Market.USDM, 1000).fundingMissing(FundingMissing.ZERO)
                .executionPrice(ExecutionPrice.CLOSE).rebalance(new RebalanceRule(0.05, RebalanceMode.TARGET, true))
                .build();
        BacktestResult bare = Simulator.run(p, close, StrategyInput.weights(drawn));
        ManagedRun capped = AdvancedPortfolioManager.builder().risk(RiskRules.NONE.withMaxGross(100)).build()
                .run(p, close, drawn);
        assertEquals(bare.ledger().size(), capped.result().ledger().size());
        assertEquals(bare.finalEquity(), capped.result().finalEquity(), 1e-9 * bare.finalEquity());
        assertArrayEquals(bare.targets().weights(), capped.result().targets().weights(), "targets.csv: the strategy's");
        // per-symbol bands would trade fewer symbols: the schedule is what made the difference
        ManagedRun perSymbol = AdvancedPortfolioManager.builder().risk(RiskRules.NONE.withMaxGross(100)).build()
                .run(p, close.withRebalance(new RebalanceRule(0.05, RebalanceMode.TARGET, false)), drawn);
        assertTrue(perSymbol.result().ledger().size() < bare.ledger().size());
    }
}
