package io.quantlake.config;

import io.quantlake.strategy.ConfiguredStrategy;
import java.util.Objects;

/**
 * The {@code strategy} section bound: the name and params as written (for errors, sweeps and the {@code runs}
 * table) and the strategy its binder ({@link StrategyRegistry#binder}) built from them, once.
 *
 * @param node   the {@code strategy} mapping (for errors on {@code strategy.name})
 * @param name   the strategy name, e.g. {@code market_neutral}
 * @param params the {@code strategy.params} mapping (empty when absent)
 * @param built  the strategy, built once
 */
public record StrategyConfig(ConfigNode node, String name, ConfigNode params, ConfiguredStrategy built) {
    public StrategyConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(built, "built");
    }
}
