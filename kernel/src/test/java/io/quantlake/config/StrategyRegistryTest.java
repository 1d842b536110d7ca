package io.quantlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.reference.InverseVolStrategy;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.MomentumScore;
import io.quantlake.strategy.reference.MonthlyRebalanceStrategy;
import io.quantlake.strategy.reference.Selection;
import io.quantlake.strategy.reference.SmaCrossTpslStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CLI.md "Reference strategies": params, defaults and errors of their binders, and the rebalance rule they bind. */
class StrategyRegistryTest {
    /** The config keys around a {@code strategy} section, for every binder test. */
    static final String HEAD = """
            market: usdm
            interval: 1d
            universe: [BTCUSDT, ETHUSDT, SOLUSDT, XRPUSDT]
            start: 2024-01-01
            end: 2024-09-01
            capital: 100000
            """;

    private static BacktestConfig bind(String strategyYaml) {
        return BacktestConfig.bind(ConfigLoader.parse(HEAD + strategyYaml, "file conf/mn.yaml"), StrategyRegistry.standard());
    }

    private static ConfiguredStrategy create(String strategyYaml) {
        return bind(strategyYaml).strategy().built();
    }

    private static String error(String strategyYaml) {
        return assertThrows(ConfigException.class, () -> create(strategyYaml)).getMessage();
    }

    @Test
    void monthlyRebalanceWithDefaults() {
        ConfiguredStrategy s = create("strategy: {name: monthly_rebalance, params: {target_weights: {BTCUSDT: 0.6, ETHUSDT: 0.4}}}\n");
        MonthlyRebalanceStrategy m = (MonthlyRebalanceStrategy) ((ConfiguredStrategy.Weight) s).strategy();
        assertEquals(Map.of("BTCUSDT", 0.6, "ETHUSDT", 0.4), m.targetWeights());
        assertEquals(1, m.day());
        assertEquals(new RebalanceRule(0.01, RebalanceMode.TARGET, false),
                bind("strategy: {name: monthly_rebalance, params: {target_weights: {BTCUSDT: 1}}}\n").rebalance());
        assertEquals("monthly_rebalance", s.name());
    }

    @Test
    void inverseVol() {
        ConfiguredStrategy s = create("strategy: {name: inverse_vol, params: {lookback: 20, schedule: {weekly: 1}}}\n");
        assertEquals(new InverseVolStrategy(20, new RebalanceSchedule.Weekly(1)), ((ConfiguredStrategy.Weight) s).strategy());
    }

    @Test
    void marketNeutralCliParamsGiveTheReferenceDefinition() {
        ConfiguredStrategy s = create("""
                strategy:
                  name: market_neutral
                  params: {lookback: 30, skip: 2, top: 1, bottom: 1, long_ratio: 1.0, short_ratio: 0.5,
                           schedule: {every: 5}}
                """);
        MarketNeutralStrategy m = (MarketNeutralStrategy) ((ConfiguredStrategy.Weight) s).strategy();
        assertEquals(MarketNeutralStrategy.momentum(30, 2, 1, 1, 1.0, 0.5, new RebalanceSchedule.Every(5)), m);
        BacktestConfig quantiles = bind("""
                rebalance: {to: band_edge}
                strategy:
                  name: market_neutral
                  params: {lookback: 30, top_quantile: 0.2, bottom_quantile: 0.2, long_ratio: 1, short_ratio: 1,
                           schedule: daily, band: 0.02}
                """);
        MarketNeutralStrategy q = (MarketNeutralStrategy) ((ConfiguredStrategy.Weight) quantiles.strategy().built())
                .strategy();
        assertEquals(new Selection.Quantiles(0.2, 0.2), q.selection());
        assertEquals(new MomentumScore(30, 0), q.score());
        assertEquals(new RebalanceRule(0.02, RebalanceMode.BAND_EDGE, false), quantiles.rebalance());
    }

    @Test
    void smaCrossTpslIsLegacyWithCapacity() {
        ConfiguredStrategy s = create("strategy: {name: sma_cross_tpsl, params: {fast: 10, slow: 30, take_profit: 0.1, "
                + "stop_loss: 0.05, max_positions: 3}}\n");
        ConfiguredStrategy.Legacy legacy = assertInstanceOf(ConfiguredStrategy.Legacy.class, s);
        assertEquals(3, legacy.maxPositions());
        SmaCrossTpslStrategy sma = (SmaCrossTpslStrategy) legacy.strategy();
        assertEquals(31, sma.warmupBars());
        assertEquals(List.of(10, 30, 0.1, 0.05), List.of(sma.fast(), sma.slow(), sma.takeProfit(), sma.stopLoss()));
    }

