package io.quantlake.strategy.reference;

import io.quantlake.exit.ExitStrategy;
import io.quantlake.market.Interval;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.LegacyDecision;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A signal strategy whose every OPEN carries the config's exit chain ({@code strategy.exits}, bound by
 * io.quantlake.config.ExitChainBinder) after the strategy's own exits; every other signal, the warm-up and the legacy
 * {@code decide} are the wrapped strategy's.
 */
public final class ExitChainStrategy implements SignalStrategy {
    private final SignalStrategy strategy;
    private final List<ExitStrategy> exits;

    /** {@code strategy} with {@code exits} appended, in order, to the exits of every OPEN it signals. */
    public ExitChainStrategy(SignalStrategy strategy, List<ExitStrategy> exits) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.exits = List.copyOf(exits);
    }

    @Override
    public List<Signal> generateSignals(MarketSnapshot snapshot, PortfolioState state) {
        List<Signal> signals = strategy.generateSignals(snapshot, state);
        List<Signal> out = null;
        for (int k = 0; k < signals.size(); k++) {
            Signal s = signals.get(k);
            if (s.action() != Signal.Action.OPEN) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(signals);
            }
            List<ExitStrategy> chain = new ArrayList<>(s.exits().size() + exits.size());
            chain.addAll(s.exits());
            chain.addAll(exits);
            out.set(k, new Signal(s.symbol(), s.side(), s.action(), s.size(), chain, s.reason()));
        }
        return out == null ? signals : out;
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
