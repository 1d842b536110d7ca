package io.quantlake.replay;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.backtest.Backtest;
import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.backtest.LakeBacktest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.ingest.CandleBar;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import io.quantlake.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A backtest run in time blocks (its equity rows, ledger and targets in scratch files) is recorded in the Delta
 * tables {@code equity} and {@code ledger} by streaming its rows through a staging file, never holding them all:
 * the stored rows are those of the same run on the whole panel, and the staging file is gone.
 */
class BlockRunRecordTest {
    @Test
    void aBlockRunIsRecordedFromItsScratchFilesWithTheRowsOfTheWholeRun() throws Exception {
        Lake lake = Lake.at(SharedSpark.spark(), SharedSpark.newTempDir("block-record").toString());
        List<CandleBar> bars = new ArrayList<>();
        for (int d = 0; d < 50; d++) {
            bars.add(ReplayTest.bar("BTCUSDT", d, 100 + d + 7 * Math.sin(d)));
            bars.add(ReplayTest.bar("ETHUSDT", d, 50 + 0.5 * d + 3 * Math.cos(d)));
        }
        ReplayTest.ingest(lake, bars);
        BacktestConfig cfg = BacktestConfig.bind(ConfigLoader.parse(ReplayTest.CONFIG, "block record test config"));
        BacktestOutcome whole = new LakeBacktest(lake).run(cfg);
        BacktestOutcome blocks = new LakeBacktest(lake, 30 * Backtest.bytesPerBar(2, 0)).run(cfg);
        assertTrue(blocks.result().spilled() && !whole.result().spilled(), "a run in blocks spills, the whole run not");
        String wholeId = new LakeBacktest(lake).record(whole, Instant.parse("2026-01-01T00:00:00Z"));
        String blocksId = new LakeBacktest(lake).record(blocks, Instant.parse("2026-01-01T00:00:01Z"));
        assertFalse(blocks.result().rowsInMemory(), "the equity rows were streamed chunk by chunk, not read whole");
        assertEquals(stored(lake, LakeTable.EQUITY, wholeId, "time"), stored(lake, LakeTable.EQUITY, blocksId, "time"));
        List<Row> ledger = stored(lake, LakeTable.LEDGER, blocksId, "seq");
        assertTrue(ledger.size() > 10, "ledger rows: " + ledger.size());
        assertEquals(stored(lake, LakeTable.LEDGER, wholeId, "seq"), ledger);
        for (LakeTable t : List.of(LakeTable.EQUITY, LakeTable.LEDGER)) {
            Path staging = Path.of(lake.path(t), "_staging");
            try (Stream<Path> left = Files.exists(staging) ? Files.list(staging) : Stream.empty()) {
                assertEquals(List.of(), left.toList(), "staging files left in " + t.tableName());
            }
        }
    }

    /** The rows of {@code runId} in {@code table} without the run id, ordered by {@code order}. */
    private static List<Row> stored(Lake lake, LakeTable table, String runId, String order) {
        return lake.read(table).filter(col("run_id").equalTo(runId)).drop("run_id").orderBy(order).collectAsList();
    }
}
