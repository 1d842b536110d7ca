package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The CLI end to end on real Binance candles from {@code ../shared/data}: {@code ingest csv} of the
 * 2024 spot 1d files (and 4h for a few symbols), {@code sql --csv}, and {@code backtest} of every
 * reference strategy of CLI.md and of the quant strategies (risk parity, factor, beta-neutral,
 * pair trading on the candles ingested as a USD-M universe) with the accounting identity checked
 * on its files. Skipped with a
 * message where {@code ../shared} is absent (a user's fresh clone).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedDataEndToEndTest {
    private static final List<String> UNIVERSE = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "WIFUSDT");
    private static Path shared;
    private static Path lake;

    @BeforeAll
    static void lake() {
        shared = Path.of(System.getProperty("quantlake.shared", "../shared")).resolve("data/binance-spot-2024");
        assumeTrue(Files.isDirectory(shared), "skipped: real candles not found at " + shared + " (../shared is absent)");
        TestSpark.spark();
        lake = TestSpark.newTempDir("e2e-lake");
    }

    @Test
    @Order(1)
    void ingestCsvReproducesTheKnownBtcBarAndIsIdempotent() throws IOException {
        CliRun first = CliRun.of("ingest", "csv", "--path", shared.resolve("1d").toString(), "--market", "spot",
                "--interval", "1d", "--lake", lake.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("quarantined: 0"), first.out());

        Path fourHours = TestSpark.newTempDir("e2e-4h");
        for (String s : UNIVERSE) {
            Files.copy(shared.resolve("4h").resolve(s + ".csv"), fourHours.resolve(s + ".csv"));
        }
        CliRun h4 = CliRun.of("ingest", "csv", "--path", fourHours.toString(), "--interval", "4h", "--lake", lake.toString());
        assertEquals(0, h4.exitCode(), h4.err());

        CliRun bar = CliRun.of("sql", "--csv", "--lake", lake.toString(),
                "SELECT open, high, low, close, volume FROM candles WHERE symbol = 'BTCUSDT' AND interval = '1d' "
                        + "AND open_time = TIMESTAMP '2024-01-01 00:00:00'");
        assertEquals(0, bar.exitCode(), bar.err());
        assertEquals("open,high,low,close,volume\n42283.58,44184.1,42180.77,44179.55,27174.29903\n", bar.out());

        CliRun again = CliRun.of("ingest", "csv", "--path", shared.resolve("1d").toString(), "--interval", "1d",
                "--lake", lake.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().matches("(?s).*candles\\s+0\\s+0\\s+\\d+\\n.*"), "second ingest changes nothing: " + again.out());
    }

    @Test
    @Order(2)
    void everyReferenceStrategyBacktestsOnRealCandles() throws IOException {
        String universe = String.join(", ", UNIVERSE);
        String[][] strategies = {
            {"monthly_rebalance", "{target_weights: {BTCUSDT: 0.4, ETHUSDT: 0.3, SOLUSDT: 0.2, XRPUSDT: 0.1}, day: 1, band: 0.01}"},
            {"inverse_vol", "{lookback: 20, schedule: {weekly: 1}, band: 0.0}"},
            {"market_neutral", "{lookback: 20, skip: 1, top: 2, bottom: 2, long_ratio: 0.5, short_ratio: 0.5, schedule: {every: 5}}"},
            {"sma_cross_tpsl", "{fast: 10, slow: 30, take_profit: 0.08, stop_loss: 0.04, max_positions: 3}"},
        };
        // The shared candles are spot: market_neutral's short legs are clipped to 0 there (SIMULATION.md §12.6).
        for (String interval : List.of("1d", "4h")) {
            for (String[] s : strategies) {
                runAndCheck(interval, "spot", universe, s[0], s[1]);
            }
        }
    }

    @Test
    @Order(3)
    void quantStrategiesBacktestOnRealCandlesThroughTheCli() throws IOException {
        String universe = String.join(", ", UNIVERSE);
        runAndCheck("1d", "spot", universe, "risk_parity",
                "{method: erc, lookback: 30, covariance: ewma, halflife: 20, shrinkage: ledoit_wolf, schedule: {weekly: 1}}");
        runAndCheck("1d", "spot", universe, "factor", "{factors: [{name: mom_20_1}, "
                + "{name: rvol_20, weight: -0.5}, {name: vol_adj_mom, weight: 0.5, expr: \"(close / lag(close, 20) - 1)"
                + " / stddev(ln(close / lag(close, 1))) over last 20\"}], mode: long_only, top: 2, schedule: {every: 5}}");

        // the shared candles are spot; ingest them as a USD-M universe too (no funding records: funding.missing zero)
        Path usdm = TestSpark.newTempDir("e2e-usdm");
        for (String s : List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "LTCUSDT", "BCHUSDT")) {
            Files.copy(shared.resolve("1d").resolve(s + ".csv"), usdm.resolve(s + ".csv"));
        }
        CliRun ingest = CliRun.of("ingest", "csv", "--path", usdm.toString(), "--market", "usdm", "--interval", "1d",
                "--lake", lake.toString());
        assertEquals(0, ingest.exitCode(), ingest.err());
        String futures = "BTCUSDT, ETHUSDT, SOLUSDT, XRPUSDT, LTCUSDT, BCHUSDT";
        runAndCheck("1d", "usdm", futures, "market_neutral_beta", "{lookback: 20, skip: 1, top: 2, bottom: 2, "
                + "long_ratio: 0.5, short_ratio: 0.5, beta_lookback: 30, schedule: {every: 5}}");
        runAndCheck("1d", "usdm", futures, "factor", "{factors: [{name: mom_20_1}, "
                + "{name: rev_1, weight: 0.5}], mode: long_short, top: 2, bottom: 2, long_ratio: 0.5, "
                + "short_ratio: 0.5, schedule: {every: 5}}");
        runAndCheck("1d", "usdm", "LTCUSDT, BCHUSDT", "pair_trading",
                "{pairs: [LTCUSDT/BCHUSDT], max_pvalue: 1, formation_bars: 60, lookback: 30, z_lookback: 20, "
                        + "entry_z: 1.5, exit_z: 0, stop_z: 4, max_holding_bars: 20}");
    }

    private static void runAndCheck(String interval, String market, String universe, String name, String params)
            throws IOException {
        Path dir = TestSpark.newTempDir("bt-" + name);
        Path cfg = dir.resolve(name + ".yaml");
        Files.writeString(cfg, "market: " + market + "\ninterval: " + interval + "\nuniverse: [" + universe + "]\n"
                + "start: 2024-01-01\nend: 2024-09-01\ncapital: 100000\n"
                + "costs: {taker_bps: 10, maker_bps: 2, slippage_bps: 5}\n"
                + (market.equals("usdm") ? "risk: {max_leverage: 2}\nfunding: {missing: zero}\n" : "")
                + "strategy:\n  name: " + name + "\n  params: " + params + "\n");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("backtest", "--config", cfg.toString(), "--out", out.toString(), "--lake", lake.toString());
        assertEquals(0, run.exitCode(), name + " " + interval + ": " + run.err());
        assertTrue(run.out().contains("sharpe"), run.out());
        assertTrue(run.out().matches("(?s).*\ncandles read: [1-9][0-9]* of [1-9][0-9]* files, [0-9.]+ [kMG]?B of .*"),
                run.out());
        for (String f : List.of("equity.csv", "ledger.csv", "targets.csv", "metrics.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        List<String> equity = Files.readAllLines(out.resolve("equity.csv"));
        assertEquals("time,equity,cash,gross,net,leverage", equity.get(0));
        for (String line : equity.subList(1, equity.size())) {
            String[] v = line.split(",");
            double e = Double.parseDouble(v[1]);
            double cash = Double.parseDouble(v[2]);
            double net = Double.parseDouble(v[4]);
            assertEquals(e, cash + net, 1e-9 * Math.abs(e), name + " " + interval + ": equity = cash + Σ q·close at " + v[0]);
            assertTrue(!market.equals("spot") || cash >= -1e-9 * e, name + ": spot cash never below zero at " + v[0]);
        }
        assertEquals("time,symbol,side,type,reason,qty,price,fee,cash_flow,realized_pnl,position_after",
                Files.readAllLines(out.resolve("ledger.csv")).get(0));
    }
}
