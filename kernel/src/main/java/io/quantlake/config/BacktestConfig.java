package io.quantlake.config;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.sim.ExecutionPrice;
import io.quantlake.sim.FundingMissing;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.SymbolFilter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One backtest, resolved (CLI.md "Configuration", SIMULATION.md R1): the YAML is bound once into this immutable
 * value, and every consumer — {@code Backtest}, the lake run, the sweep, the nightly orders — reads it instead of
 * the YAML. Binding is strict: market, interval, universe, start, end, capital and strategy are required; every
 * other section has the CLI.md defaults; an unknown key anywhere is an error naming it, the file and the accepted
 * keys. The strategy is built here, once ({@link StrategyConfig#built()}, with the exit chain of
 * {@code strategy.exits} attached, {@link ExitChainBinder}), and the rebalance rule is one value
 * ({@link RebalanceRule}: the strategy's {@code band} and {@code schedule} with {@code rebalance.to}) that
 * {@link #simConfig} hands to the kernel.
 *
 * @param market    spot or usdm
 * @param interval  bar interval of the grid
 * @param universe  symbols in universe order (distinct)
 * @param start     first instant of the window, inclusive (a date means 00:00 UTC)
 * @param end       end of the window, exclusive; after {@code start}
 * @param capital   initial cash in USDT, > 0
 * @param execution fill timing (default next_open)
 * @param costs     fees and slippage in bps (default 0)
 * @param risk      leverage cap, maintenance margin, circuit breaker
 * @param funding   missing-funding policy (default error)
 * @param rebalance the rebalance rule: {@code strategy.params.band}, the {@code threshold} schedule and
 *                  {@code rebalance.to} (target or band_edge, default target)
 * @param strategy  the strategy name and params as written, and the strategy built from them
 * @param origin    where the config came from, e.g. {@code file conf/mn.yaml}
 * @param rawYaml   the exact text, for the {@code runs} table's {@code config} column
 * @param portfolio the optional risk-manager keys of {@code risk}, {@code sizing} and {@code hedge}
 *                  ({@link PortfolioSections#NONE} when absent)
 */
public record BacktestConfig(Market market, Interval interval, List<String> universe, Instant start, Instant end,
                             double capital, ExecutionPrice execution, Costs costs, RiskLimits risk,
                             FundingMissing funding, RebalanceRule rebalance, StrategyConfig strategy,
                             String origin, String rawYaml, PortfolioSections portfolio) {
    /** Top-level keys in CLI.md order, then the portfolio sections. */
    public static final String[] KEYS = {"market", "interval", "universe", "start", "end", "capital", "execution",
        "costs", "risk", "funding", "rebalance", "strategy", "sizing", "hedge"};
    /** Keys R1 requires. */
    public static final String[] REQUIRED = {"market", "interval", "universe", "start", "end", "capital", "strategy"};

    public BacktestConfig {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(interval, "interval");
        universe = List.copyOf(universe);
        if (universe.isEmpty()) {
            throw new IllegalArgumentException("universe must not be empty");
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start " + start + " must be before end " + end);
        }
        if (!(capital > 0) || !Double.isFinite(capital)) {
            throw new IllegalArgumentException("capital must be > 0, got " + capital);
        }
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(funding, "funding");
        Objects.requireNonNull(rebalance, "rebalance");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rawYaml, "rawYaml");
        Objects.requireNonNull(portfolio, "portfolio");
    }

    /**
     * This config with the strategy {@code name} of {@code params} ({@code strategy: {name, params}} configured in
     * code), bound by {@code registry}: the strategy and the band/schedule of the rebalance rule are the new ones,
     * every other field ({@code rebalance.to}, the portfolio sections and the base's {@code strategy.exits}
     * included) is kept. Errors name {@code origin}; an error on the kept exits (a weight strategy) names
     * {@code strategy.exits} of the base.
     */
    public BacktestConfig withStrategy(StrategyRegistry registry, String name, Map<String, ?> params, String origin) {
        return rebind(registry, ConfigNode.of(Map.of("name", name, "params", params), "strategy", origin));
    }

    /**
     * This config's strategy (the same {@code name} or {@code class}, and the same other keys of its
     * {@code strategy} section) with other {@code params}, as {@link #withStrategy}: a sweep's parameter set is the
     * base config with other params.
     */
    public BacktestConfig withParams(StrategyRegistry registry, Map<String, ?> params, String origin) {
        Map<String, Object> section = new LinkedHashMap<>();
        for (String key : strategy.node().keys()) {
            if (!key.equals("exits")) { // kept bound (strategy.exits()), named in errors by the base
                section.put(key, strategy.node().json().get(key));
            }
        }
        section.put("params", params);
        return rebind(registry, ConfigNode.of(section, "strategy", origin));
    }

    private BacktestConfig rebind(StrategyRegistry registry, ConfigNode node) {
        StrategyBinder.Bound bound = registry.bind(node);
        String name = StrategyRegistry.reference(node);
        ExitChain exits = strategy.exits();
        return new BacktestConfig(market, interval, universe, start, end, capital, execution, costs, risk, funding,
                bound.rule().withTo(rebalance.to()),
                new StrategyConfig(node, name, node.objectOrEmpty("params"), exits.attach(bound.strategy(), name),
                        exits), this.origin, rawYaml, portfolio);
    }

    /** Loads and binds a YAML file with {@link StrategyRegistry#all()}; every error is a {@link ConfigException} naming the file. */
    public static BacktestConfig load(Path file) {
        return ConfigLoader.load(file, BacktestConfig::bind);
    }

    /** Binds a loaded document with {@link StrategyRegistry#all()} (see {@link ConfigLoader#parse} for text held in memory). */
    public static BacktestConfig bind(ConfigDocument doc) {
        return bind(doc, StrategyRegistry.all());
    }

    /** Binds a loaded document, the strategy with {@code registry} (user strategies too). */
    public static BacktestConfig bind(ConfigDocument doc, StrategyRegistry registry) {
        ConfigNode root = doc.root();
        root.allowOnly(KEYS);
        root.requireAll(REQUIRED);
        Market market = bindMarket(root);
        Interval interval = root.interval("interval");
        List<String> universe = root.stringList("universe");
        Instant start = root.instant("start");
        Instant end = root.instant("end");
        if (!start.isBefore(end)) {
            throw root.invalid("end", "after start " + start, root.require("end"));
        }
        double capital = root.number("capital", Range.above(0));

        ConfigNode execution = root.objectOrEmpty("execution");
        execution.allowOnly("price");
        ConfigNode funding = root.objectOrEmpty("funding");
        funding.allowOnly("missing");
        ConfigNode rebalance = root.objectOrEmpty("rebalance");
        rebalance.allowOnly("to");
        ExecutionPrice price = execution.choice("price", ExecutionPrice.NEXT_OPEN);
        Costs costs = Costs.bind(root.objectOrEmpty("costs"));
        RiskLimits risk = RiskLimits.bind(root.objectOrEmpty("risk"));
        FundingMissing missing = funding.choice("missing", FundingMissing.ERROR);
        RebalanceMode to = rebalance.choice("to", RebalanceMode.TARGET);
        ConfigNode section = root.object("strategy");
        StrategyBinder.Bound bound = registry.bind(section);
        String name = StrategyRegistry.reference(section);
        ConfigNode params = section.objectOrEmpty("params");
        ExitChain exits = ExitChainBinder.bind(section);
        return new BacktestConfig(market, interval, universe, start, end, capital, price, costs, risk, missing,
                bound.rule().withTo(to),
                new StrategyConfig(section, name, params, exits.attach(bound.strategy(), name), exits),
                doc.origin(), doc.text(), PortfolioSections.bind(root, universe));
    }

    /**
     * The kernel configuration of this backtest (SIMULATION.md defaults where the file is silent), the rebalance
     * rule included.
     *
     * @param funding per-symbol funding records (usdm), empty for spot
     * @param filters per-symbol exchange filters where known (lot step, min notional), else empty
     */
    public SimConfig simConfig(Map<String, FundingSchedule> funding, Map<String, SymbolFilter> filters) {
        SimConfig.Builder b = SimConfig.builder(market, capital)
                .executionPrice(execution)
                .costs(costs.takerBps(), costs.makerBps(), costs.slippageBps())
                .maxLeverage(risk.maxLeverage())
                .maintenanceMargin(risk.maintenanceMargin())
                .fundingMissing(this.funding)
                .rebalance(rebalance)
                .funding(funding)
                .filters(filters);
        risk.breaker().ifPresent(b::circuitBreaker);
        return b.build();
    }

    /** {@link #start} in UTC epoch milliseconds. */
    public long startMs() {
        return start.toEpochMilli();
    }

    /** {@link #end} (exclusive) in UTC epoch milliseconds. */
    public long endMs() {
        return end.toEpochMilli();
    }

    private static Market bindMarket(ConfigNode root) {
        String code = root.choice("market", "spot", "usdm");
        return Market.parse(code);
    }
}
