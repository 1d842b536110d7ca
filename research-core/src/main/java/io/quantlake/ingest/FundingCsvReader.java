package io.quantlake.ingest;

import io.quantlake.market.Market;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

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
    static final List<String> HEADERS = List.of(TIME_RATE, TIME_RATE + ",mark_price");

    private FundingCsvReader() {
    }

    /** Reads a CSV file or a directory of them as USDⓈ-M funding records. */
    public static IngestFrames read(SparkSession spark, Path path) throws IOException {
        return read(spark, path, Market.USDM);
    }

    /** Reads a CSV file or a directory of them; {@code market} must be {@link Market#USDM}. */
    public static IngestFrames read(SparkSession spark, Path path, Market market) throws IOException {
        if (market != Market.USDM) {
            throw new IngestException("funding rates exist only for market usdm, got " + market);
        }
        List<FileJob> jobs = new ArrayList<>();
        for (Path file : InputFiles.csvFiles(path)) {
            jobs.add(new FileJob(jobs.size(), file.toString(), FileJob.Format.CSV_FUNDING, market.code(), null, 0,
                    InputFiles.symbolOf(file)));
        }
        return SparkIngest.read(spark, jobs, List.of(), 0);
    }
}
