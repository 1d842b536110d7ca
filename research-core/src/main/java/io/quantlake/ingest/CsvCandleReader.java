package io.quantlake.ingest;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads plain OHLCV CSV files (CLI {@code ingest csv}): one file per symbol, the symbol being the file name
 * ({@code BTCUSDT.csv}); the header {@value #HEADER} is required; {@code open_time} is epoch ms (µs detected
 * per file as in archives) or ISO-8601 UTC; {@code volume} in base asset. Quote volume, trades and taker
 * volumes are not carried (NaN, -1). Market and interval are the caller's. A directory is read recursively;
 * files that are not {@code .csv} are skipped with a warning. Bad rows are quarantined, see {@link CandleValidator};
 * a file without data rows, or whose bars are spaced unlike {@code interval}, is quarantined whole (one row, line 0,
 * {@link QuarantineReason#EMPTY_FILE} or {@link QuarantineReason#INTERVAL_MISMATCH}) while the other files are read.
 */
public final class CsvCandleReader {
    static final String HEADER = "open_time,open,high,low,close,volume";
    private static final List<String> HEADERS = List.of(HEADER);

    private CsvCandleReader() {
    }

    /** Reads a CSV file or a directory of them as candles of {@code market} and {@code interval}. */
    public static IngestBatch read(Path path, Market market, Interval interval) throws IOException {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(interval, "interval");
        IngestCollector c = new IngestCollector();
        for (Path file : InputFiles.csvFiles(path)) {
            String symbol = InputFiles.symbolOf(file);
            String source = file.toString();
            c.file(source, interval, one -> {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    CsvText text = new CsvText(in, source);
                    text.header(HEADERS, true);
                    text.forEachRow(one, (r, p) -> one.candle(row(r.fields(), market, interval, symbol, p, r.line()),
                            source, r.line(), r.raw()));
                }
            });
        }
        return c.build();
    }

    private static CandleBar row(String[] f, Market market, Interval interval, String symbol, FieldParser p, long line)
            throws RowRejection {
        BinanceFormat.columns(f, 6, HEADER);
        long openTime = p.epochOrIsoMillis(f, 0, "open_time", line);
        return new CandleBar(market, interval, symbol, openTime,
                FieldParser.decimal(f, 1, "open"), FieldParser.decimal(f, 2, "high"),
                FieldParser.decimal(f, 3, "low"), FieldParser.decimal(f, 4, "close"),
                FieldParser.decimal(f, 5, "volume"), Double.NaN, -1, Double.NaN, Double.NaN);
    }
}
