package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBlocks;
import io.quantlake.panel.PanelSource;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.reference.InverseVolStrategy;
import io.quantlake.metrics.Metrics;
import io.quantlake.tearsheet.BacktestFiles;
import io.quantlake.tearsheet.BacktestTearSheet;
import io.quantlake.tearsheet.Benchmark;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What a run in time blocks holds besides one block's arrays does not grow with bars × symbols (issue 13 item 5):
 * the recorded targets are the decision rows only, and a signal run records no matrix at all; the equity rows, the
 * ledger's full blocks and full chunks of recorded targets are in scratch files, read back for the metrics, the
 * output files and the tear sheet, which are the same as the run's on the whole panel.
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

    @Test
    void anEveryBarBlockRunSpillsItsRowsAndWritesTheSameOutputs() throws IOException {
        Panel p = BlockRunTest.panel(new Random(5), 8, 9000, false);
        SimConfig c = SimConfig.builder(Market.SPOT, 100_000).build();
        InverseVolStrategy w = new InverseVolStrategy(5, new RebalanceSchedule.EveryBar());
        PanelBlocks blocks = new PanelBlocks(PanelSource.of(p), 211, w.warmupBars());
        BacktestResult r = Simulator.run(blocks, c, b -> StrategyInput.weights(w, b));
        BacktestResult whole = Simulator.run(p, c, StrategyInput.weights(w, p));
        Metrics m = Metrics.of(r);
        String page = BacktestTearSheet.page(r, m, Optional.of(Benchmark.buyAndHold(p, "S0USDT")), "t").html();
        String[] files = files(r, m);
        int decisions = r.recordedTargets().decisions();
        int ledgerRows = r.ledger().size();
        System.out.printf("every-bar block run of %d bars × %d symbols: %d ledger rows (%d held), %d decisions "
                + "(%d target cells held)%n", p.bars(), p.symbolCount(), ledgerRows, r.ledger().residentRows(),
                decisions, r.recordedTargets().ownCells());
        assertTrue(ledgerRows > 3 * 2048 && decisions > 2 * RecordedTargets.CHUNK_CELLS / p.symbolCount(),
                "enough rows to spill: " + ledgerRows + " ledger rows, " + decisions + " decisions");
        assertTrue(!r.rowsInMemory(), "the equity rows are read back, not held");
        assertTrue(r.ledger().residentRows() <= 2 * 2048, "ledger rows held: " + r.ledger().residentRows());
        assertTrue(r.recordedTargets().ownCells() <= 2L * RecordedTargets.CHUNK_CELLS,
                "target cells held: " + r.recordedTargets().ownCells());
        Metrics wm = Metrics.of(whole);
        assertEquals(wm, m, "metrics");
        assertEquals(BacktestTearSheet.page(whole, wm, Optional.of(Benchmark.buyAndHold(p, "S0USDT")), "t").html(),
                page, "report.html");
        String[] expected = files(whole, wm);
        for (int k = 0; k < files.length; k++) {
            assertEquals(expected[k], files[k], "output file " + k);
        }
        assertTrue(!r.rowsInMemory(), "the outputs read the equity rows chunk by chunk");
        RandomRuns.assertSameRun(whole, r);
    }

    /** equity.csv, ledger.csv, targets.csv and metrics.json of {@code r} as text. */
    private static String[] files(BacktestResult r, Metrics m) throws IOException {
        StringWriter[] w = {new StringWriter(), new StringWriter(), new StringWriter(), new StringWriter()};
        BacktestFiles.writeEquity(r, w[0]);
        BacktestFiles.writeLedger(r.ledger(), w[1]);
        BacktestFiles.writeTargets(r.recordedTargets(), r.times(), r.symbols(), w[2]);
        BacktestFiles.writeMetrics(m, w[3]);
        return new String[] {w[0].toString(), w[1].toString(), w[2].toString(), w[3].toString()};
    }
}
