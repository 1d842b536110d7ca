package io.quantlake.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.spark.SharedSpark;
import io.quantlake.sweep.Sweep;
import io.quantlake.sweep.SweepConfig;
import io.quantlake.sweep.SweepOutcome;
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
 * (the backtest, and two sets of a 2-set inverse_vol sweep with 2 walk-forward folds) after a later ingest that revises a candle inside the window and appends bars after it (while a fresh backtest
 * now differs); an unknown run id fails with one line; after VACUUM RETAIN 0 HOURS the version the run read fails
 * naming the table and version. ({@link RowDiffTest} covers the comparison and the other refusals without Spark;
 * the CLI test a stored row changed after the run.)
 */
class ReplayTest {
    /** 2024-01-01T00:00:00Z. */
    private static final long T0 = 1_704_067_200_000L;
    private static final long DAY = 86_400_000L;
    static final String CONFIG = """
            market: spot
            interval: 1d
            universe: [BTCUSDT, ETHUSDT]
            start: 2024-01-01
            end: 2024-02-20
            capital: 10000
            costs: {taker_bps: 10}
            strategy:
              name: inverse_vol
              params: {lookback: 5, schedule: {every: 5}, band: 0}
            """;

    private static final String SWEEP = """
            grid:
              lookback: [5, 10]
            validation: {walk_forward: {train_bars: 20, test_bars: 10, step_bars: 20}}
            objective: sharpe
            overfitting: {blocks: 2}
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
        SweepConfig grid = SweepConfig.bind(ConfigLoader.parse(SWEEP, "replay test sweep"), cfg);
        SweepOutcome sweep = Sweep.run(lake, grid, Optional.empty(), line -> { });
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
        String best = sweep.summary().best().set().hash();
        ReplayResult bestSet = replay.run(sweep.runId(), Optional.empty());
        assertTrue(bestSet.identical(), bestSet.describe());
        assertTrue(bestSet.describe().endsWith("set " + best + ": 5 sweep_results rows"), bestSet.describe());
        String other = grid.parameterSets().stream().map(p -> p.hash()).filter(h -> !h.equals(best)).findFirst()
                .orElseThrow();
        ReplayResult otherSet = replay.run(sweep.runId(), Optional.of(other), Optional.empty());
        assertTrue(otherSet.identical(), otherSet.describe());
        assertEquals("cannot replay run " + sweep.runId() + ": its sweep has no parameter set nope", assertThrows(
                IllegalArgumentException.class, () -> replay.run(sweep.runId(), Optional.of("nope"), Optional.empty()))
                .getMessage());

        assertEquals("cannot replay run backtest-nope: no such run_id in the runs table of lake " + lake.root(),
                message(replay, "backtest-nope"));

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

    static void ingest(Lake lake, List<CandleBar> candles) {
        new LakeWriter(lake).ingest(new IngestBatch(1, candles.size(), candles, List.of(), List.of(), List.of()));
    }

    static CandleBar bar(String symbol, int day, double close) {
        return new CandleBar(Market.SPOT, Interval.D1, symbol, T0 + day * DAY, close - 1, close + 2, close - 3, close,
                10 + close / 100, Double.NaN, -1, Double.NaN, Double.NaN);
    }
}
