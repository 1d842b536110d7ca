package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBlocks;
import io.quantlake.panel.PanelSource;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.reference.InverseVolStrategy;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What a run in time blocks holds besides one block's arrays does not grow with bars × symbols (issue 13 item 5):
 * the recorded targets are the decision rows only, and a signal run records no matrix at all.
 */
class BlockHeapTest {
    @Test
    void recordedTargetsOfABlockRunHoldTheDecisionRowsOnly() {
        Panel p = BlockRunTest.panel(new Random(3), 8, 4000, false);
        SimConfig c = SimConfig.builder(Market.SPOT, 100_000).build();
        InverseVolStrategy w = new InverseVolStrategy(5, new RebalanceSchedule.Weekly(1));
        PanelBlocks blocks = new PanelBlocks(PanelSource.of(p), 97, w.warmupBars());
        BacktestResult r = Simulator.run(blocks, c, b -> StrategyInput.weights(w, b));
        RecordedTargets t = r.recordedTargets();
        int n = p.symbolCount();
        assertTrue(t.decisions() > 10 && t.decisions() < p.bars() / 20, "weekly decisions: " + t.decisions());
        long cells = t.ownCells();
        System.out.printf("block run of %d bars × %d symbols: %d decision rows, %d target cells held (a matrix: %d)%n",
                p.bars(), n, t.decisions(), cells, (long) p.bars() * n);
        assertTrue(cells <= 2L * n * Math.max(16, t.decisions()), "target cells held: " + cells);
        RandomRuns.assertSameRun(Simulator.run(p, c, StrategyInput.weights(w, p)), r);
    }

    @Test
    void signalRunsRecordNoTargetMatrix() {
        Panel p = BlockRunTest.panel(new Random(4), 5, 3000, false);
        SimConfig c = SimConfig.builder(Market.SPOT, 100_000).build();
        BlockRunTest.Breakout s = new BlockRunTest.Breakout(4, 9, true);
        PanelBlocks blocks = new PanelBlocks(PanelSource.of(p), 50, s.warmupBars());
        BacktestResult inBlocks = Simulator.run(blocks, c, b -> StrategyInput.signals(s));
        BacktestResult whole = Simulator.run(p, c, StrategyInput.signals(new BlockRunTest.Breakout(4, 9, true)));
        for (BacktestResult r : new BacktestResult[] {inBlocks, whole}) {
            assertEquals(0, r.recordedTargets().decisions());
            assertEquals(0, r.recordedTargets().ownCells(), "no all-NaN bars × symbols matrix");
        }
    }
}
