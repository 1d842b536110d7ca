package io.quantlake.sweep;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.config.ConfigLoader;
import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeWriter;
import io.quantlake.lake.RunStore;
import io.quantlake.spark.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A sweep end to end on a tiny lake (3 symbols × 200 daily bars): 4 parameter sets × 2
 * walk-forward folds, then a rerun under the same run id that finds every set complete and
 * evaluates nothing. One test (each Delta commit costs seconds here); the skip logic is per set
 * (by param_hash), so a partly written run resumes the same way.
 */
class SweepSparkTest {
    private static final String GRID = """
            grid: {lookback: [10, 20], schedule: [{every: 5}, {every: 10}]}
            validation: {walk_forward: {train_bars: 100, test_bars: 50}}
            overfitting: {blocks: 4}
            progress: {chunk_sets: 4, seconds: 1}
            """;

    private static SweepConfig config(String yaml) {
        return SweepConfig.bind(ConfigLoader.parse(yaml, "file sweep.yaml"), SweepFixtures.base());
    }

    @Test
    void sweepWritesEveryFoldAndARerunSkipsCompleteSets() throws Exception {
        Lake lake = Lake.at(SharedSpark.spark(), SharedSpark.newTempDir("sweep-lake").toString());
        List<CandleBar> candles = SweepFixtures.candles();
        new LakeWriter(lake).ingest(new IngestBatch(1, candles.size(), candles, List.of(), List.of(), List.of()));
        String runId = "sweep-test-1";
        List<String> progress = new ArrayList<>();

        SweepConfig full = config(GRID);
        SweepOutcome first = Sweep.run(lake, full, Optional.of(runId), progress::add);
        assertEquals(4, first.total());
        assertEquals(0, first.skipped());
        assertEquals(4, first.evaluated());
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("sweep sweep-test-1: 4/4 sets (100.0%), ")),
                String.join("\n", progress));

        Dataset<Row> table = lake.spark().read().format("delta").load(new SweepResultsTable(lake).path())
                .filter(col("run_id").equalTo(runId));
        // 4 sets × (1 full row + 2 folds × in/out of sample)
        assertEquals(20, table.count());
        assertEquals(8, table.filter(col("split").equalTo("out_of_sample")).count());
        Row oos = table.filter(col("split").equalTo("out_of_sample").and(col("fold").equalTo(1))).first();
        assertEquals(SweepFixtures.T0 + 150 * SweepFixtures.DAY, oos.getTimestamp(oos.fieldIndex("start")).getTime());
        assertEquals(SweepFixtures.T0 + 200 * SweepFixtures.DAY, oos.getTimestamp(oos.fieldIndex("end")).getTime());
        assertEquals(50, oos.getInt(oos.fieldIndex("periods")));

        // the table holds what a direct evaluation of the same sets on the same candles gives
        List<ParameterSet> sets = full.parameterSets();
        List<Fold> folds = full.validation().folds(SweepFixtures.BARS);
        SetEvaluator direct = new SetEvaluator(SweepFixtures.panel(), full.base(), Map.of(), Map.of(), folds);
        for (ParameterSet s : sets) {
            SetResult expected = direct.evaluate(s);
            Row r = table.filter(col("param_hash").equalTo(s.hash()).and(col("split").equalTo("out_of_sample"))
                    .and(col("fold").equalTo(0))).first();
            assertEquals(expected.outOfSample().get(0).sharpe(), r.getDouble(r.fieldIndex("sharpe")), 1e-12);
            assertEquals(s.json(), r.getString(r.fieldIndex("params")));
        }

        // the rows as the report reads them, and the report itself
        List<SweepRow> rows = new SweepResultsTable(lake).rows(runId);
        assertEquals(20, rows.size());
        for (int k = 1; k < rows.size(); k++) {
            assertTrue(rows.get(k - 1).paramHash().compareTo(rows.get(k).paramHash()) <= 0, "ordered by param_hash");
        }
        SweepRow oos0 = rows.stream().filter(r -> r.fold() == 1 && r.split().equals("out_of_sample")).findFirst()
                .orElseThrow();
        assertEquals(SweepFixtures.T0 + 150 * SweepFixtures.DAY, oos0.start());
        assertEquals(50, oos0.metrics().returns());
        java.nio.file.Path report = io.quantlake.sweep.SweepTearSheet.write(
                SharedSpark.newTempDir("sweep-report"), lake, first, "sweep test");
        assertTrue(java.nio.file.Files.readString(report).contains(first.summary().best().set().hash()));

        RunStore runs = new RunStore(lake);
        Row run = runs.find(runId).orElseThrow();
        assertEquals("sweep", run.getString(run.fieldIndex("kind")));
        assertEquals("succeeded", run.getString(run.fieldIndex("status")));
        JsonNode metrics = new ObjectMapper().readTree(run.getString(run.fieldIndex("metrics")));
        assertEquals(4, metrics.get("sets").asInt());
        assertEquals(first.summary().best().set().hash(), metrics.get("best").get("param_hash").asText());
        double dsr = metrics.get("deflated_sharpe").get("dsr").asDouble();
        assertTrue(dsr >= 0 && dsr <= 1, "dsr " + dsr);
        assertEquals(6, metrics.get("pbo").get("combinations").asInt()); // C(4, 2)
        long version = lake.spark().sql("DESCRIBE HISTORY delta.`" + new SweepResultsTable(lake).path() + "`")
                .select("version").first().getLong(0);

        // a rerun of the finished sweep evaluates nothing and writes no result
        SweepOutcome again = Sweep.run(lake, full, Optional.of(runId), progress::add);
        assertEquals(0, again.evaluated());
        assertEquals(4, again.skipped());
        assertEquals(20, table.count());
        assertEquals(version, lake.spark().sql("DESCRIBE HISTORY delta.`" + new SweepResultsTable(lake).path() + "`")
                .select("version").first().getLong(0));
        assertEquals(first.summary().json(), again.summary().json());
    }
}
