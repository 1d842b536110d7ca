package io.quantlake.sim;

import io.quantlake.panel.BlockContext;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBlocks;
import io.quantlake.spill.SpillFile;
import java.util.function.Function;

/**
 * A backtest over consecutive time blocks ({@link PanelBlocks}), bit for bit the run over the whole panel: one
 * {@link SimState} (account, lots and their exit chains, last known closes, breaker state, funding cursors) and
 * one executor per tier (pending orders) live across the blocks; the strategy's input is made per block from the
 * block panel (a weight strategy's targets over the block and its warm-up rows); each block runs its rows from
 * the block's first bar with the {@link BarLoop}; as each block completes, its equity rows are written to a scratch
 * file ({@link EquitySpill}) and its decision rows appended to the recorded targets ({@link RecordedTargets}: rows
 * at decisions only, no bars × symbols matrix, full chunks spilled), and the ledger spills its full blocks
 * ({@link io.quantlake.ledger.Ledger#spillTo}): what the run holds does not grow with its bars (but for the grid's
 * times). Bar indices held across bars (a lot's fill bar, the breaker's trip) move with each block
 * ({@link SimState#point}); the ledger is written at grid indices. A legacy strategy runs through the bar loop
 * here (the {@link LegacyEventLoop} reads whole-panel scans); the results are the same bits.
 */
final class BlockRun {
    private BlockRun() {
    }

    static BacktestResult run(PanelBlocks blocks, SimConfig config, Function<Panel, StrategyInput> input,
                              DecisionHook hook, boolean fastPaths) {
        BlockContext context = blocks.context();
        int bars = context.times().length;
        int count = blocks.count();
        if (count == 0) {
            throw new IllegalArgumentException("block run over an empty grid");
        }
        PanelBlocks.Block first = blocks.block(0);
        SimState s = new SimState(first.panel(), config, context);
        int n = s.n;
        StrategyInput in = input.apply(first.panel());
        WeightExecutor weights = null;
        SignalExecutor signals = null;
        if (in instanceof StrategyInput.Weights w) {
            weights = new WeightExecutor(s, w.targets(), hook, fastPaths);
        } else if (hook != null) {
            throw new IllegalArgumentException("a decision hook needs target weights, got a " + (in instanceof
                    StrategyInput.Legacy ? "legacy" : "signal") + " strategy");
        } else if (in instanceof StrategyInput.Legacy l) {
            signals = new SignalExecutor(s, new LegacySignalAdapter(l.strategy(), l.maxPositions(), fastPaths));
        } else {
            signals = new SignalExecutor(s, ((StrategyInput.Signals) in).strategy());
        }
        FundingStep funding = BarLoop.funding(s);
        Breaker breaker = new Breaker(s, weights, signals);
        s.account.ledger().spillTo(SpillFile.create("ledger"));
        EquitySpill all = new EquitySpill();
        RecordedTargets recorded = weights != null ? RecordedTargets.spilling(bars, n) : RecordedTargets.none(bars, n);
        for (int k = 0; k < count; k++) {
            PanelBlocks.Block b = k == 0 ? first : blocks.block(k);
            if (k > 0) {
                s.point(b.panel());
                StrategyInput next = input.apply(b.panel());
                if (weights != null) {
                    weights.nextBlock(((StrategyInput.Weights) next).targets());
                } else {
                    signals.nextBlock();
                }
            }
            int row = b.firstRow();
            EquityRows rows = new EquityRows(s.bars);
            new BarLoop(s, weights, signals, fastPaths, funding, breaker).run(row, rows);
            if (all.rows() != b.start()) {
                throw new IllegalStateException("block " + k + " starts at grid bar " + b.start() + ", not at bar "
                        + all.rows() + " after the previous block");
            }
            all.append(rows, row, b.end() - b.start());
            if (weights != null) {
                recorded.append(weights.recordedTargets(), row, s.bars, s.offset);
            }
        }
        return new BacktestResult(s.panel.interval(), context.times(), s.panel.symbols().clone(), config.capital(),
                all, s.account.ledger(), recorded);
    }
}
