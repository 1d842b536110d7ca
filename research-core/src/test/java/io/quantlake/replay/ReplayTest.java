package io.quantlake.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.backtest.LakeBacktest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.lake.EquityRow;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import io.quantlake.lake.LakeWriter;
import io.quantlake.lake.RunRecord;
import io.quantlake.lake.RunStore;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Replays on one tiny spot lake (2 symbols × 50 daily bars), in order: identical right after the backtest; identical
 * after a later ingest that revises a candle inside the window and appends bars after it (while a fresh backtest
 * now differs); a tampered stored row is the first difference; unknown, failed and version-less runs fail with one
 * line; after VACUUM RETAIN 0 HOURS the revised version fails naming the table and version.
 */
class ReplayTest {
    /** 2024-01-01T00:00:00Z. */
    private static final long T0 = 1_704_067_200_000L;
    private static final long DAY = 86_400_000L;
    private static final String CONFIG = """
            market: spot
            interval: 1d
            universe: [BTCUSDT, ETHUSDT]
            start: 2024-01-01
            end: 2024-02-20
            capital: 10000
            costs: {taker_bps: 10}
            strategy:
              name: monthly_rebalance
              params: {target_weights: {BTCUSDT: 0.6, ETHUSDT: 0.4}, day: 1, band: 0}
            """;

    @Test
    void replaysAtTheRecordedVersionsAndFailsClearlyWhenTheyAreGone() throws Exception {
        Lake lake = Lake.at(SharedSpark.spark(), SharedSpark.newTempDir("replay").toString());
        List<CandleBar> bars = new ArrayList<>();
        for (int d = 0; d < 50; d++) {
            bars.add(bar("BTCUSDT", d, 100 + d + 7 * Math.sin(d)));
            bars.add(bar("ETHUSDT", d, 50 + 0.5 * d + 3 * Math.cos(d)));
        }
        ingest(lake, bars);
        BacktestConfig cfg = BacktestConfig.bind(ConfigLoader.parse(CONFIG, "replay test config"));
        BacktestOutcome original = new LakeBacktest(lake).run(cfg);
        String runId = new LakeBacktest(lake).record(original, Instant.parse("2026-01-01T00:00:00Z"));
        Replay replay = new Replay(lake);

        ReplayResult first = replay.run(runId, Optional.empty());
        assertTrue(first.identical(), first.describe());
        assertEquals(Map.of("candles", 1L, "funding_rates", 0L, "symbols", 0L), first.versions());
        assertTrue(first.describe().startsWith("identical: run " + runId + " (backtest at candles@1, funding_rates@0,"
                + " symbols@0): 50 equity rows, "), first.describe());

        // a later ingest revises day 40 of BTCUSDT (inside the window) and appends days 50..54
        List<CandleBar> later = new ArrayList<>(List.of(bar("BTCUSDT", 40, 170)));
        for (int d = 50; d < 55; d++) {
            later.add(bar("BTCUSDT", d, 150 + d));
        }
        ingest(lake, later);
        List<EquityRow> fresh = LakeBacktest.equityRows(new LakeBacktest(lake).run(cfg).result());
        assertNotEquals(LakeBacktest.equityRows(original.result()), fresh, "the ingest changed the window's data");
        Path out = SharedSpark.newTempDir("replay-out");
        ReplayResult afterIngest = replay.run(runId, Optional.of(out));
        assertTrue(afterIngest.identical(), afterIngest.describe());
        assertEquals(first.versions(), afterIngest.versions());
        assertTrue(Files.size(out.resolve("equity.csv")) > 0 && Files.exists(out.resolve("ledger.csv")));

        // a stored row changed after the run is reported as the first difference
        List<EquityRow> tampered = new ArrayList<>(LakeBacktest.equityRows(original.result()));
        EquityRow e = tampered.get(7);
        tampered.set(7, new EquityRow(e.time(), e.equity(), e.cash() + 0.5, e.gross(), e.net(), e.leverage()));
        new RunStore(lake).writeEquity(runId, tampered);
        ReplayResult different = replay.run(runId, Optional.empty());
        assertFalse(different.identical());
        Difference d = different.difference().orElseThrow();
        assertEquals("equity", d.table());
        assertEquals(7, d.row());
        assertEquals("cash", d.column());
        assertEquals(Instant.ofEpochMilli(T0 + 7 * DAY).toString(), d.at());
        assertEquals(String.valueOf(e.cash() + 0.5), d.stored());
        assertEquals(String.valueOf(e.cash()), d.replayed());
        new RunStore(lake).writeEquity(runId, LakeBacktest.equityRows(original.result()));

        assertEquals("cannot replay run backtest-nope: no such run_id in the runs table of lake " + lake.root(),
                assertThrows(IllegalArgumentException.class, () -> replay.run("backtest-nope", Optional.empty()))
                        .getMessage());
        Instant t = Instant.parse("2026-01-02T00:00:00Z");
        new RunStore(lake).record(new RunRecord("bt-failed", "backtest", CONFIG, Map.of(), "{\"error\":\"boom\"}",
                "failed", t, t));
        assertEquals("cannot replay run bt-failed: its status is failed, only a succeeded run has outputs to compare"
                + " (metrics {\"error\":\"boom\"})", message(replay, "bt-failed"));
        new RunStore(lake).record(new RunRecord("bt-old", "backtest", CONFIG, Map.of(), null, "succeeded", t, t));
        assertTrue(message(replay, "bt-old").startsWith("cannot replay run bt-old: its runs row records no Delta"
                + " versions of the tables it read"), message(replay, "bt-old"));

        vacuumEverything(lake.spark(), lake.path(LakeTable.CANDLES));
        assertTrue(message(replay, runId).startsWith("cannot replay run " + runId
                + ": version 1 of table candles has been vacuumed (its data file "), message(replay, runId));
    }

    private static String message(Replay replay, String runId) {
        return assertThrows(IllegalArgumentException.class, () -> replay.run(runId, Optional.empty())).getMessage();
    }

    private static void vacuumEverything(SparkSession spark, String path) {
        String check = "spark.databricks.delta.retentionDurationCheck.enabled";
        spark.conf().set(check, "false");
        try {
            DeltaTable.forPath(spark, path).vacuum(0.0);
        } finally {
            spark.conf().unset(check);
        }
    }

    private static void ingest(Lake lake, List<CandleBar> candles) {
        new LakeWriter(lake).ingest(new IngestBatch(1, candles.size(), candles, List.of(), List.of(), List.of()));
    }

    private static CandleBar bar(String symbol, int day, double close) {
        return new CandleBar(Market.SPOT, Interval.D1, symbol, T0 + day * DAY, close - 1, close + 2, close - 3, close,
                10 + close / 100, Double.NaN, -1, Double.NaN, Double.NaN);
    }
}
