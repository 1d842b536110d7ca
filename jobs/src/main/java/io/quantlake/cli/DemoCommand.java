package io.quantlake.cli;

import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.backtest.LakeBacktest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.datasets.SampleUniverseGenerator;
import io.quantlake.datasets.SampleUniverseSpec;
import io.quantlake.ingest.ArchiveReader;
import io.quantlake.ingest.IngestFrames;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeSummary;
import io.quantlake.research.FactorResearchConfig;
import io.quantlake.sweep.Sweep;
import io.quantlake.sweep.SweepConfig;
import io.quantlake.sweep.SweepOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the main job on the embedded default — the synthetic sample ({@code datasets/sample},
 * regenerated into a temporary directory when the checkout lacks it) is ingested through the real
 * archive path into the lake and summarized; then every demo config ({@code datasets/configs}) is
 * backtested on it, and their metrics are printed side by side.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The main job on the embedded default: sample data -> lake -> backtests of every demo config")
final class DemoCommand implements Runnable {
    @Mixin
    LakeOptions lake;

    @Option(names = "--sample", description = "sample directory in the Binance archive layout (default: datasets/sample)")
    Path sample;

    @Option(names = "--configs", description = "directory of backtest YAML configs to run (default: datasets/configs)")
    Path configDir;

    @Option(names = "--out", defaultValue = "out/demo", description = "where the backtests' files go (default: out/demo)")
    Path out;

    @Override
    public void run() {
        Path data = sampleDir();
        System.out.println("== 1. ingest the sample " + data + " into " + lake.root);
        Lake l = lake.open();
        IngestFrames frames;
        try {
            frames = ArchiveReader.read(l.spark(), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IngestCommand.write(l, frames, "demo --sample " + data);
        System.out.println("== 2. the lake");
        System.out.print(LakeSummary.of(l).toTable());
        System.out.println("== 3. backtests of the demo configs in " + configs());
        Map<String, BacktestOutcome> results = new LinkedHashMap<>();
        LakeBacktest backtest = new LakeBacktest(l);
        for (Path config : configFiles()) {
            String name = config.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            Instant started = Instant.now();
            BacktestOutcome outcome = backtest.run(BacktestConfig.load(config));
            String runId = backtest.record(outcome, started);
            Path dir = out.resolve(name);
            backtest.writeFiles(outcome, dir, name);
            System.out.printf("%-26s run %s -> %s%n", name, runId, dir);
            results.put(name, outcome);
        }
        System.out.print(MetricsTable.of(results));
        Path researchConfig = configs().resolve("research").resolve("factors.yaml");
        Path factorReport = null;
        if (Files.exists(researchConfig)) {
            System.out.println("== 4. factor research: " + researchConfig);
            factorReport = ResearchCommand.factorResearch(l, FactorResearchConfig.load(researchConfig),
                    out.resolve("factor_research"));
        }
        Path sweepReport = null;
        Path sweepConfig = configs().resolve("sweeps").resolve("market_neutral_grid.yaml");
        if (Files.exists(sweepConfig)) {
            System.out.println("== 5. a parameter sweep: " + sweepConfig + " (resumable: a rerun skips done sets)");
            SweepConfig grid = SweepConfig.load(sweepConfig);
            SweepOutcome sweep = Sweep.run(l, grid, Optional.of("demo-market-neutral-grid"));
            System.out.print(SweepCommand.report(sweep));
            sweepReport = SweepCommand.writeReport(l, sweep, grid, out.resolve("sweep"));
        }
        System.out.println("== reports (open offline in a browser):");
        if (factorReport != null) {
            System.out.println("  " + factorReport.toAbsolutePath());
        }
        if (sweepReport != null) {
            System.out.println("  " + sweepReport.toAbsolutePath());
        }
        for (String name : results.keySet()) {
            System.out.println("  " + out.resolve(name).resolve("report.html").toAbsolutePath());
        }
    }

    private Path configs() {
        return configDir != null ? configDir : home().resolve("datasets").resolve("configs");
    }

    private List<Path> configFiles() {
        try (Stream<Path> files = Files.list(IngestCommand.existing(configs()))) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path home() {
        return Path.of(System.getProperty("quantlake.home", "."));
    }

    private Path sampleDir() {
        if (sample != null) {
            return IngestCommand.existing(sample);
        }
        Path committed = home().resolve("datasets").resolve("sample");
        if (Files.isDirectory(committed)) {
            return committed;
        }
        try {
            Path tmp = Files.createTempDirectory("quantlake-sample");
            System.out.println("datasets/sample not found; generating the default sample into " + tmp);
            SampleUniverseGenerator.generate(SampleUniverseSpec.defaultSample(tmp));
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
