package io.quantlake.portfolio;

import io.quantlake.market.Interval;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.LegacyDecision;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import java.util.Objects;

/**
 * A portfolio layer in front of a {@link SignalStrategy} ({@link SignalSizer}, {@link SignalRiskGate}): it
 * rewrites the wrapped strategy's signals and otherwise stands for it (its legacy {@code decide} and warm-up).
 */
abstract class SignalLayer implements SignalStrategy {
    /** The wrapped strategy. */
    protected final SignalStrategy strategy;

    SignalLayer(SignalStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** The universe index of {@code symbol} when it can be decided on at the snapshot's bar, else -1. */
    static int validIndex(MarketSnapshot snapshot, String symbol) {
        for (int k = 0; k < snapshot.symbolCount(); k++) {
            if (snapshot.symbol(k).equals(symbol)) {
                return snapshot.valid(k) ? k : -1;
            }
        }
        return -1;
    }

    /** A signal size as a fraction of {@code equity} (R19's decision equity): a weight, or a quantity at {@code price}. */
    static double weight(Signal.Size size, double price, double equity) {
        return size instanceof Signal.Weight w ? w.value() : ((Signal.Quantity) size).value() * price / equity;
    }

    @Override
    public LegacyDecision decide(CandleWindow window, Interval interval) {
        return strategy.decide(window, interval);
    }

    @Override
    public int warmupBars() {
        return strategy.warmupBars();
    }
}
