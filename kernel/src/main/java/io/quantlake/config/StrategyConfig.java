package io.quantlake.config;

import java.util.Map;
import java.util.Objects;

/**
 * {@code strategy: {name, params}} as written; the strategy registry validates the name and the
 * params and builds the strategy (io.quantlake.strategy.reference.StrategyRegistry).
 *
 * @param node   the {@code strategy} mapping (for errors on {@code strategy.name})
 * @param name   the strategy name, e.g. {@code market_neutral}
 * @param params the {@code strategy.params} mapping (empty when absent)
 */
public record StrategyConfig(ConfigNode node, String name, ConfigNode params) {
    public StrategyConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
    }

    /** Binds {@code strategy}: name required, params optional. */
    public static StrategyConfig bind(ConfigNode node) {
        node.allowOnly("name", "params");
        return new StrategyConfig(node, node.string("name"), node.objectOrEmpty("params"));
    }

    /** A strategy configured in code (notebooks, sweeps); errors name {@code origin}. */
    public static StrategyConfig of(String name, Map<String, ?> params, String origin) {
        ConfigNode node = ConfigNode.of(Map.of("name", name, "params", params), "strategy", origin);
        return new StrategyConfig(node, name, ConfigNode.of(params, "strategy.params", origin));
    }
}
