package io.quantlake.strategy.reference;

import io.quantlake.strategy.LegacyStrategy;
import io.quantlake.strategy.WeightStrategy;
import java.util.Objects;

/** What {@link StrategyRegistry} builds from a config: a weight strategy or a legacy one with its capacity. */
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
}
