package io.quantlake.sim;

import io.quantlake.panel.BlockContext;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBlocks;
import io.quantlake.strategy.TargetWeights;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A backtest over consecutive time blocks ({@link PanelBlocks}), bit for bit the run over the whole panel: one
 * {@link SimState} (account, lots and their exit chains, last known closes, breaker state, funding cursors) and
 * one executor per tier (pending orders) live across the blocks; the strategy's input is made per block from the
 * block panel (a weight strategy's targets over the block and its warm-up rows); each block runs its rows from
 * the block's first bar with the {@link BarLoop}, and its equity rows and recorded targets are copied into the
 * whole grid's. Bar indices held across bars (a lot's fill bar, the breaker's trip) move with each block
 * ({@link SimState#point}); the ledger is written at grid indices. A legacy strategy runs through the bar loop
 * here (the {@link LegacyEventLoop} reads whole-panel scans); the results are the same bits.
 */
final class BlockRun {
    private BlockRun() {
    }

    static BacktestResult run(PanelBlocks blocks, SimConfig config, Function<Panel, StrategyInput> input,
                              boolean fastPaths) {
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
            weights = new WeightExecutor(s, w.targets(), null, fastPaths);
        } else if (in instanceof StrategyInput.Legacy l) {
            signals = new SignalExecutor(s, new LegacySignalAdapter(l.strategy(), l.maxPositions(), fastPaths));
        } else {
            signals = new SignalExecutor(s, ((StrategyInput.Signals) in).strategy());
        }
        FundingStep funding = BarLoop.funding(s);
        Breaker breaker = new Breaker(s, weights, signals);
        EquityRows all = new EquityRows(bars);
        boolean[] decision = weights != null ? new boolean[bars] : null;
        double[] recorded = weights != null ? new double[bars * n] : null;
        if (recorded != null) {
            Arrays.fill(recorded, Double.NaN);
        }
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
            int len = b.end() - b.start();
            copy(rows, row, all, b.start(), len);
            if (weights != null) {
                TargetWeights t = weights.recordedTargets();
                System.arraycopy(t.decision(), row, decision, b.start(), len);
                System.arraycopy(t.weights(), row * n, recorded, b.start() * n, len * n);
            }
        }
        TargetWeights targets = weights != null ? new TargetWeights(bars, n, decision, recorded)
                : TargetWeights.none(bars, n);
        return new BacktestResult(s.panel.interval(), context.times(), s.panel.symbols().clone(), config.capital(),
                all.equity, all.cash, all.gross, all.net, all.leverage, all.invested, s.account.ledger(), targets);
    }

    private static void copy(EquityRows from, int row, EquityRows to, int at, int len) {
        System.arraycopy(from.equity, row, to.equity, at, len);
        System.arraycopy(from.cash, row, to.cash, at, len);
        System.arraycopy(from.gross, row, to.gross, at, len);
        System.arraycopy(from.net, row, to.net, at, len);
        System.arraycopy(from.leverage, row, to.leverage, at, len);
        System.arraycopy(from.invested, row, to.invested, at, len);
    }
}