    @Test
    void paramErrorsNameKeyFileAndValue() {
        assertEquals("config key `strategy.params.band` must be in [0, 1), got 1.5 (file conf/mn.yaml)",
                error("strategy: {name: inverse_vol, params: {lookback: 20, schedule: daily, band: 1.5}}\n"));
        assertEquals("config key `strategy.params.band` must be a number in [0, 1), got \"wide\" (file conf/mn.yaml)",
                error("strategy: {name: inverse_vol, params: {lookback: 20, schedule: daily, band: wide}}\n"));
        assertEquals("unknown config key `strategy.params.band` (file conf/mn.yaml); accepted keys: fast, slow, "
                + "take_profit, stop_loss, max_positions",
                error("strategy: {name: sma_cross_tpsl, params: {fast: 10, slow: 30, take_profit: 0.1, stop_loss: 0.05, "
                        + "max_positions: 3, band: 0.1}}\n"));
        assertEquals("unknown config key `strategy.params.lookbak` (file conf/mn.yaml); accepted keys: lookback, "
                + "schedule, band", error("strategy: {name: inverse_vol, params: {lookbak: 20, schedule: daily}}\n"));
        assertEquals("config key `strategy.params.lookback` is required (file conf/mn.yaml)",
                error("strategy: {name: inverse_vol, params: {schedule: daily}}\n"));
        assertEquals("config key `strategy.params.lookback` must be an integer >= 2, got 1 (file conf/mn.yaml)",
                error("strategy: {name: inverse_vol, params: {lookback: 1, schedule: daily}}\n"));
        assertEquals("config key `strategy.params.schedule` must be one of every_bar, daily, threshold, {every: N}, "
                + "{weekly: D}, {monthly: D}, got \"weekly\" (file conf/mn.yaml)",
                error("strategy: {name: inverse_vol, params: {lookback: 20, schedule: weekly}}\n"));
        assertEquals("config key `strategy.params.stop_loss` must be in (0, 1), got 1 (file conf/mn.yaml)",
                error("strategy: {name: sma_cross_tpsl, params: {fast: 10, slow: 30, take_profit: 0.1, stop_loss: 1, "
                        + "max_positions: 3}}\n"));
        assertEquals("config key `strategy.params.skip` must be an integer in [0, 9], got 10 (file conf/mn.yaml)",
                error("strategy: {name: market_neutral, params: {lookback: 10, skip: 10, top: 1, bottom: 1, "
                        + "long_ratio: 1, short_ratio: 1, schedule: daily}}\n"));
        assertEquals("config key `strategy.params.target_weights.BTCUSDT` must be a number, got \"half\" "
                + "(file conf/mn.yaml)",
                error("strategy: {name: monthly_rebalance, params: {target_weights: {BTCUSDT: half}}}\n"));
    }

    @Test
    void unknownStrategyNameListsTheRegisteredOnes() {
        assertEquals("config key `strategy.name` must be one of monthly_rebalance, inverse_vol, market_neutral, "
                + "sma_cross_tpsl, got \"momentum\" (file conf/mn.yaml)", error("strategy: {name: momentum}\n"));
    }

    @Test
    void registryIsExtensibleAndWorksWithParamsInCode() {
        StrategyRegistry r = StrategyRegistry.standard().with("equal_weight",
                p -> {
                    p.allowOnly();
                    return new StrategyBinder.Bound(new ConfiguredStrategy.Weight(new MonthlyRebalanceStrategy(Map.of(), 1)),
                            RebalanceRule.NONE);
                });
        assertEquals(List.of("monthly_rebalance", "inverse_vol", "market_neutral", "sma_cross_tpsl",
                "equal_weight"),
                List.copyOf(r.names()));
        BacktestConfig base = bind("rebalance: {to: band_edge}\nstrategy: {name: inverse_vol, params: {lookback: 20, "
                + "schedule: daily, band: 0.1}}\n");
        BacktestConfig c = base.withStrategy(r, "inverse_vol", Map.of("lookback", 5, "schedule", "threshold"),
                "notebook sweep.ipynb");
        assertEquals(new InverseVolStrategy(5, new RebalanceSchedule.Threshold()),
                ((ConfiguredStrategy.Weight) c.strategy().built()).strategy());
        // the new params' band (default 0) and threshold schedule, the base's rebalance.to
        assertEquals(new RebalanceRule(0, RebalanceMode.BAND_EDGE, true), c.rebalance());
        assertEquals(base.origin(), c.origin());
        assertEquals("config key `strategy.params.band` must be in [0, 1), got -0.1 (notebook sweep.ipynb)",
                assertThrows(ConfigException.class, () -> base.withStrategy(r, "inverse_vol",
                        Map.of("lookback", 5, "schedule", "daily", "band", -0.1), "notebook sweep.ipynb")).getMessage());
    }

    @Test
    void theStrategyIsBuiltOnceAtBindAndReusedByEveryRun() {
        int[] builds = {0};
        StrategyRegistry counting = StrategyRegistry.standard().with("counted", p -> {
            builds[0]++;
            return StrategyRegistry.standard().binder(p, "monthly_rebalance").bind(p);
        });
        BacktestConfig c = BacktestConfig.bind(ConfigLoader.parse(HEAD.replace("usdm", "spot")
                + "strategy: {name: counted, params: {target_weights: {BTCUSDT: 1}}}\n", "file conf/c.yaml"), counting);
        assertEquals(1, builds[0]);
        io.quantlake.panel.Panel panel = io.quantlake.sim.Fixtures.flat(io.quantlake.sim.Fixtures.daily(
                "BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"), "BTCUSDT", 0, 10, 11, 12).build();
        io.quantlake.backtest.BacktestOutcome first = io.quantlake.backtest.Backtest.run(panel, c, Map.of(), Map.of());
        io.quantlake.backtest.BacktestOutcome second = io.quantlake.backtest.Backtest.run(panel, c, Map.of(), Map.of());
        assertEquals(1, builds[0], "Backtest.run reuses the bound strategy");
        assertEquals(first.result().ledger().events(), second.result().ledger().events());
    }
}
