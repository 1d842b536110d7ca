package io.quantlake.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code research factors} end to end: 12 symbols of the committed synthetic sample (spot 1d, 2022–2024, planted
 * momentum) go through {@code ingest archive} into a temporary lake; the command then writes the Delta tables
 * {@code factor_ic} and friends (keyed by run), {@code factors} and {@code runs}, prints the summary table and writes
 * a self-contained {@code factor_report.html}.
 */
class ResearchFactorsCommandTest {
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT", "LTCUSDT",
            "BCHUSDT", "ARBUSDT", "OPUSDT", "DOGEUSDT", "SHIBUSDT", "ADAUSDT");
    private static final List<String> FACTORS = List.of("mom_30_1", "rev_1", "rvol_20", "vol_adj_mom");
    private static final String USER_EXPR = "(close / lag(close, 30) - 1) / stddev(ln(close / lag(close, 1))) over last 30";
    private static final String CONFIG = """
            market: spot
            interval: 1d
            universe: all
            start: 2022-03-01
            end: 2025-01-01
            factors:
              - mom_30_1
              - rev_1
              - rvol_20
              - {name: vol_adj_mom, expr: "%s"}
            horizons: [1, 5, 20]
            quantiles: 4
            min_symbols: 8
            """.formatted(USER_EXPR);

    /** The command as {@code quantlake research} runs it (same error handler), before it is registered there. */
    private static CliRun research(String... args) {
        return CliRun.capture(() -> new CommandLine(new ResearchCommand())
                .setExecutionExceptionHandler(new OneLineErrors()).execute(args));
    }

    @Test
    void factorResearchOnTheSampleWritesTablesRunAndReport() throws IOException {
        Path klines = sampleKlines();
        TestSpark.spark();
        Path tmp = TestSpark.newTempDir("research-factors");
        for (String s : SYMBOLS) {   // the archive layout, so that `ingest archive` reads market and interval from it
            Path to = Files.createDirectories(tmp.resolve("sample/spot/monthly/klines").resolve(s).resolve("1d"));
            try (Stream<Path> files = Files.list(klines.resolve(s).resolve("1d"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        String lakeDir = tmp.resolve("lake").toString();
        CliRun ingest = CliRun.of("ingest", "archive", "--path", tmp.resolve("sample").toString(), "--lake", lakeDir);
        assertEquals(0, ingest.exitCode(), ingest.err());
        Path config = Files.writeString(tmp.resolve("factors.yaml"), CONFIG);
        Path out = tmp.resolve("out");

        CliRun run = research("factors", "--config", config.toString(), "--out", out.toString(), "--lake", lakeDir);

        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("factor ") && lines[0].contains("mean rank IC")
                && lines[0].contains("IC IR (Pearson)") && lines[0].contains("t (Pearson)")
                && lines[0].contains("rank IC IR") && lines[0].contains("rank t ")
                && lines[0].contains("top-bottom spread"), lines[0]);
        assertTrue(lines[1].startsWith("mom_30_1 "), "rows in study order: " + lines[1]);
        assertEquals(FACTORS.size() * 3, Stream.of(lines).filter(l -> l.matches("(mom_30_1|rev_1|rvol_20|vol_adj_mom) .*")).count(),
                "one summary line per factor and horizon: " + run.out());
        String runId = run.out().replaceAll("(?s).*run (factor_research-[^ ]+) .*", "$1");
        assertTrue(runId.startsWith("factor_research-"), run.out());

        Lake lake = Lake.at(TestSpark.spark(), lakeDir);
        Row runRow = lake.read(LakeTable.RUNS).where(col("run_id").equalTo(runId)).first();
        assertEquals("factor_research", runRow.getString(runRow.fieldIndex("kind")));
        assertEquals("succeeded", runRow.getString(runRow.fieldIndex("status")));
        assertEquals(CONFIG, runRow.getString(runRow.fieldIndex("config")));
        Map<String, Long> versions = runRow.getJavaMap(runRow.fieldIndex("data_versions"));
        assertEquals(Map.of("candles", lake.version(LakeTable.CANDLES)), versions, "the candles version read");
        JsonNode metrics = new ObjectMapper().readTree(runRow.getString(runRow.fieldIndex("metrics")));
        // datasets/README.md: past 30 d vs next 30 d, Spearman +0.130 on all 40 symbols; positive on 12
        double momRankIc = metrics.at("/mom_30_1/20/mean_rank_ic").asDouble();
        assertTrue(momRankIc > 0.02, "planted momentum: mean rank IC of mom_30_1 at 20 bars " + metrics.get("mom_30_1"));
        assertTrue(metrics.at("/rev_1/1/mean_rank_ic").asDouble() > 0.02, "planted reversal: " + metrics.get("rev_1"));

        long icRows = lake.read(LakeTable.FACTOR_IC).where(col("run_id").equalTo(runId)).count();
        assertTrue(icRows > 3 * 3 * 900, "factor_ic: about 1,000 dates per factor and horizon, got " + icRows);
        Row summary = lake.read(LakeTable.FACTOR_IC_SUMMARY)
                .where(col("run_id").equalTo(runId).and(col("factor").equalTo("mom_30_1")).and(col("horizon").equalTo(20)))
                .first();
        assertEquals(momRankIc, summary.getDouble(summary.fieldIndex("mean_rank_ic")), 1e-12, "the table and runs.metrics agree");
        assertEquals(FACTORS.size() * 3 * 4,
                lake.read(LakeTable.FACTOR_QUANTILE_RETURNS).where(col("run_id").equalTo(runId)).count());
        assertEquals(FACTORS.size() * FACTORS.size(),
                lake.read(LakeTable.FACTOR_CORRELATION).where(col("run_id").equalTo(runId)).count());
        assertTrue(lake.read(LakeTable.FACTOR_STABILITY).where(col("run_id").equalTo(runId)).count() > 0);
        for (Row r : lake.read(LakeTable.FACTORS).groupBy("factor").count().collectAsList()) {
            // 12 symbols x 1,037 dates from 2022-03-01 to 2024-12-31 (every warm-up ends before March 2022),
            // less XRPUSDT's missing bar of 2024-09-01 (datasets/README.md, gaps)
            assertEquals(12L * 1037 - 1, r.getLong(1), "factors rows of " + r.getString(0));
        }
        assertEquals(FACTORS.size(), lake.read(LakeTable.FACTORS).select("factor").distinct().count());

        Path report = out.resolve("factor_report.html");
        assertTrue(Files.isRegularFile(report), "report written to --out");
        String html = Files.readString(report);
        assertFalse(html.contains("src=\"http") || html.contains("<link"), "no external resource in the report");
        // per factor 3 IC charts, decay, quantiles, stability; plus the correlation heatmap
        assertTrue(html.contains("data-charts=\"" + (FACTORS.size() * 6 + 1) + "\""), "chart count");
        assertTrue(html.contains(runId), "the report names its run");
        assertTrue(html.contains("Warm-up in own bars: mom_30_1 31, rev_1 2, rvol_20 21, vol_adj_mom = " + USER_EXPR + " 31."),
                "the report lists each factor with its warm-up, the user factor with its expression");
    }

    @Test
    void aBadFactorNameIsOneLineNamingTheKeyAndFile() throws IOException {
        Path tmp = TestSpark.newTempDir("research-bad");
        Path config = Files.writeString(tmp.resolve("bad.yaml"), CONFIG.replace("rvol_20", "momentum_30"));
        CliRun run = research("factors", "--config", config.toString(), "--lake", tmp.resolve("lake").toString());
        assertEquals(1, run.exitCode());
        String[] err = run.err().strip().split("\n");
        assertEquals(1, err.length, run.err());
        assertTrue(err[0].contains("`factors`") && err[0].contains("momentum_30") && err[0].contains("bad.yaml"), err[0]);

        Path peek = Files.writeString(tmp.resolve("peek.yaml"), CONFIG.replace("lag(close, 1))) over", "lead(close, 1))) over"));
        CliRun lookAhead = research("factors", "--config", peek.toString(), "--lake", tmp.resolve("lake").toString());
        assertEquals(1, lookAhead.exitCode());
        String line = lookAhead.err().strip();
        assertFalse(line.contains("\n"), line);
        assertEquals("research factors: factor vol_adj_mom (file " + peek + "): look-ahead: lead(…) reads later bars; use "
                + "lag(x, k) for earlier ones in `" + USER_EXPR.replace("lag(close, 1)", "lead(close, 1)") + "`", line);
    }

    /** datasets/sample's spot klines tree; skips the test when the sample is absent. */
    static Path sampleKlines() {
        String root = System.getProperty("quantlake.root");
        Assumptions.assumeTrue(root != null, "skipped: system property quantlake.root is not set (run through Maven)");
        Path klines = Path.of(root, "datasets", "sample", "spot", "monthly", "klines");
        Assumptions.assumeTrue(Files.isDirectory(klines), "skipped: the committed sample is absent: " + klines);
        return klines;
    }
}
