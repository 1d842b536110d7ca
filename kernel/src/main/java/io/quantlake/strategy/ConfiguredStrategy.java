package io.quantlake.strategy;

import io.quantlake.market.Market;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a strategy binder (io.quantlake.config.StrategyRegistry) builds from a config: a weight strategy, a legacy one with its capacity, or a
 * signal strategy with the markets it can trade.
 */
public sealed interface ConfiguredStrategy {
    /** The config name, e.g. {@code inverse_vol}. */
    String name();

    /** A target-weight strategy (the vectorized path, SIMULATION.md §5). */
    record Weight(WeightStrategy strategy) implements ConfiguredStrategy {
        public Weight {
            Objects.requireNonNull(strategy, "strategy");
        }

        @Override
        public String name() {
            return strategy.name();
        }
    }

    /**
     * A legacy per-symbol strategy run by the legacy portfolio manager.
     *
     * @param maxPositions at most this many open positions in all (R19)
     */
    record Legacy(String name, LegacyStrategy strategy, int maxPositions) implements ConfiguredStrategy {
        public Legacy {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(strategy, "strategy");
            if (maxPositions < 1) {
                throw new IllegalArgumentException("max_positions must be >= 1, got " + maxPositions);
            }
        }
    }

    /**
     * A signal strategy (tier 2, DESIGN.md), run with {@code StrategyInput.signals}.
     *
     * @param name    the config name, e.g. {@code pair_trading}
     * @param markets the markets it can trade (e.g. only usdm for a strategy that shorts)
     */
    record Signal(String name, SignalStrategy strategy, Set<Market> markets) implements ConfiguredStrategy {
        public Signal {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(strategy, "strategy");
            markets = Set.copyOf(markets);
            if (markets.isEmpty()) {
                throw new IllegalArgumentException("strategy " + name + " must trade in at least one market");
            }
        }

        /** The strategy for a run in {@code market}; an error naming the config key when it cannot trade there. */
        public SignalStrategy forMarket(Market market) {
            if (!markets.contains(market)) {
                throw new IllegalArgumentException("config key `market` must be "
                        + String.join(" or ", markets.stream().map(m -> m.name().toLowerCase(Locale.ROOT)).sorted().toList())
                        + " for strategy " + name + ", got " + market.name().toLowerCase(Locale.ROOT));
            }
            return strategy;
        }
    }
}
