package io.quantlake.sim;

import io.quantlake.market.Market;
import io.quantlake.schedule.RebalanceRule;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolved configuration of the simulation kernel (SIMULATION.md, CLI.md "Configuration"):
 * everything the engine needs besides the panel and the strategy. Build it with
 * {@link #builder(Market, double)}; defaults follow CLI.md (next_open, costs 0, max_leverage 1,
 * maintenance_margin 0.005, funding.missing error, no band and rebalance.to target).
 *
 * @param market            spot (long only, cash rule) or usdm (leverage cap, liquidation, funding)
 * @param executionPrice    fill timing (§2)
 * @param capital           initial cash in USDT, &gt; 0
 * @param takerBps          market-order fee in basis points of notional, &gt;= 0
 * @param makerBps          limit-order (take-profit) fee in basis points, &gt;= 0
 * @param slippageBps       market-order slippage in basis points, &gt;= 0 (a buy fills at p(1+s), a sell at p(1-s))
 * @param maxLeverage       usdm gross-exposure cap as a multiple of equity, &gt; 0 (spot ignores it)
 * @param maintenanceMargin usdm liquidation threshold: liquidated when E &lt;= mm * G, in [0, 1)
 * @param fundingMissing    what a held usdm symbol without funding records does
 * @param fundingMark       the price funding is marked at (default the bar's close, §12.3/R4)
 * @param rebalance         weight path: how targets become trades (band, rebalance.to, threshold schedule)
 * @param circuitBreaker    the circuit breaker, or null for none
 * @param filters           per-symbol exchange filters (missing symbol = unknown filters)
 * @param funding           per-symbol funding records (usdm); a missing symbol has no records
 */
public record SimConfig(Market market, ExecutionPrice executionPrice, double capital, double takerBps,
                        double makerBps, double slippageBps, double maxLeverage, double maintenanceMargin,
                        FundingMissing fundingMissing, FundingMark fundingMark, RebalanceRule rebalance,
                        CircuitBreaker circuitBreaker, Map<String, SymbolFilter> filters,
                        Map<String, FundingSchedule> funding) {
    public SimConfig {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(executionPrice, "execution.price");
        Objects.requireNonNull(fundingMissing, "funding.missing");
        Objects.requireNonNull(fundingMark, "fundingMark");
        Objects.requireNonNull(rebalance, "rebalance");
        requireRange("capital", capital, 0, false, Double.MAX_VALUE);
        requireRange("costs.taker_bps", takerBps, 0, true, 1e4);
        requireRange("costs.maker_bps", makerBps, 0, true, 1e4);
        requireRange("costs.slippage_bps", slippageBps, 0, true, 1e4 - 1e-9);
        requireRange("risk.max_leverage", maxLeverage, 0, false, 1e6);
        if (!(maintenanceMargin >= 0 && maintenanceMargin < 1)) {
            throw new IllegalArgumentException("risk.maintenance_margin must be in [0, 1), got " + maintenanceMargin);
        }
        filters = Map.copyOf(Objects.requireNonNull(filters, "filters"));
        funding = Map.copyOf(Objects.requireNonNull(funding, "funding"));
    }

    private static void requireRange(String key, double v, double lo, boolean loInclusive, double hi) {
        boolean ok = (loInclusive ? v >= lo : v > lo) && v <= hi;
        if (!ok) {
            throw new IllegalArgumentException("config key " + key + " must be in " + (loInclusive ? "[" : "(") + lo
                    + ", " + hi + "], got " + v);
        }
    }

    /** The circuit breaker, if configured. */
    public Optional<CircuitBreaker> breaker() {
        return Optional.ofNullable(circuitBreaker);
    }

    /** The filter of {@code symbol}, {@link SymbolFilter#NONE} when unknown. */
    public SymbolFilter filter(String symbol) {
        return filters.getOrDefault(symbol, SymbolFilter.NONE);
    }

    /** This configuration with the rebalance rule {@code rule}. */
    public SimConfig withRebalance(RebalanceRule rule) {
        return toBuilder().rebalance(rule).build();
    }

    /** A builder with CLI.md's defaults. */
    public static Builder builder(Market market, double capital) {
        return new Builder(market, capital);
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder(market, capital);
        b.executionPrice = executionPrice;
        b.takerBps = takerBps;
        b.makerBps = makerBps;
        b.slippageBps = slippageBps;
        b.maxLeverage = maxLeverage;
        b.maintenanceMargin = maintenanceMargin;
        b.fundingMissing = fundingMissing;
        b.fundingMark = fundingMark;
        b.rebalance = rebalance;
        b.circuitBreaker = circuitBreaker;
        b.filters = filters;
        b.funding = funding;
        return b;
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final Market market;
        private final double capital;
        private ExecutionPrice executionPrice = ExecutionPrice.NEXT_OPEN;
        private double takerBps;
        private double makerBps;
        private double slippageBps;
        private double maxLeverage = 1;
        private double maintenanceMargin = 0.005;
        private FundingMissing fundingMissing = FundingMissing.ERROR;
        private FundingMark fundingMark = FundingMark.BAR_CLOSE;
        private RebalanceRule rebalance = RebalanceRule.NONE;
        private CircuitBreaker circuitBreaker;
        private Map<String, SymbolFilter> filters = Map.of();
        private Map<String, FundingSchedule> funding = Map.of();

        private Builder(Market market, double capital) {
            this.market = market;
            this.capital = capital;
        }

        public Builder executionPrice(ExecutionPrice v) {
            executionPrice = v;
            return this;
        }

        /** Taker fee, maker fee and slippage in basis points. */
        public Builder costs(double taker, double maker, double slippage) {
            takerBps = taker;
            makerBps = maker;
            slippageBps = slippage;
            return this;
        }

        public Builder maxLeverage(double v) {
            maxLeverage = v;
            return this;
        }

        public Builder maintenanceMargin(double v) {
            maintenanceMargin = v;
            return this;
        }

        public Builder fundingMissing(FundingMissing v) {
            fundingMissing = v;
            return this;
        }

        public Builder fundingMark(FundingMark v) {
            fundingMark = v;
            return this;
        }

        public Builder rebalance(RebalanceRule v) {
            rebalance = v;
            return this;
        }

        public Builder circuitBreaker(CircuitBreaker v) {
            circuitBreaker = v;
            return this;
        }

        public Builder filters(Map<String, SymbolFilter> v) {
            filters = v;
            return this;
        }

        public Builder funding(Map<String, FundingSchedule> v) {
            funding = v;
            return this;
        }

        public SimConfig build() {
            return new SimConfig(market, executionPrice, capital, takerBps, makerBps, slippageBps, maxLeverage,
                    maintenanceMargin, fundingMissing, fundingMark, rebalance, circuitBreaker, filters, funding);
        }
    }
}
