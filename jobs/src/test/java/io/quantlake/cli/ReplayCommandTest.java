package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.backtest.LakeBacktest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeWriter;
import io.quantlake.lake.LedgerRow;
import io.quantlake.lake.RunStore;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code replay RUN_ID} on a tiny lake (2 symbols × 40 daily bars): a run recorded by {@code backtest} replays
 * identical (exit 0); after a stored ledger price is changed it is different, naming table, row, column and both
 * values (exit 1); an unknown run id is one line on stderr (exit 1). The research-core {@code ReplayTest} covers a
 * later ingest and a vacuumed version.
 */
class ReplayCommandTest {
    private static final long T0 = 1_704_067_200_000L;
    private static final long DAY = 86_400_000L;

    @Test
    void replayIsIdenticalThenDifferentAfterAStoredRowChanges() throws IOException {
        Path dir = TestSpark.newTempDir("replay-cli");
        String lakeDir = dir.resolve("lake").toString();
        Lake lake = Lake.at(TestSpark.spark(), lakeDir);
        List<CandleBar> bars = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            bars.add(bar("BTCUSDT", d, 100 + d + 5 * Math.sin(d)));
            bars.add(bar("ETHUSDT", d, 50 + 2 * Math.cos(d)));
        }
        new LakeWriter(lake).ingest(new IngestBatch(1, bars.size(), bars, List.of(), List.of(), List.of()));
        Path config = Files.writeString(dir.resolve("bt.yaml"), """
                market: spot
                interval: 1d
                universe: [BTCUSDT, ETHUSDT]
                start: 2024-01-01
                end: 2024-02-10
                capital: 10000
                costs: {taker_bps: 10}
                strategy:
                  name: monthly_rebalance
                  params: {target_weights: {BTCUSDT: 0.5, ETHUSDT: 0.5}, day: 1, band: 0}
                """);
        CliRun backtest = CliRun.of("backtest", "--config", config.toString(), "--lake", lakeDir, "--out",
                dir.resolve("out").toString());
        assertEquals(0, backtest.exitCode(), backtest.err());
        Matcher m = Pattern.compile("run (backtest-\\S+): (\\d+) ledger rows").matcher(backtest.out());
        assertTrue(m.find(), backtest.out());
        String runId = m.group(1);

        CliRun same = CliRun.of("replay", runId, "--lake", lakeDir, "--out", dir.resolve("replayed").toString());
        assertEquals(0, same.exitCode(), same.out() + same.err());
        assertTrue(same.out().startsWith("identical: run " + runId + " (backtest at candles@1, funding_rates@0, "
                + "symbols@0): 40 equity rows, " + m.group(2) + " ledger rows"), same.out());
        assertEquals(Files.readString(dir.resolve("out/ledger.csv")), Files.readString(dir.resolve("replayed/ledger.csv")));
        assertEquals(Files.readString(dir.resolve("out/equity.csv")), Files.readString(dir.resolve("replayed/equity.csv")));

        List<LedgerRow> ledger = new ArrayList<>(LakeBacktest.ledgerRows(new LakeBacktest(lake)
                .run(BacktestConfig.load(config)).result()));
        LedgerRow l = ledger.get(1);
        ledger.set(1, new LedgerRow(l.time(), l.symbol(), l.side(), l.type(), l.reason(), l.qty(), l.price() * 2,
                l.fee(), l.cashFlow(), l.realizedPnl(), l.positionAfter()));
        new RunStore(lake).writeLedger(runId, ledger);
        CliRun changed = CliRun.of("replay", runId, "--lake", lakeDir);
        assertEquals(1, changed.exitCode(), changed.out() + changed.err());
        assertTrue(changed.out().startsWith("different: run " + runId + " (backtest at candles@1, funding_rates@0, "
                + "symbols@0): ledger row 1 (" + Instant.ofEpochMilli(l.time()) + ") column price: stored "
                + l.price() * 2 + ", replayed " + l.price() + " (compared 40 equity rows, "), changed.out());

        CliRun unknown = CliRun.of("replay", "backtest-nope", "--lake", lakeDir);
        assertEquals(1, unknown.exitCode());
        assertEquals("quantlake replay: cannot replay run backtest-nope: no such run_id in the runs table of lake "
                + lake.root(), unknown.err().strip());
    }

    private static CandleBar bar(String symbol, int day, double close) {
        return new CandleBar(Market.SPOT, Interval.D1, symbol, T0 + day * DAY, close - 1, close + 2, close - 3, close,
                10 + close / 100, Double.NaN, -1, Double.NaN, Double.NaN);
    }
}
