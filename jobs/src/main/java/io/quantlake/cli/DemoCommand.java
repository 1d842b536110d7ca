package io.quantlake.cli;

import io.quantlake.datasets.SampleUniverseGenerator;
import io.quantlake.datasets.SampleUniverseSpec;
import io.quantlake.ingest.ArchiveReader;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the main job on the embedded default — the synthetic sample ({@code datasets/sample},
 * regenerated into a temporary directory when the checkout lacks it) is ingested through the real
 * archive path into the lake, then summarized.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The main job on the embedded default: sample data -> lake -> summary")
final class DemoCommand implements Runnable {
    @Mixin
    LakeOptions lake;

    @Option(names = "--sample", description = "sample directory in the Binance archive layout (default: datasets/sample)")
    Path sample;

    @Override
    public void run() {
        Path data = sampleDir();
        System.out.println("== 1. ingest the sample " + data + " into " + lake.root);
        IngestBatch batch;
        try {
            batch = ArchiveReader.read(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Lake l = lake.open();
        IngestCommand.write(l, batch, "demo --sample " + data);
        System.out.println("== 2. the lake");
        System.out.print(LakeSummary.of(l).toTable());
    }

    private Path sampleDir() {
        if (sample != null) {
            return IngestCommand.existing(sample);
        }
        Path home = Path.of(System.getProperty("quantlake.home", "."));
        Path committed = home.resolve("datasets").resolve("sample");
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
