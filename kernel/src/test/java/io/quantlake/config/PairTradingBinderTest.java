package io.quantlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.pairs.KalmanHedge;
import io.quantlake.strategy.pairs.LegSizing;
import io.quantlake.strategy.pairs.OnBreak;
import io.quantlake.strategy.pairs.PairSpec;
import io.quantlake.strategy.pairs.PairTradingParams;
import io.quantlake.strategy.pairs.PairTradingStrategy;
import io.quantlake.strategy.pairs.PriceScale;
import io.quantlake.strategy.pairs.RollingOlsHedge;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The {@code pair_trading} params: defaults, validation messages, the demo config, the usdm-only rule. */
class PairTradingBinderTest {
    static PairTradingParams bind(String params) {
        String yaml = "market: usdm\ninterval: 1d\nuniverse: [AUSDT, BUSDT]\nstart: 2024-01-01\nend: 2024-06-01\n"
                + "capital: 1000\nstrategy:\n  name: pair_trading\n  params: " + params + "\n";
        BacktestConfig c = BacktestConfig.bind(ConfigLoader.parse(yaml, "file conf/pairs.yaml"));
        assertEquals(RebalanceRule.NONE, c.rebalance());
        return PairTradingBinder.params(c.strategy().params());
    }

    static String error(String params) {
        return assertThrows(ConfigException.class, () -> bind(params)).getMessage();
    }

    @Test
    void defaults() {
        PairTradingParams p = bind("{}");
        assertEquals(List.of(), p.pairs());
        assertEquals(1, p.topPairs());
        assertEquals(0.05, p.maxPValue());
        assertEquals(120, p.formationBars());
        assertEquals(PriceScale.LOG, p.price());
        assertEquals(new RollingOlsHedge(60), p.hedge());
        assertEquals(20, p.zLookback());
        assertEquals(2, p.entryZ());
        assertEquals(0, p.exitZ());
        assertEquals(4, p.stopZ());
        assertEquals(0, p.maxHoldingBars());
        assertEquals(LegSizing.DOLLAR_NEUTRAL, p.sizing());
        assertEquals(0.25, p.legWeight());
        assertEquals(20, p.retestBars());
        assertEquals(OnBreak.HOLD, p.onBreak());
    }

    @Test
    void everyKey() {
        PairTradingParams p = bind("{pairs: [AUSDT/BUSDT], max_pvalue: 0.1, formation_bars: 90, price: raw, hedge: kalman,"
                + " lookback: 10, delta: 0.001, ve: 0.01, z_lookback: 15, entry_z: 1.5, exit_z: 0.5, stop_z: 3,"
                + " max_holding_bars: 12, sizing: beta_neutral, leg_weight: 0.3, retest_bars: 0, on_break: close}");
        assertEquals(List.of(new PairSpec("AUSDT", "BUSDT")), p.pairs());
        assertEquals(1, p.topPairs());
        assertEquals(new KalmanHedge(0.001, 0.01, 10), p.hedge());
        assertEquals(PriceScale.RAW, p.price());
        assertEquals(LegSizing.BETA_NEUTRAL, p.sizing());
        assertEquals(OnBreak.CLOSE, p.onBreak());
        assertEquals(12, p.maxHoldingBars());
        assertEquals(0.5, p.exitZ());
    }

    @Test
    void errorsNameTheKeyTheAcceptedValuesAndTheFile() {
        assertEquals("config key `strategy.params.hedge` must be one of ols, kalman, got \"lsq\" (file conf/pairs.yaml)",
                error("{hedge: lsq}"));
        assertTrue(error("{exit_z: 2, entry_z: 2}").startsWith("config key `strategy.params.exit_z` must be"),
                error("{exit_z: 2, entry_z: 2}"));
        assertTrue(error("{stop_z: 1.5}").contains("strategy.params.stop_z"));
        assertTrue(error("{delta: 0.01}").contains("`strategy.params.delta` must be absent unless hedge: kalman"));
        assertTrue(error("{pairs: [AUSDT-BUSDT]}").contains("Y/X pairs"));
        assertTrue(error("{pairs: [AUSDT/BUSDT, CUSDT/AUSDT]}").contains("share no symbol"));
        assertTrue(error("{pairs: [AUSDT/BUSDT], top_pairs: 2}").contains("`strategy.params.top_pairs` must be an integer in [1, 1]"));
        assertTrue(error("{formation_bars: 29}").contains("integer >= 30"));
        assertTrue(error("{sizing: neutral}").contains("dollar_neutral, beta_neutral"));
        assertTrue(error("{leg_weigth: 0.2}").contains("leg_weigth"), error("{leg_weigth: 0.2}"));
        assertTrue(error("{leg_weigth: 0.2}").contains("file conf/pairs.yaml"));
    }

    @Test
    void registryBuildsAUsdmOnlySignalStrategy() {
        ConfigNode params = ConfigNode.of(Map.of("pairs", List.of("AUSDT/BUSDT")), "strategy.params", "test");
        ConfiguredStrategy s = StrategyRegistry.all().binder(params, "pair_trading").bind(params).strategy();
        ConfiguredStrategy.Signal sig = assertInstanceOf(ConfiguredStrategy.Signal.class, s);
        assertEquals("pair_trading", sig.name());
        assertInstanceOf(PairTradingStrategy.class, sig.forMarket(Market.USDM));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sig.forMarket(Market.SPOT));
        assertEquals("config key `market` must be usdm for strategy pair_trading, got spot", e.getMessage());
    }

    @Test
    void demoConfigBinds() {
        String root = System.getProperty("quantlake.root");
        Assumptions.assumeTrue(root != null, "system property quantlake.root (the project root) is not set; run under Maven");
        BacktestConfig c = BacktestConfig.load(Path.of(root, "datasets", "configs", "pair_trading.yaml"));
        assertEquals(Market.USDM, c.market());
        PairTradingParams p = PairTradingBinder.params(c.strategy().params());
        assertEquals(250, p.formationBars());
        assertEquals(new RollingOlsHedge(120), p.hedge());
        assertEquals(OnBreak.CLOSE, p.onBreak());
    }
}
