package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line contract (CLI.md): --help everywhere, one clear stderr line and a non-zero exit on bad input. */
class CliArgumentsTest {
    @Test
    void helpOnEveryCommand() {
        for (String[] cmd : List.of(new String[] {"--help"}, new String[] {"demo", "--help"},
                new String[] {"ingest", "csv", "--help"}, new String[] {"ingest", "archive", "--help"},
                new String[] {"ingest", "api", "--help"}, new String[] {"sql", "--help"},
                new String[] {"backtest", "--help"}, new String[] {"submit", "--help"},
                new String[] {"datasets", "generate", "--help"}, new String[] {"lake", "summary", "--help"}, new String[] {"lake", "upgrade", "--help"},
                new String[] {"research", "factors", "--help"}, new String[] {"pairs", "--help"},
                new String[] {"sweep", "--help"}, new String[] {"replay", "--help"})) {
            CliRun run = CliRun.of(cmd);
            assertEquals(0, run.exitCode(), String.join(" ", cmd) + ": " + run.err());
            assertTrue(run.out().contains("Usage:"), String.join(" ", cmd) + " prints usage");
        }
    }

    @Test
    void sweepTakesAnOutputDirectoryForItsReport() {
        CliRun run = CliRun.of("sweep", "--help");
        assertTrue(run.out().contains("--out=DIR") && run.out().contains("sweep_report.html"), run.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("backtest", "--config", "x.yaml", "--no-such-option");
        assertEquals(2, run.exitCode());
        assertEquals("quantlake backtest: Unknown option: '--no-such-option' (see --help)", run.err().strip());
    }

    @Test
    void aMemoryBudgetMustBeAPositiveNumberOfMebibytes() {
        CliRun run = CliRun.of("backtest", "--config", "x.yaml", "--memory-budget", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--memory-budget") && run.err().contains("'0' is not a positive whole number of MiB")
                && run.err().strip().lines().count() == 1, run.err());
        assertTrue(CliRun.of("backtest", "--help").out().contains("--memory-budget=MB"));
        CliRun sweep = CliRun.of("sweep", "--config", "x.yaml", "--memory-budget", "-3");
        assertEquals(2, sweep.exitCode());
        assertTrue(sweep.err().contains("--memory-budget") && sweep.err().contains("'-3' is not a positive whole number"
                + " of MiB"), sweep.err());
        assertTrue(CliRun.of("sweep", "--help").out().contains("--memory-budget=MB"));
    }

    @Test
    void badConfigNamesTheKeyAndFile(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, """
                market: spot
                interval: 1d
                universe: [BTCUSDT]
                start: 2024-01-01
                end: 2024-02-01
                capital: 1000
                execution: {price: tomorrow}
                strategy: {name: monthly_rebalance, params: {target_weights: {BTCUSDT: 1}}}
                """);
        CliRun run = CliRun.of("backtest", "--config", cfg.toString(), "--lake", dir.resolve("lake").toString());
        assertEquals(1, run.exitCode());
        String[] lines = run.err().strip().split("\n");
        assertEquals(1, lines.length, "one line on stderr: " + run.err());
        assertTrue(lines[0].contains("execution.price") && lines[0].contains("bad.yaml") && lines[0].contains("next_open"),
                lines[0]);
    }

    @Test
    void missingPathIsOneLine(@TempDir Path dir) {
        CliRun run = CliRun.of("ingest", "csv", "--path", dir.resolve("nope").toString(), "--interval", "1d");
        assertEquals(1, run.exitCode());
        assertEquals("quantlake ingest csv: --path " + dir.resolve("nope") + ": no such file or directory", run.err().strip());
    }

    @Test
    void submitPutsTheJarAfterTheMainClass() {
        String[] args = SubmitCommand.sparkSubmitArgs(
                List.of("--conf", "spark.x=1", "--class", "io.quantlake.jobs.QuantLakeJob", "demo", "--lake", "l"), "app.jar");
        assertArrayEquals(new String[] {"--master", "local[*]", "--conf", "spark.x=1", "--class",
            "io.quantlake.jobs.QuantLakeJob", "app.jar", "demo", "--lake", "l"}, args);
        String[] withMaster = SubmitCommand.sparkSubmitArgs(List.of("--master", "local[2]", "--class", "C"), "app.jar");
        assertArrayEquals(new String[] {"--master", "local[2]", "--class", "C", "app.jar"}, withMaster);
        assertThrows(IllegalArgumentException.class, () -> SubmitCommand.sparkSubmitArgs(List.of("--master", "x"), "a.jar"));
    }
}
