package io.quantlake.strategy.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.config.StrategyConfig;
import io.quantlake.schedule.RebalanceSchedule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CLI.md "Reference strategies": params, defaults and errors of the registry. */
class StrategyRegistryTest {
    private static final String HEAD = """
            market: usdm
            interval: 1d
            universe: [BTCUSDT, ETHUSDT, SOLUSDT, XRPUSDT]
            start: 2024-01-01
            end: 2024-09-01
            capital: 100000
            """;

    private static ConfiguredStrategy create(String strategyYaml) {
        BacktestConfig c = BacktestConfig.bind(ConfigLoader.parse(HEAD + strategyYaml, "file conf/mn.yaml"));
        return StrategyRegistry.standard().create(c.strategy());
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
        assertEquals(0.01, m.band());
        assertEquals("monthly_rebalance", s.name());
    }

    @Test
    void inverseVol() {
        ConfiguredStrategy s = create("strategy: {name: inverse_vol, params: {lookback: 20, schedule: {weekly: 1}}}\n");
        assertEquals(new InverseVolStrategy(20, new RebalanceSchedule.Weekly(1), 0), ((ConfiguredStrategy.Weight) s).strategy());
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
        assertEquals(MarketNeutralStrategy.momentum(30, 2, 1, 1, 1.0, 0.5, new RebalanceSchedule.Every(5), 0), m);
        MarketNeutralStrategy q = (MarketNeutralStrategy) ((ConfiguredStrategy.Weight) create("""
                strategy:
                  name: market_neutral
                  params: {lookback: 30, top_quantile: 0.2, bottom_quantile: 0.2, long_ratio: 1, short_ratio: 1,
                           schedule: daily, band: 0.02}
                """)).strategy();
        assertEquals(new Selection.Quantiles(0.2, 0.2), q.selection());
        assertEquals(new MomentumScore(30, 0), q.score());
        assertEquals(0.02, q.band());
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
                    return new ConfiguredStrategy.Weight(new MonthlyRebalanceStrategy(Map.of(), 1, 0));
                });
        assertEquals(List.of("monthly_rebalance", "inverse_vol", "market_neutral", "sma_cross_tpsl",
                "equal_weight"),
                List.copyOf(r.names()));
        ConfiguredStrategy s = r.create(StrategyConfig.of("inverse_vol",
                Map.of("lookback", 5, "schedule", Map.of("monthly", 1)), "notebook sweep.ipynb"));
        assertEquals(new InverseVolStrategy(5, new RebalanceSchedule.Monthly(1), 0), ((ConfiguredStrategy.Weight) s).strategy());
        assertEquals("config key `strategy.params.band` must be in [0, 1), got -0.1 (notebook sweep.ipynb)",
                assertThrows(ConfigException.class, () -> r.create(StrategyConfig.of("inverse_vol",
                        Map.of("lookback", 5, "schedule", "daily", "band", -0.1), "notebook sweep.ipynb"))).getMessage());
    }
}
