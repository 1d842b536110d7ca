package io.quantlake.ingest;

import io.quantlake.market.FundingRecord;
import io.quantlake.market.Market;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads plain funding CSV files (CLI {@code ingest csv --funding}): one file per symbol, the symbol being the
 * file name ({@code XRPUSDT.csv}); header {@code funding_time,funding_rate} or
 * {@code funding_time,funding_rate,mark_price} (required); {@code funding_time} epoch ms or ISO-8601 UTC;
 * {@code funding_rate} a fraction per funding interval; {@code mark_price} in quote currency, an empty value
 * meaning not carried (NaN). Funding exists only for USDⓈ-M. A directory is read recursively; a file without
 * data rows is quarantined whole ({@link QuarantineReason#EMPTY_FILE}, line 0) while the other files are read.
 */
public final class FundingCsvReader {
    private static final String TIME_RATE = "funding_time,funding_rate";
    private static final List<String> HEADERS = List.of(TIME_RATE, TIME_RATE + ",mark_price");

    private FundingCsvReader() {
    }

    /** Reads a CSV file or a directory of them as USDⓈ-M funding records. */
    public static IngestBatch read(Path path) throws IOException {
        return read(path, Market.USDM);
    }

    /** Reads a CSV file or a directory of them; {@code market} must be {@link Market#USDM}. */
    public static IngestBatch read(Path path, Market market) throws IOException {
        if (market != Market.USDM) {
            throw new IngestException("funding rates exist only for market usdm, got " + market);
        }
        IngestCollector c = new IngestCollector();
        for (Path file : InputFiles.csvFiles(path)) {
            String symbol = InputFiles.symbolOf(file);
            String source = file.toString();
            c.file(source, null, one -> {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    CsvText text = new CsvText(in, source);
                    int header = text.header(HEADERS, true);
                    if (header < 0) {
                        return; // an empty file: no header, no rows
                    }
                    String columns = HEADERS.get(header);
                    int n = header + 2;
                    text.forEachRow(one, (r, p) -> {
                        String[] f = r.fields();
                        BinanceFormat.columns(f, n, columns);
                        long time = p.epochOrIsoMillis(f, 0, "funding_time", r.line());
                        double rate = FieldParser.decimal(f, 1, "funding_rate");
                        double mark = n == 3 ? FieldParser.optionalDecimal(f, 2, "mark_price") : Double.NaN;
                        one.funding(new FundingRecord(market, symbol, time, rate, mark), source, r.line(), r.raw());
                    });
                }
            });
        }
        return c.build();
    }
}
