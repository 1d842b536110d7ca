package io.quantlake.config;

import io.quantlake.sim.ExecutionPrice;
import io.quantlake.sim.FundingMissing;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.sim.CircuitBreaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CLI.md "Configuration" and SIMULATION.md R1: binding, defaults and the exact error messages. */
class BacktestConfigTest {
    static final String CLI_EXAMPLE = """
            market: spot                 # spot | usdm
            interval: 1d
            universe: [BTCUSDT, ETHUSDT, SOLUSDT, XRPUSDT]
            start: 2024-01-01            # inclusive, UTC
            end: 2024-09-01              # exclusive
            capital: 100000
            execution: {price: next_open}            # next_open | close
            costs: {taker_bps: 10, maker_bps: 2, slippage_bps: 5}
            risk: {max_leverage: 1, maintenance_margin: 0.005}
            funding: {missing: error}                # error | zero (usdm only)
            rebalance: {to: target}                  # target | band_edge
            strategy:
              name: monthly_rebalance
              params: {target_weights: {BTCUSDT: 0.4, ETHUSDT: 0.3, SOLUSDT: 0.2, XRPUSDT: 0.1}, day: 1, band: 0.01}
            """;

    static final String MINIMAL = """
            market: usdm
            interval: 4h
            universe: [BTCUSDT]
            start: 2024-01-01T12:00:00Z
            end: 2024-02-01
            capital: 5000.5
            strategy: {name: inverse_vol, params: {lookback: 20, schedule: daily}}
            """;

