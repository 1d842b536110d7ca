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

        @Option(names = "--size", description = "preset: default (the committed sample), large or minute "
                + "(100 symbols × 2024 in 1m bars, ≈ 50 M rows); default: default, or minute with --interval/--symbols/--days")
        String size;

        @Option(names = "--interval", description = "the finest interval to generate: 1m (the minute preset; 1d and 1h "
                + "files are always written)")
        String interval;

        @Option(names = "--symbols", description = "minute preset: number of symbols (default 100, at least 16)")
        Integer symbols;

        @Option(names = "--days", description = "minute preset: days of 2024, counted back from its end, that get 1m files "
                + "(default 366)")
        Integer days;

        @Option(names = "--seed", description = "random seed (default: the preset's)")
        Long seed;

        @Override
        public void run() {
            SampleUniverseSpec spec = OptionValues.parse(command, "--size", preset(),
                    name -> SampleUniverseSpec.preset(name, out));
            if (symbols != null || days != null) {
                SampleUniverseSpec minute = spec;
                spec = OptionValues.parse(command, symbols != null ? "--symbols" : "--days",
                        String.valueOf(symbols != null ? symbols : days), v -> SampleUniverseSpec.minute(out,
                                symbols != null ? symbols : minute.symbols(), days != null ? days : minute.minuteDays()));
            }
            if (seed != null) {
                spec = spec.withSeed(seed);
            }
            GenerationSummary summary = SampleUniverseGenerator.generate(spec);
            System.out.println(summary.describe());
        }

        /** The preset: --size, else minute when a minute option is given, else default. */
        private String preset() {
            if (interval != null) {
                OptionValues.parse(command, "--interval", interval, v -> {
                    if (!v.equals("1m")) {
                        throw new IllegalArgumentException("only 1m is generated on request (1d and 1h files are "
                                + "always written), got '" + v + "'");
                    }
                    return v;
                });
            }
            boolean minute = interval != null || symbols != null || days != null;
            if (size == null) {
                return minute ? "minute" : "default";
            }
            return OptionValues.parse(command, "--size", size, v -> {
                if (minute && !v.equals("minute")) {
                    throw new IllegalArgumentException("--interval, --symbols and --days apply to size minute, got '"
                            + v + "'");
                }
                return v;
            });
        }
    }
}
