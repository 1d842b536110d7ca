package io.quantlake.config;

import io.quantlake.factorspec.FactorRef;
import io.quantlake.strategy.ConfiguredStrategy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The {@code strategy} section bound: the name and params as written (for errors, sweeps and the {@code runs}
 * table), the exit chain of {@code strategy.exits} ({@link ExitChainBinder}) and the strategy its binder
 * ({@link StrategyRegistry#binder}) built from them, once, with that chain attached.
 *
 * @param node   the {@code strategy} mapping (for errors on {@code strategy.name}; holds {@code exits})
 * @param name   the strategy name, e.g. {@code market_neutral}, or the class of {@code strategy.class}
 * @param params the {@code strategy.params} mapping (empty when absent)
 * @param built  the strategy, built once, the exit chain attached
 * @param exits  the bound {@code strategy.exits} ({@link ExitChain#NONE} when absent); {@code Backtest} adds the
 *               panel features it reads ({@link ExitChain#withFeatures})
 */
public record StrategyConfig(ConfigNode node, String name, ConfigNode params, ConfiguredStrategy built,
                             ExitChain exits) {
    public StrategyConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(built, "built");
        Objects.requireNonNull(exits, "exits");
    }

    /**
     * The factors the run reads from its panel, each once: the weight strategy's
     * ({@link io.quantlake.strategy.WeightStrategy#requiredFactors}), then the exit chain's. The Spark side computes
     * them over the lake and attaches them to the panel before the run.
     */
    public List<FactorRef> requiredFactors() {
        LinkedHashSet<FactorRef> out = new LinkedHashSet<>();
        if (built instanceof ConfiguredStrategy.Weight w) {
            out.addAll(w.strategy().requiredFactors());
        }
        out.addAll(exits.factors());
        return List.copyOf(out);
    }
}