    private static BacktestConfig bind(String yaml) {
        return BacktestConfig.bind(ConfigLoader.parse(yaml, "file conf/bt.yaml"));
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> bind(yaml)).getMessage();
    }

    @Test
    void bindsTheCliExample() {
        BacktestConfig c = bind(CLI_EXAMPLE);
        assertEquals(Market.SPOT, c.market());
        assertEquals(Interval.D1, c.interval());
        assertEquals(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"), c.universe());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), c.start());
        assertEquals(Instant.parse("2024-09-01T00:00:00Z").toEpochMilli(), c.endMs());
        assertEquals(100000.0, c.capital());
        assertEquals(ExecutionPrice.NEXT_OPEN, c.execution());
        assertEquals(new Costs(10, 2, 5), c.costs());
        assertEquals(new RiskLimits(1, 0.005, null), c.risk());
        assertEquals(FundingMissing.ERROR, c.funding());
        assertEquals(new RebalanceRule(0.01, RebalanceMode.TARGET, false), c.rebalance());
        assertEquals("monthly_rebalance", c.strategy().name());
        assertEquals("strategy.params", c.strategy().params().path());
        assertEquals(0.01, c.strategy().params().number("band", Range.closedOpen(0, 1)));
        assertEquals(CLI_EXAMPLE, c.rawYaml());
        assertEquals("file conf/bt.yaml", c.origin());
    }

    @Test
    void defaultsAreCliDefaults() {
        BacktestConfig c = bind(MINIMAL);
        assertEquals(Market.USDM, c.market());
        assertEquals(Instant.parse("2024-01-01T12:00:00Z"), c.start());
        assertEquals(5000.5, c.capital());
        assertEquals(ExecutionPrice.NEXT_OPEN, c.execution());
        assertEquals(Costs.ZERO, c.costs());
        assertEquals(RiskLimits.DEFAULT, c.risk());
        assertEquals(1.0, c.risk().maxLeverage());
        assertEquals(0.005, c.risk().maintenanceMargin());
        assertTrue(c.risk().breaker().isEmpty());
        assertEquals(FundingMissing.ERROR, c.funding());
        assertEquals(RebalanceRule.NONE, c.rebalance());
    }

    @Test
    void bindsNonDefaultEnumsAndCircuitBreaker() {
        BacktestConfig c = bind(MINIMAL + """
                execution: {price: close}
                funding: {missing: zero}
                rebalance: {to: band_edge}
                risk: {max_leverage: 2.5, circuit_breaker: {max_drawdown: 0.2, cooldown_bars: 3}}
                """);
        assertEquals(ExecutionPrice.CLOSE, c.execution());
        assertEquals(FundingMissing.ZERO, c.funding());
        assertEquals(RebalanceMode.BAND_EDGE, c.rebalance().to());
        assertEquals(new CircuitBreaker(0.2, Double.NaN, 3), c.risk().circuitBreaker());
        assertTrue(c.risk().breaker().isPresent());
        assertEquals(2.5, c.risk().maxLeverage());
    }

    @Test
    void localDateTimeWithoutOffsetIsUtc() {
        BacktestConfig c = bind(MINIMAL.replace("2024-01-01T12:00:00Z", "2024-01-01T12:30:00"));
        assertEquals(Instant.parse("2024-01-01T12:30:00Z"), c.start());
    }

    @Test
    void missingRequiredKey() {
        assertEquals("config key `capital` is required (file conf/bt.yaml); required keys: market, interval, "
                + "universe, start, end, capital, strategy", error(MINIMAL.replace("capital: 5000.5\n", "")));
        assertEquals("config key `strategy.name` is required (file conf/bt.yaml); a registered strategy "
                + "(monthly_rebalance, inverse_vol, market_neutral, sma_cross_tpsl, risk_parity, factor, "
                + "market_neutral_beta, pair_trading) or `class:` a strategy class on the classpath",
                error(MINIMAL.replace("{name: inverse_vol, params: {lookback: 20, schedule: daily}}", "{params: {lookback: 5}}")));
    }

    @Test
    void unknownKeyAnywhere() {
        assertEquals("unknown config key `captial` (file conf/bt.yaml); accepted keys: market, interval, universe, "
                + "start, end, capital, execution, costs, risk, funding, rebalance, strategy, sizing, hedge",
                error(MINIMAL + "captial: 3\n"));
        assertEquals("unknown config key `costs.fee_bps` (file conf/bt.yaml); accepted keys: taker_bps, maker_bps, "
                + "slippage_bps", error(MINIMAL + "costs: {fee_bps: 3}\n"));
        assertEquals("unknown config key `risk.circuit_breaker.max_dd` (file conf/bt.yaml); accepted keys: "
                + "max_drawdown, max_bar_loss, cooldown_bars",
                error(MINIMAL + "risk: {circuit_breaker: {max_dd: 0.1}}\n"));
        assertEquals("unknown config key `execution.fill` (file conf/bt.yaml); accepted keys: price",
                error(MINIMAL + "execution: {fill: close}\n"));
    }

    @Test
    void badEnumValues() {
        assertEquals("config key `execution.price` must be one of next_open, close, got \"open\" (file conf/bt.yaml)",
                error(MINIMAL + "execution: {price: open}\n"));
        assertEquals("config key `market` must be one of spot, usdm, got \"futures\" (file conf/bt.yaml)",
                error(MINIMAL.replace("market: usdm", "market: futures")));
        assertEquals("config key `rebalance.to` must be one of target, band_edge, got \"edge\" (file conf/bt.yaml)",
                error(MINIMAL + "rebalance: {to: edge}\n"));
        assertEquals("config key `interval` must be one of 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d, 3d, 1w, "
                + "got \"2d\" (file conf/bt.yaml)", error(MINIMAL.replace("interval: 4h", "interval: 2d")));
    }

    @Test
    void badNumbers() {
        assertEquals("config key `capital` must be > 0, got -1 (file conf/bt.yaml)",
                error(MINIMAL.replace("capital: 5000.5", "capital: -1")));
        assertEquals("config key `capital` must be a number > 0, got \"lots\" (file conf/bt.yaml)",
                error(MINIMAL.replace("capital: 5000.5", "capital: lots")));
        assertEquals("config key `risk.maintenance_margin` must be in [0, 1), got 1.5 (file conf/bt.yaml)",
                error(MINIMAL + "risk: {maintenance_margin: 1.5}\n"));
        assertEquals("config key `costs.taker_bps` must be in [0, 10000), got -2 (file conf/bt.yaml)",
                error(MINIMAL + "costs: {taker_bps: -2}\n"));
        assertEquals("config key `risk.circuit_breaker.cooldown_bars` must be an integer >= 0, got 1.5 "
                + "(file conf/bt.yaml)", error(MINIMAL + "risk: {circuit_breaker: {max_bar_loss: 0.1, cooldown_bars: 1.5}}\n"));
    }

    @Test
    void badUniverseAndDates() {
        assertEquals("config key `universe` must be a non-empty list of distinct strings, got [\"BTCUSDT\",\"BTCUSDT\"] "
                + "(file conf/bt.yaml)", error(MINIMAL.replace("[BTCUSDT]", "[BTCUSDT, BTCUSDT]")));
        assertEquals("config key `universe` must be a non-empty list of distinct strings, got \"BTCUSDT\" "
                + "(file conf/bt.yaml)", error(MINIMAL.replace("[BTCUSDT]", "BTCUSDT")));
        assertEquals("config key `end` must be a UTC date (2024-01-01) or an ISO-8601 date-time "
                + "(2024-01-01T00:00:00Z), got \"2024-02-31\" (file conf/bt.yaml)",
                error(MINIMAL.replace("end: 2024-02-01", "end: 2024-02-31")));
        assertEquals("config key `end` must be after start 2024-01-01T12:00:00Z, got \"2024-01-01\" (file conf/bt.yaml)",
                error(MINIMAL.replace("end: 2024-02-01", "end: 2024-01-01")));
    }

    @Test
    void yamlProblemsNameTheFileAndLine() {
        String dup = error(MINIMAL + "capital: 7\n");
        assertTrue(dup.startsWith("config file conf/bt.yaml line 8 column "), dup);
        assertTrue(dup.contains("Duplicate field 'capital'"), dup);
        String syntax = error("market: [spot\n");
        assertTrue(syntax.startsWith("config file conf/bt.yaml line "), syntax);
        assertEquals("config must be a mapping of keys, got [1,2] (file conf/bt.yaml)", error("[1, 2]\n"));
    }

    @Test
    void loadsAFileAndKeepsItsText() throws Exception {
        // surefire points java.io.tmpdir at target/tmp, which may not exist yet
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory(tmp, "config-test");
        Path f = dir.resolve("bt.yaml");
        Files.writeString(f, CLI_EXAMPLE);
        BacktestConfig c = BacktestConfig.load(f);
        assertEquals(CLI_EXAMPLE, c.rawYaml());
        assertEquals("file " + f, c.origin());
        Path missing = dir.resolve("nope.yaml");
        assertEquals("config file " + missing + " does not exist",
                assertThrows(ConfigException.class, () -> BacktestConfig.load(missing)).getMessage());
        Files.delete(f);
        Files.delete(dir);
    }
}
