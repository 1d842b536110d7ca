package io.quantlake.ingest;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

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

    private CsvCandleReader() {
    }

    /** Reads a CSV file or a directory of them as candles of {@code market} and {@code interval}. */
    public static IngestFrames read(SparkSession spark, Path path, Market market, Interval interval) throws IOException {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(interval, "interval");
        List<FileJob> jobs = new ArrayList<>();
        for (Path file : InputFiles.csvFiles(path)) {
            jobs.add(new FileJob(jobs.size(), file.toString(), FileJob.Format.CSV_CANDLES, market.code(), interval.code(),
                    interval.millis(), InputFiles.symbolOf(file)));
        }
        return SparkIngest.read(spark, jobs, List.of(), 0);
    }
}
