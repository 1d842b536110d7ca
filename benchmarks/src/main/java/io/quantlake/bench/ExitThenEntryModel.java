package io.quantlake.bench;

import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.TradeExecutionModel;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.num.Num;

/**
 * ta4j's {@link TradeOnCurrentCloseModel}, plus the re-entry QuantLake's bar loop allows: when an
 * exit fills at bar {@code t}, the entry rule is also checked at {@code t} and, if satisfied, the
 * new position opens at the same close.
 *
 * <p>Why: ta4j's {@code BarSeriesManager} makes at most one trade per bar
 * ({@code Strategy.shouldOperate} checks the exit rule only while a position is open), whereas
 * SIMULATION.md's bar loop runs the exits inside bar {@code t} (step 2) before the decisions at
 * its close (step 5), so {@code sma_cross_tpsl} may buy at the close of the very bar whose close
 * hit the previous position's take-profit or stop-loss. Without this model ta4j misses every such
 * entry (the cross is an event of one bar) and the trade lists diverge there.
 */
final class ExitThenEntryModel implements TradeExecutionModel {
    private final TradeOnCurrentCloseModel onClose = new TradeOnCurrentCloseModel();
    private final Strategy strategy;

    ExitThenEntryModel(Strategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    @Override
    public void execute(int index, TradingRecord record, BarSeries series, Num amount) {
        boolean exiting = record.getCurrentPosition().isOpened();
        onClose.execute(index, record, series, amount);
        if (exiting && strategy.shouldEnter(index, record)) {
            onClose.execute(index, record, series, amount);
        }
    }
}
