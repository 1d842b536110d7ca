package io.quantlake.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Strategy name → its {@link StrategyBinder}. Each binder validates every param (errors name the key path and
 * the file, e.g. "config key `strategy.params.band` must be in [0, 1), got 1.5 (file conf/mn.yaml)") and rejects
 * unknown params with the list of accepted ones. {@link #standard()} holds CLI.md's reference strategies;
 * {@link #with} adds more. Immutable.
 */
public final class StrategyRegistry {
    private static final StrategyRegistry STANDARD = new StrategyRegistry(Map.of())
            .with("monthly_rebalance", new MonthlyRebalanceBinder())
            .with("inverse_vol", new InverseVolBinder())
            .with("market_neutral", new MarketNeutralBinder())
            .with("sma_cross_tpsl", new SmaCrossTpslBinder());
    private static final StrategyRegistry ALL = STANDARD
            .with("risk_parity", new RiskParityBinder())
            .with("factor", new FactorBinder())
            .with("market_neutral_beta", new MarketNeutralBetaBinder())
            .with("pair_trading", new PairTradingBinder());

    private final Map<String, StrategyBinder> binders;

    private StrategyRegistry(Map<String, StrategyBinder> binders) {
        this.binders = Collections.unmodifiableMap(new LinkedHashMap<>(binders));
    }

    /** CLI.md's reference strategies: monthly_rebalance, inverse_vol, market_neutral, sma_cross_tpsl. */
    public static StrategyRegistry standard() {
        return STANDARD;
    }

    /**
     * Every strategy the project ships: {@link #standard()} plus the quant strategies {@code risk_parity},
     * {@code factor} and {@code market_neutral_beta} and the signal strategy {@code pair_trading}. Use this for
     * configs; {@code standard()} stays CLI.md's reference set.
     */
    public static StrategyRegistry all() {
        return ALL;
    }

    /** A registry with one more (or a replaced) strategy. */
    public StrategyRegistry with(String name, StrategyBinder binder) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(binder, "binder");
        Map<String, StrategyBinder> m = new LinkedHashMap<>(binders);
        m.put(name, binder);
        return new StrategyRegistry(m);
    }

    /** Registered names in registration order. */
    public Set<String> names() {
        return binders.keySet();
    }

    /**
     * Binds a {@code strategy} section: {@code name} (a registered strategy, its binder; keys {@code name},
     * {@code params}, {@code exits}) or {@code class} (a strategy class on the classpath,
     * {@link ClassStrategyBinder}), exactly one of the two. {@code exits} is bound by {@link ExitChainBinder}, not
     * here.
     */
    public StrategyBinder.Bound bind(ConfigNode section) {
        if (section.has("class")) {
            StrategyBinder.absentUnless(section, "name", "strategy.class is absent (a strategy is a registered "
                    + "name or a class, not both)");
            return ClassStrategyBinder.bind(section);
        }
        section.allowOnly("name", "params", "exits");
        if (!section.has("name")) {
            throw section.missing("name", " a registered strategy (" + String.join(", ", binders.keySet())
                    + ") or `class:` a strategy class on the classpath");
        }
        String name = section.string("name");
        return binder(section, name).bind(section.objectOrEmpty("params"));
    }

    /**
     * What a {@code strategy} section runs: its {@code class} when it names one, else its {@code name} (the
     * {@link StrategyConfig#name()} of the bound config).
     */
    public static String reference(ConfigNode section) {
        return section.has("class") ? section.string("class") : section.string("name");
    }

    /**
     * The binder of strategy {@code name}; {@code node} is the {@code strategy} section, for the error on an unknown
     * {@code strategy.name}, which lists the registered names.
     */
    public StrategyBinder binder(ConfigNode node, String name) {
        StrategyBinder binder = binders.get(name);
        if (binder == null) {
            throw node.invalid("name", "one of " + String.join(", ", binders.keySet()), node.require("name"));
        }
        return binder;
    }
}
