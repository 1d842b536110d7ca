package io.quantlake.sim;

import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A SignalStrategy that emits fixed signals at fixed decision bars (for golden tests). */
final class Scripted implements SignalStrategy {
    private final Map<Integer, List<Signal>> byBar = new HashMap<>();

    Scripted at(int bar, Signal... signals) {
        byBar.put(bar, List.of(signals));
        return this;
    }

    @Override
    public List<Signal> generateSignals(MarketSnapshot snapshot, PortfolioState state) {
        return byBar.getOrDefault(snapshot.bar(), List.of());
    }
}
