package io.quantlake.cli;

import io.quantlake.ingest.ArchiveReader;
import io.quantlake.ingest.BinanceRestClient;
import io.quantlake.ingest.CsvCandleReader;
import io.quantlake.ingest.FundingCsvReader;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.ingest.IngestFrames;
import io.quantlake.ingest.QuarantineRow;
import io.quantlake.ingest.RestSettings;
import io.quantlake.lake.CandleStore;
import io.quantlake.lake.IngestReport;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeWriter;
import io.quantlake.lake.RunRecord;
import io.quantlake.lake.WriterLock;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ingest csv|archive|api}: validate, quarantine and MERGE candles, funding and symbols into the lake. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest candles and funding rates into the lake (idempotent MERGE; bad rows quarantined)",
        subcommands = {IngestCommand.Csv.class, IngestCommand.Archive.class, IngestCommand.Api.class})
final class IngestCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: csv, archive or api");
    }

    /**
     * Writes {@code batch} to the lake and prints the report; names each file quarantined whole on stderr, one
     * line each; returns the report.
     */
    static IngestReport write(Lake lake, IngestFrames frames, String config) {
        String runId = RunRecord.newRunId("ingest", Instant.now());
        IngestReport report = new LakeWriter(lake).ingest(frames, runId, config);
        return print(report, frames.filesRejected());
    }

    /** As {@link #write(Lake, IngestFrames, String)} for an in-memory batch (a REST download). */
    static IngestReport write(Lake lake, IngestBatch batch, String config) {
        String runId = RunRecord.newRunId("ingest", Instant.now());
        IngestReport report = new LakeWriter(lake).ingest(batch, runId, config);
        return print(report, batch.quarantine().stream().filter(q -> q.reason().isFileReason()).toList());
    }

    private static IngestReport print(IngestReport report, List<QuarantineRow> filesRejected) {
        System.out.println(report.toTable());
        for (QuarantineRow q : filesRejected) {
            System.err.println(q.source() + ": " + q.detail() + "; nothing ingested from this file (quarantined: "
                    + q.reason().code() + ")");
        }
        return report;
    }

    static Path existing(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("--path " + p + ": no such file or directory");
        }
        return p;
    }

    @Command(name = "csv", mixinStandardHelpOptions = true,
            description = "Plain OHLCV CSV files (symbol = file name; open_time epoch ms or ISO-8601), or funding CSVs with --funding")
    static final class Csv implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        LakeOptions lake;

        @Option(names = "--path", required = true, description = "a CSV file or a directory (recursive)")
        Path path;

        @Option(names = "--market", defaultValue = "spot", description = "spot | usdm (default spot; usdm with --funding)")
        String market;

        @Option(names = "--interval", description = "candle interval, e.g. 1d, 4h (not with --funding)")
        String interval;

        @Option(names = "--funding", description = "the files are funding CSVs: funding_time,funding_rate[,mark_price]")
        boolean funding;

        @Override
        public void run() {
            Market m = funding && "spot".equals(market) ? Market.USDM : OptionValues.parse(spec, "--market", market, Market::parse);
            if (!funding && interval == null) {
                throw new ParameterException(spec.commandLine(), "ingest csv needs --interval (accepted: " + Interval.codes() + ")");
            }
            Interval iv = funding ? null : OptionValues.parse(spec, "--interval", interval, Interval::parse);
            existing(path);
            Lake l = lake.open();
            try (WriterLock.Hold h = l.writerLock().acquire()) { // the lake's writer from the input's read on
                IngestFrames frames;
                try {
                    frames = funding ? FundingCsvReader.read(l.spark(), path, m) : CsvCandleReader.read(l.spark(), path, m, iv);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                write(l, frames, "ingest csv --path " + path + (funding ? " --funding" : " --interval " + interval)
                        + " --market " + market);
            }
        }
    }

    @Command(name = "archive", mixinStandardHelpOptions = true,
            description = "Binance public archive files (zip or csv; klines or fundingRate; exchangeInfo.json for symbol filters);"
                    + " market, symbol and interval from names and folders")
    static final class Archive implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        LakeOptions lake;

        @Option(names = "--path", required = true, description = "a directory tree, a zip or a csv")
        Path path;

        @Option(names = "--market", description = "market of bare file names outside a spot/ or futures/um/ tree (default spot)")
        String market;

        @Override
        public void run() {
            Market m = market == null ? null : OptionValues.parse(spec, "--market", market, Market::parse);
            existing(path);
            Lake l = lake.open();
            try (WriterLock.Hold h = l.writerLock().acquire()) { // the lake's writer from the input's read on
                IngestFrames frames;
                try {
                    frames = m == null ? ArchiveReader.read(l.spark(), path) : ArchiveReader.read(l.spark(), path, m);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                write(l, frames, "ingest archive --path " + path);
            }
        }
    }

    @Command(name = "api", mixinStandardHelpOptions = true,
            description = "Binance REST download, incremental: resumes after the last stored bar of each symbol")
    static final class Api implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        LakeOptions lake;

        @Option(names = "--market", required = true, description = "spot | usdm")
        String market;

        @Option(names = "--symbols", required = true, split = ",", description = "comma-separated symbols, e.g. BTCUSDT,ETHUSDT")
        List<String> symbols;

        @Option(names = "--interval", required = true, description = "candle interval, e.g. 1h")
        String interval;

        @Option(names = "--start", required = true, description = "first open time: UTC date or ISO-8601 instant")
        String start;

        @Option(names = "--end", description = "exclusive end (default: now)")
        String end;

        @Option(names = "--base-url", description = "REST base URL (tests: a loopback server); default Binance's host for the market")
        URI baseUrl;

        @Override
        public void run() {
            Market m = OptionValues.parse(spec, "--market", market, Market::parse);
            Interval iv = OptionValues.parse(spec, "--interval", interval, Interval::parse);
            long startMs = UtcDates.parse(spec, "--start", start);
            long endMs = end == null ? System.currentTimeMillis() : UtcDates.parse(spec, "--end", end);
            Lake l = lake.open();
            CandleStore store = new CandleStore(l);
            Map<String, Long> klineStart = new LinkedHashMap<>();
            Map<String, Long> fundingStart = new LinkedHashMap<>();
            for (String s : symbols) {
                OptionalLong last = store.lastOpenTime(m, iv, s);
                klineStart.put(s, last.isPresent() ? Math.max(startMs, last.getAsLong() + iv.millis()) : startMs);
                if (m == Market.USDM) {
                    OptionalLong lastFunding = store.lastFundingTime(m, s);
                    fundingStart.put(s, lastFunding.isPresent() ? Math.max(startMs, lastFunding.getAsLong() + 1) : startMs);
                }
            }
            RestSettings settings = RestSettings.defaults();
            if (baseUrl != null) {
                settings = settings.withBaseUrl(m, baseUrl);
            }
            IngestBatch batch = new BinanceRestClient(settings).download(m, iv, klineStart, fundingStart, endMs);
            write(l, batch, "ingest api --market " + m + " --symbols " + String.join(",", symbols)
                    + " --interval " + iv + " --start " + start + (end == null ? "" : " --end " + end));
        }
    }
}
