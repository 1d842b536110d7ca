package io.quantlake.strategy.reference;

import io.quantlake.config.ConfigNode;
import io.quantlake.config.Range;
import io.quantlake.config.StrategyConfig;
import io.quantlake.market.Market;
import io.quantlake.strategy.pairs.PairTradingConfig;
import io.quantlake.strategy.pairs.PairTradingStrategy;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.quant.QuantConfigs;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Strategy name → factory from {@code strategy.params}. Each factory validates every param (errors
 * name the key path and the file, e.g. "config key `strategy.params.band` must be in [0, 1), got 1.5
 * (file conf/mn.yaml)") and rejects unknown params with the list of accepted ones.
 * {@link #standard()} holds CLI.md's reference strategies; {@link #with} adds more. Immutable.
 */
public final class StrategyRegistry {
    /** Builds a strategy from its params mapping ({@code strategy.params}). */
    @FunctionalInterface
    public interface Factory {
        ConfiguredStrategy create(ConfigNode params);
    }

    private static final Range BAND = Range.closedOpen(0, 1);
    private static final Range RATIO = Range.atLeast(0);
    private static final StrategyRegistry STANDARD = new StrategyRegistry(Map.of())
            .with("monthly_rebalance", StrategyRegistry::monthlyRebalance)
            .with("inverse_vol", StrategyRegistry::inverseVol)
            .with("market_neutral", StrategyRegistry::marketNeutral)
            .with("sma_cross_tpsl", StrategyRegistry::smaCrossTpsl);
    private static final StrategyRegistry ALL = STANDARD
            .with("risk_parity", QuantConfigs::riskParity)
            .with("factor", QuantConfigs::factor)
            .with("market_neutral_beta", QuantConfigs::marketNeutralBeta)
            .with("pair_trading", StrategyRegistry::pairTrading);

    private final Map<String, Factory> factories;

    private StrategyRegistry(Map<String, Factory> factories) {
        this.factories = Collections.unmodifiableMap(new LinkedHashMap<>(factories));
    }

    /** CLI.md's reference strategies: monthly_rebalance, inverse_vol, market_neutral, sma_cross_tpsl. */
    public static StrategyRegistry standard() {
        return STANDARD;
    }

    /**
     * Every strategy the project ships: {@link #standard()} plus the quant strategies {@code risk_parity},
     * {@code factor} and {@code market_neutral_beta} (io.quantlake.strategy.quant.QuantConfigs documents
     * their params) and the signal strategy {@code pair_trading} (io.quantlake.strategy.pairs). Use this for configs; {@code standard()} stays CLI.md's reference set.
     */
    public static StrategyRegistry all() {
        return ALL;
    }

    /** A registry with one more (or a replaced) strategy. */
    public StrategyRegistry with(String name, Factory factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        Map<String, Factory> m = new LinkedHashMap<>(factories);
        m.put(name, factory);
        return new StrategyRegistry(m);
    }

    /** Registered names in registration order. */
    public Set<String> names() {
        return factories.keySet();
    }

    /**
     * Builds the configured strategy with the config's exit chain ({@link ExitChainConfig}); an unknown name
     * is an error on {@code strategy.name}.
     */
    public ConfiguredStrategy create(StrategyConfig config) {
        Factory f = factories.get(config.name());
        if (f == null) {
            throw config.node().invalid("name", "one of " + String.join(", ", factories.keySet()),
                    config.node().require("name"));
        }
        return ExitChainConfig.bind(config).attach(f.create(config.params()), config); // strategy.exits
    }

    private static ConfiguredStrategy monthlyRebalance(ConfigNode p) {
        p.allowOnly("target_weights", "day", "band");
        return new ConfiguredStrategy.Weight(new MonthlyRebalanceStrategy(p.numberMap("target_weights", Range.finite()),
                p.integer("day", 1, 31, 1), p.number("band", BAND, 0.01)));
    }

    private static ConfiguredStrategy inverseVol(ConfigNode p) {
        p.allowOnly("lookback", "schedule", "band");
        return new ConfiguredStrategy.Weight(new InverseVolStrategy(p.integer("lookback", 2, Integer.MAX_VALUE),
                RebalanceSchedule.bind(p, "schedule"), p.number("band", BAND, 0)));
    }

    /**
     * CLI.md's params, plus {@code top_quantile}/{@code bottom_quantile} (fractions of the valid
     * symbols) as an alternative to the counts {@code top}/{@code bottom}; {@code skip} defaults to 0.
     */
    private static ConfiguredStrategy marketNeutral(ConfigNode p) {
        p.allowOnly("lookback", "skip", "top", "bottom", "top_quantile", "bottom_quantile", "long_ratio",
                "short_ratio", "schedule", "band");
        int lookback = p.integer("lookback", 1, Integer.MAX_VALUE);
        int skip = p.integer("skip", 0, lookback - 1, 0);
        Selection selection;
        boolean quantiles = p.has("top_quantile") || p.has("bottom_quantile");
        if (quantiles) {
            if (p.has("top") || p.has("bottom")) {
                throw p.invalid(p.has("top") ? "top" : "bottom", "absent when top_quantile/bottom_quantile are given",
                        p.require(p.has("top") ? "top" : "bottom"));
            }
            double top = p.number("top_quantile", Range.closed(0, 1), 0);
            double bottom = p.number("bottom_quantile", Range.closed(0, 1), 0);
            if (!(top + bottom > 0 && top + bottom <= 1)) {
                throw p.invalid("top_quantile", "such that 0 < top_quantile + bottom_quantile <= 1",
                        top + " + " + bottom);
            }
            selection = new Selection.Quantiles(top, bottom);
        } else {
            int top = p.integer("top", 0, Integer.MAX_VALUE);
            int bottom = p.integer("bottom", 0, Integer.MAX_VALUE);
            if (top + bottom == 0) {
                throw p.invalid("top", "such that top + bottom >= 1", "top=0, bottom=0");
            }
            selection = new Selection.Counts(top, bottom);
        }
        return new ConfiguredStrategy.Weight(new MarketNeutralStrategy(new MomentumScore(lookback, skip), selection,
                p.number("long_ratio", RATIO), p.number("short_ratio", RATIO), RebalanceSchedule.bind(p, "schedule"),
                p.number("band", BAND, 0)));
    }

    private static ConfiguredStrategy smaCrossTpsl(ConfigNode p) {
        p.allowOnly("fast", "slow", "take_profit", "stop_loss", "max_positions");
        SmaCrossTpslStrategy s = new SmaCrossTpslStrategy(p.integer("fast", 1, Integer.MAX_VALUE),
                p.integer("slow", 1, Integer.MAX_VALUE), p.number("take_profit", Range.above(0)),
                p.number("stop_loss", Range.open(0, 1)), p.integer("max_positions", 1, Integer.MAX_VALUE));
        return new ConfiguredStrategy.Legacy("sma_cross_tpsl", s, s.maxPositions());
    }

    /** {@link PairTradingStrategy}, usdm only (each trade shorts a leg); params in {@link PairTradingConfig}. */
    private static ConfiguredStrategy pairTrading(ConfigNode p) {
        return new ConfiguredStrategy.Signal("pair_trading", new PairTradingStrategy(PairTradingConfig.bind(p)),
                java.util.Set.of(Market.USDM));
    }
}
