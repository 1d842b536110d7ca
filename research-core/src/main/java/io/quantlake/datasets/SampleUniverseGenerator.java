package io.quantlake.datasets;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates a seeded, deterministic synthetic Binance-like universe in the public archive layout
 * (see {@link BinanceArchiveWriter}) with planted effects (see {@link ModelParameters}), so that the
 * demo and the tests exercise the real archive ingest path on data whose truth is known.
 *
 * <p>Pipeline: {@link UniversePlanner} decides names, betas, ticks, pairs, listings and gaps;
 * {@link DailyPathModel} draws daily log closes; {@link HourlyBarModel} bridges them into 1h bars;
 * 1d bars are the aggregation of the same 1h bars (so both intervals agree exactly); the writer
 * emits 1d files over the whole sample and 1h files over the last {@code hourlyMonths} months;
 * the last {@code minuteDays} days get 1m files split from the same 1h bars ({@link MinuteBarModel}), one
 * symbol-month in memory at a time;
 * {@link ExchangeInfoWriter} adds each market's symbol filters ({@code exchangeInfo.json}); a
 * {@code MANIFEST} lists the planted facts. Same spec, byte-identical output.
 */
public final class SampleUniverseGenerator {
    /** USDⓈ-M quote volume relative to spot. */
    private static final double USDM_VOLUME_MULTIPLIER = 2.5;

    private SampleUniverseGenerator() {
    }

    /**
     * Writes the universe of {@code spec} into {@code spec.outDir()}, which must be absent or empty.
     *
     * @return the counts and the planted facts
     */
    public static GenerationSummary generate(SampleUniverseSpec spec) {
        requireEmpty(spec.outDir());
        UniversePlan plan = UniversePlanner.plan(spec, ModelParameters.DEFAULT);
        DailyPaths paths = DailyPathModel.draw(plan);
        BinanceArchiveWriter writer = new BinanceArchiveWriter(spec.outDir());
        for (SymbolProfile profile : plan.symbols()) {
            if (spec.markets().contains(Market.SPOT)) {
                writeMarket(plan, paths, profile, Market.SPOT, 1.0, writer);
            }
            if (spec.markets().contains(Market.USDM) && profile.index() < spec.usdmSymbols()) {
                writeMarket(plan, paths, profile, Market.USDM, USDM_VOLUME_MULTIPLIER, writer);
                long from = Math.max(plan.startMs(), profile.firstOpenTime());
                writer.writeFunding(profile.symbol(), plan.startMs(), FundingModel.rates(plan, profile), from, profile.endTime());
            }
        }
        List<String> names = new ArrayList<>();
        for (SymbolProfile p : plan.symbols()) {
            names.add(p.symbol());
        }
        if (spec.markets().contains(Market.SPOT)) {
            ExchangeInfoWriter.write(spec.outDir(), Market.SPOT, plan, plan.symbols());
        }
        if (spec.markets().contains(Market.USDM)) {
            ExchangeInfoWriter.write(spec.outDir(), Market.USDM, plan,
                    plan.symbols().stream().filter(p -> p.index() < spec.usdmSymbols()).toList());
        }
        GenerationSummary summary = new GenerationSummary(spec.outDir(), names, writer.files(), writer.rows(),
                plan.pairs(), plan.events(), plan.gaps());
        ManifestWriter.write(plan, summary);
        return summary;
    }

    private static void writeMarket(UniversePlan plan, DailyPaths paths, SymbolProfile profile, Market market,
                                    double volumeMultiplier, BinanceArchiveWriter writer) {
        List<BarGap> gaps = new ArrayList<>();
        for (BarGap g : plan.gaps()) {
            if (g.market() == market && g.symbol().equals(profile.symbol())) {
                gaps.add(g);
            }
        }
        BarSeries hourly = HourlyBarModel.build(plan, paths, profile, market, volumeMultiplier, gaps);
        BarSeries daily = hourly.aggregate(Interval.D1, 24);
        writer.writeKlines(market, profile.symbol(), daily, plan.startMs(), plan.endMs());
        SampleUniverseSpec spec = plan.spec();
        if (spec.hourlyMonths() > 0 && profile.index() < spec.hourlySymbols()) {
            writer.writeKlines(market, profile.symbol(), hourly, plan.hourlyStartMs(), plan.endMs());
            writeMinutes(plan, hourly, profile, market, writer);
        }
    }

    /** The 1m files of one symbol over the last {@code minuteDays} days, one month of minutes in memory at a time. */
    private static void writeMinutes(UniversePlan plan, BarSeries hourly, SymbolProfile profile, Market market,
                                     BinanceArchiveWriter writer) {
        long from = plan.endMs() - plan.spec().minuteDays() * UniversePlan.DAY;
        while (from < plan.endMs()) {
            YearMonth month = YearMonth.from(Instant.ofEpochMilli(from).atOffset(ZoneOffset.UTC));
            long to = Math.min(plan.endMs(),
                    month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            BarSeries minutes = MinuteBarModel.split(hourly, plan.spec().seed(), profile.index(), from, to);
            writer.writeKlines(market, profile.symbol(), minutes, from, to);
            from = to;
        }
    }

    private static void requireEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("output " + dir + " exists and is not a directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("output directory " + dir
                        + " is not empty; remove it or choose another (the generator never mixes samples)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code --out DIR [--seed N] [--size default|large]}; exits non-zero with a one-line message on bad input. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command line without {@code System.exit}: returns the exit code (0 ok, 2 bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String usage = "usage: SampleUniverseGenerator --out DIR [--seed N] [--size default|large]";
        Path dir = null;
        Long seed = null;
        String size = "default";
        try {
            for (int k = 0; k < args.length; k++) {
                switch (args[k]) {
                    case "--help":
                    case "-h":
                        out.println(usage);
                        return 0;
                    case "--out":
                        dir = Paths.get(value(args, k++));
                        break;
                    case "--seed":
                        String v = value(args, k++);
                        try {
                            seed = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--seed must be an integer, got '" + v + "'");
                        }
                        break;
                    case "--size":
                        size = value(args, k++);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option '" + args[k] + "'; " + usage);
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("--out DIR is required; " + usage);
            }
            SampleUniverseSpec spec = SampleUniverseSpec.preset(size, dir);
            if (seed != null) {
                spec = spec.withSeed(seed);
            }
            out.println(generate(spec).describe());
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static String value(String[] args, int k) {
        if (k + 1 >= args.length) {
            throw new IllegalArgumentException("option " + args[k] + " needs a value");
        }
        return args[k + 1];
    }
}
