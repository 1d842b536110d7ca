package io.quantlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.portfolio.BetaMethod;
import io.quantlake.portfolio.HedgeSpec;
import io.quantlake.portfolio.KellyMode;
import io.quantlake.portfolio.SizingMethod;
import io.quantlake.risk.RiskRules;
import org.junit.jupiter.api.Test;

/** The optional {@code risk} caps, {@code sizing} and {@code hedge} sections, bound strictly. */
class PortfolioSectionsTest {
    static final String HEAD = """
            market: usdm
            interval: 1d
            universe: [BTCUSDT, ETHUSDT]
            start: 2024-01-01
            end: 2024-02-01
            capital: 1000
            strategy: {name: monthly_rebalance, params: {target_weights: {BTCUSDT: 0.5, ETHUSDT: 0.5}}}
            """;

    private static BacktestConfig bind(String extra) {
        return BacktestConfig.bind(ConfigLoader.parse(HEAD + extra, "file t.yaml"));
    }

    @Test
    void absentSectionsAreNone() {
        BacktestConfig c = bind("risk: {max_leverage: 2}\n");
        assertSame(PortfolioSections.NONE, c.portfolio().any() ? null : PortfolioSections.NONE);
        assertNull(c.portfolio().risk());
        assertEquals(2, c.risk().maxLeverage());
    }

    @Test
    void everySectionBinds() {
        BacktestConfig c = bind("""
                risk: {max_leverage: 2, max_weight: 0.4, max_gross: 1.5, max_net: 0.2, max_cluster_weight: 0.6,
                       cluster_threshold: 0.8, cluster_lookback: 30, max_positions: 5}
                sizing: {method: kelly, fraction: 0.5, lookback: 20, kelly: multi, max_weight: 0.3, shrinkage: 0.2}
                hedge: {band: 0.1, lookback: 25, method: ewma, vol_regime: true}
                """);
        assertEquals(new RiskRules(0.4, 1.5, 0.2, 0.6, 0.8, 30, 5), c.portfolio().risk());
        assertEquals(SizingMethod.KELLY, c.portfolio().sizing().method());
        assertEquals(KellyMode.MULTI, c.portfolio().sizing().kelly());
        assertEquals(0.3, c.portfolio().sizing().maxWeight());
        assertEquals(new HedgeSpec("BTCUSDT", 0.1, 25, BetaMethod.EWMA, true), c.portfolio().hedge());
        assertTrue(c.portfolio().manager().active());
    }

    @Test
    void unknownKeysAndBadValuesAreErrorsNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> bind("risk: {max_wieght: 0.4}\n"));
        assertTrue(e.getMessage().contains("max_wieght"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> bind("sizing: {method: kelly, bogus: 1}\n"));
        assertTrue(e.getMessage().contains("bogus"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> bind("sizing: {method: vol_target}\n"));
        assertTrue(e.getMessage().contains("target_vol"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> bind("hedge: {symbol: SOLUSDT, band: 0.1}\n"));
        assertTrue(e.getMessage().contains("hedge.symbol"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> bind("hedge: {lookback: 10}\n"));
        assertTrue(e.getMessage().contains("band"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> bind("risk: {max_gross: 0}\n"));
        assertTrue(e.getMessage().contains("risk.max_gross"), e.getMessage());
    }
}
