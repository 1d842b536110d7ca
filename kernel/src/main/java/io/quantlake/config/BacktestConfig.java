package io.quantlake.config;

import io.quantlake.sim.ExecutionPrice;
import io.quantlake.sim.FundingMissing;
import io.quantlake.sim.RebalanceMode;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One backtest's configuration (CLI.md "Configuration", SIMULATION.md R1), bound strictly from YAML:
 * market, interval, universe, start, end, capital and strategy are required; every other section
 * has the CLI.md defaults; an unknown key anywhere is an error naming it, the file and the accepted
 * keys.
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
 * @param rebalance target or band_edge (default target)
 * @param strategy  the strategy name and its unvalidated params (see StrategyRegistry)
 * @param origin    where the config came from, e.g. {@code file conf/mn.yaml}
 * @param rawYaml   the exact text, for the {@code runs} table's {@code config} column
 * @param portfolio the optional risk-manager keys of {@code risk}, {@code sizing} and {@code hedge}
 *                  ({@link PortfolioSections#NONE} when absent)
 */
public record BacktestConfig(Market market, Interval interval, List<String> universe, Instant start, Instant end,
                             double capital, ExecutionPrice execution, Costs costs, RiskLimits risk,
                             FundingMissing funding, RebalanceMode rebalance, StrategyConfig strategy,
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
     * This config with {@code strategy} in place of its strategy; every other field, the portfolio sections
     * included, is kept (a sweep's parameter set is the base config with other params), and so is the base's
     * {@code strategy.exits} when {@code strategy} has none.
     */
    public BacktestConfig withStrategy(StrategyConfig strategy) {
        return new BacktestConfig(market, interval, universe, start, end, capital, execution, costs, risk, funding,
                rebalance, strategy.withExitsOf(this.strategy), origin, rawYaml, portfolio);
    }

    /** Loads and binds a YAML file; every error is a {@link ConfigException} naming the file. */
    public static BacktestConfig load(Path file) {
        return ConfigLoader.load(file, BacktestConfig::bind);
    }

    /** Binds a loaded document (see {@link ConfigLoader#parse} for text held in memory). */
    public static BacktestConfig bind(ConfigDocument doc) {
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
        return new BacktestConfig(market, interval, universe, start, end, capital,
                execution.choice("price", ExecutionPrice.NEXT_OPEN), Costs.bind(root.objectOrEmpty("costs")),
                RiskLimits.bind(root.objectOrEmpty("risk")), funding.choice("missing", FundingMissing.ERROR),
                rebalance.choice("to", RebalanceMode.TARGET), StrategyConfig.bind(root.object("strategy")),
                doc.origin(), doc.text(), PortfolioSections.bind(root, universe));
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
