package io.quantlake.strategy.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.FundingMissing;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pair trading keeps a bounded history: after the selection its closes are a ring of {@code max(64,
 * formation_bars)} bars, so a run in time blocks over a long window holds no per-bar history (issue 13 item 5).
 */
class PairHistoryTest {
    @Test
    void historyStopsGrowingAfterTheSelection() {
        Panel panel = PairFixtures.panel(new double[200]);
        PairTradingParams params = new PairTradingParams(List.of(), 1, 1.0, 30, PriceScale.LOG, new RollingOlsHedge(10),
                5, 1.0, 0.2, 3, 7, LegSizing.DOLLAR_NEUTRAL, 0.3, 0, OnBreak.HOLD);
        PairTradingStrategy pairs = new PairTradingStrategy(params);
        SimConfig config = SimConfig.builder(Market.USDM, 10_000).fundingMissing(FundingMissing.ZERO).build();
        BacktestResult r = Simulator.run(panel, config, StrategyInput.signals(pairs));
        assertEquals(1, pairs.selection().size(), "a pair is selected");
        assertTrue(r.ledger().size() > 0, "the pair trades");
        assertEquals(64, pairs.historyBars(), "history bars after " + panel.bars() + " bars");
    }
}
