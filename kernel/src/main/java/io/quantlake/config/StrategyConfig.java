package io.quantlake.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code strategy: {name, params, exits}} as written; the strategy registry validates the name, the
 * params and the exit chain ({@code exits}, io.quantlake.strategy.reference.ExitChainConfig, read from
 * {@code node}) and builds the strategy (io.quantlake.strategy.reference.StrategyRegistry).
 *
 * @param node   the {@code strategy} mapping (for errors on {@code strategy.name}; holds {@code exits})
 * @param name   the strategy name, e.g. {@code market_neutral}
 * @param params the {@code strategy.params} mapping (empty when absent)
 */
public record StrategyConfig(ConfigNode node, String name, ConfigNode params) {
    public StrategyConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
    }

    /** Binds {@code strategy}: name required, params and exits (ExitChainConfig) optional. */
    public static StrategyConfig bind(ConfigNode node) {
        node.allowOnly("name", "params", "exits");
        return new StrategyConfig(node, node.string("name"), node.objectOrEmpty("params"));
    }

    /** A strategy configured in code (notebooks, sweeps); errors name {@code origin}. */
    public static StrategyConfig of(String name, Map<String, ?> params, String origin) {
        ConfigNode node = ConfigNode.of(Map.of("name", name, "params", params), "strategy", origin);
        return new StrategyConfig(node, name, ConfigNode.of(params, "strategy.params", origin));
    }

    /**
     * This strategy with {@code base}'s {@code exits} when it has none of its own (a sweep's parameter set
     * keeps the base config's exit chain); errors on the exits still name {@code strategy.exits}.
     */
    public StrategyConfig withExitsOf(StrategyConfig base) {
        if (node.has("exits") || !base.node().has("exits")) {
            return this;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("params", params.json());
        m.put("exits", base.node().require("exits"));
        return new StrategyConfig(ConfigNode.of(m, node.path(), node.origin()), name, params);
    }
}
