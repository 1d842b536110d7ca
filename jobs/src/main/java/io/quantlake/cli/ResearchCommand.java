package io.quantlake.cli;

import io.quantlake.factor.Factor;
import io.quantlake.factor.UserFactor;
import io.quantlake.lake.Lake;
import io.quantlake.lake.MergeCounts;
import io.quantlake.lake.RunRecord;
import io.quantlake.research.FactorResearchConfig;
import io.quantlake.research.FactorResearchOutcome;
import io.quantlake.research.FactorTearSheet;
import io.quantlake.research.LakeFactorResearch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code research factors --config F [--out DIR]}: factor research on the lake's candles (issue 5, item 1). */
@Command(name = "research", mixinStandardHelpOptions = true,
        description = "Research on the lake's candles: factor research",
        subcommands = {ResearchCommand.Factors.class})
final class ResearchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: factors");
    }

    /**
     * Factor research of {@code config} on {@code lake} as {@code research factors} runs it (also for
     * {@code demo}): writes the Delta tables and {@code factor_report.html} in {@code out} (null:
     * {@code out/<run id>}), prints the summary table, the rows written and the report's path; returns that path.
     */
    static Path factorResearch(Lake lake, FactorResearchConfig config, Path out) {
        Instant started = Instant.now();
        LakeFactorResearch research = new LakeFactorResearch(lake);
        FactorResearchOutcome outcome = research.run(config);
        String runId = RunRecord.newRunId(LakeFactorResearch.KIND, started);
        Map<String, MergeCounts> written = research.record(outcome, runId, started);
        Path dir = out != null ? out : Path.of("out", runId);
        String file = config.origin().replaceFirst("^file ", "");
        Path report = FactorTearSheet.write(dir, outcome.result(),
                "Factor research: " + Path.of(file).getFileName(), Factors.about(runId, outcome));
        System.out.print(FactorTearSheet.summaryTable(outcome.result()).text());
        for (Map.Entry<String, MergeCounts> e : written.entrySet()) {
            MergeCounts c = e.getValue();
            System.out.printf("%-24s %,d inserted, %,d updated, %,d unchanged%n", e.getKey(), c.inserted(),
                    c.updated(), c.unchanged());
        }
        System.out.println("run " + runId + " (candles version " + outcome.dataVersions().get("candles")
                + "); report " + report);
        return report;
    }

    /**
     * Reads the config's candles, runs {@link LakeFactorResearch}, writes the Delta tables {@code factor_ic},
     * {@code factor_ic_summary}, {@code factor_quantile_returns}, {@code factor_stability},
     * {@code factor_correlation} (keyed by run), {@code factors} and {@code runs}, prints the summary table
     * and writes {@code factor_report.html} to {@code --out}.
     */
    @Command(name = "factors", mixinStandardHelpOptions = true,
            description = "IC, rank IC, IC decay, quantile returns, turnover and correlations of factors from a YAML "
                    + "config; results in Delta (factor_ic and friends, keyed by run; factors) and factor_report.html")
    static final class Factors implements Runnable {
        @Mixin
        LakeOptions lake;

        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "factor research YAML (FactorResearchConfig; e.g. datasets/configs/research/factors.yaml)")
        Path config;

        @Option(names = "--out", paramLabel = "DIR", description = "output directory of factor_report.html (default: out/<run id>)")
        Path out;

        @Override
        public void run() {
            FactorResearchConfig cfg = FactorResearchConfig.load(config); // config errors before any Spark work
            factorResearch(lake.openExisting(), cfg, out);
        }

        private static String about(String runId, FactorResearchOutcome o) {
            FactorResearchConfig c = o.config();
            return "Run " + runId + ": " + c.market().code() + " " + c.interval().code() + ", " + o.symbols().size()
                    + " symbols" + (c.universe().isEmpty() ? " (universe: all)" : "") + ", dates "
                    + c.start().map(Instant::toString).orElse("from the first bar") + " to "
                    + c.end().map(i -> i + " (exclusive)").orElse("the last bar") + ", candles Delta version "
                    + o.dataVersions().get("candles") + ", config " + c.origin() + ". " + warmups(c);
        }

        /** "Warm-up in own bars: mom_30_1 31, vam = (expr) 31." — user factors with their expression. */
        static String warmups(FactorResearchConfig c) {
            List<String> parts = new ArrayList<>();
            for (Factor f : c.spec().engine().factors()) {
                parts.add(f.name() + (f instanceof UserFactor u ? " = " + u.expression().strip().replaceAll("\\s+", " ") : "")
                        + " " + f.warmup());
            }
            return "Warm-up in own bars: " + String.join(", ", parts) + ".";
        }
    }
}
