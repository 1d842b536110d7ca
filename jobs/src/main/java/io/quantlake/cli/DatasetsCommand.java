package io.quantlake.cli;

import io.quantlake.datasets.GenerationSummary;
import io.quantlake.datasets.SampleUniverseGenerator;
import io.quantlake.datasets.SampleUniverseSpec;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datasets generate}: the seeded synthetic Binance-like universe, in the Binance archive layout. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Synthetic sample data",
        subcommands = {DatasetsCommand.Generate.class})
final class DatasetsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: generate");
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a synthetic universe (archive zips with .CHECKSUM files) to --out")
    static final class Generate implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec command;

        @Option(names = "--out", required = true, description = "output directory")
        Path out;

        @Option(names = "--size", defaultValue = "default", description = "preset: default (the committed sample) or large")
        String size;

        @Option(names = "--seed", description = "random seed (default: the preset's)")
        Long seed;

        @Override
        public void run() {
            SampleUniverseSpec spec = OptionValues.parse(command, "--size", size, name -> SampleUniverseSpec.preset(name, out));
            if (seed != null) {
                spec = spec.withSeed(seed);
            }
            GenerationSummary summary = SampleUniverseGenerator.generate(spec);
            System.out.println(summary.describe());
        }
    }
}
