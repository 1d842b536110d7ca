package io.quantlake.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads input files on the executors, one {@link FileJob} at a time, into rows of {@link #SCHEMA}: one row per
 * data line (header and blank lines dropped), unparsed. A file's {@code .CHECKSUM}, when present beside it, is
 * verified here, on the executor reading the file. A file is read whole before its rows are handed on (memory:
 * one file's lines per task), so that a file that fails midway gives no row but one event row instead:
 * <ul>
 *   <li>{@code event} = a {@link QuarantineReason} file code ({@code checksum_mismatch}, {@code unreadable_file},
 *       {@code empty_file}) and its detail: the file is quarantined whole;</li>
 *   <li>{@code event} = {@value #ABORT}, detail = the message: the input is not what the reader reads (a header of
 *       another format, a malformed {@code .CHECKSUM}), the driver aborts the ingest with an
 *       {@link IngestException}.</li>
 * </ul>
 */
final class FileLines {
    /** The event of a file that aborts the whole ingest. */
    static final String ABORT = "abort";

    /**
     * {@code file_id} ({@link FileJob#id()}), {@code source} (the file, or {@code zip!/entry}), {@code line}
     * (1-based physical line, header included; 0 for an event), {@code entry} (index of the CSV entry in a zip, 0 for
     * a plain CSV and an event), {@code raw} (the line), {@code layout} (index of
     * the header found among the format's headers, -1 for none), {@code event} and {@code detail} (null for a data
     * line), then the file's {@code market}, {@code interval}, {@code interval_ms} and {@code symbol}.
     */
    static final StructType SCHEMA = new StructType()
            .add("file_id", DataTypes.IntegerType, false)
            .add("source", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("entry", DataTypes.IntegerType, false)
            .add("raw", DataTypes.StringType, true)
            .add("layout", DataTypes.IntegerType, false)
            .add("event", DataTypes.StringType, true)
            .add("detail", DataTypes.StringType, true)
            .add("market", DataTypes.StringType, false)
            .add("interval", DataTypes.StringType, true)
            .add("interval_ms", DataTypes.LongType, false)
            .add("symbol", DataTypes.StringType, false);

    private FileLines() {
    }

    /** The rows of every file of {@code jobs}, file after file (a Spark {@code mapPartitions} function). */
    static Iterator<Row> read(Iterator<FileJob> jobs) {
        return new Iterator<>() {
            private Iterator<Row> current = List.<Row>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && jobs.hasNext()) {
                    current = read(jobs.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The rows of one file: its data lines, or one event row. */
    static List<Row> read(FileJob job) {
        Path file = Path.of(job.path());
        List<Row> out = new ArrayList<>();
        try {
            Path checksum = ArchiveChecksum.of(file);
            if (Files.isRegularFile(checksum)) {
                ArchiveChecksum.verify(file, checksum);
            }
            if (InputFiles.hasExtension(file, ".zip")) {
                readZip(job, file, out);
            } else {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    readCsv(job, new CsvText(in, job.path()), 0, out);
                }
            }
            return out;
        } catch (FileRejection e) {
            return List.of(event(job, e.violation().reason().code(), e.violation().detail()));
        } catch (IOException | UncheckedIOException e) {
            return List.of(event(job, QuarantineReason.UNREADABLE_FILE.code(), "cannot be read to its end ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")"));
        } catch (IngestException e) {
            return List.of(event(job, ABORT, e.getMessage()));
        }
    }

    private static void readZip(FileJob job, Path file, List<Row> out) throws IOException, FileRejection {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new FileRejection(QuarantineReason.UNREADABLE_FILE, "not a readable zip (" + e.getMessage() + ")");
        }
        try (zip) {
            int csvEntries = 0;
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry entry = en.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    throw new FileRejection(QuarantineReason.UNREADABLE_FILE, "entry " + entry.getName()
                            + " is not a CSV file; a Binance archive zip holds CSV files only");
                }
                csvEntries++;
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
                    readCsv(job, new CsvText(in, job.path() + "!/" + entry.getName()), csvEntries - 1, out);
                }
            }
            if (csvEntries == 0) {
                throw new FileRejection(QuarantineReason.EMPTY_FILE, "the zip holds no CSV file");
            }
        }
    }

    private static void readCsv(FileJob job, CsvText text, int entry, List<Row> out) throws IOException {
        int layout = text.header(headers(job.format()), required(job.format()));
        for (CsvText.Row r = text.next(); r != null; r = text.next()) {
            out.add(RowFactory.create(job.id(), text.source(), r.line(), entry, r.raw(), layout, null, null, job.market(),
                    job.interval(), job.intervalMs(), job.symbol()));
        }
    }

    private static Row event(FileJob job, String event, String detail) {
        return RowFactory.create(job.id(), job.path(), 0L, 0, null, -1, event, detail, job.market(), job.interval(),
                job.intervalMs(), job.symbol());
    }

    /** The headers a format accepts, in layout order. */
    static List<String> headers(FileJob.Format format) {
        return switch (format) {
            case ARCHIVE_KLINES -> BinanceFormat.KLINE_HEADERS;
            case ARCHIVE_FUNDING -> BinanceFormat.FUNDING_HEADERS;
            case CSV_CANDLES -> List.of(CsvCandleReader.HEADER);
            case CSV_FUNDING -> FundingCsvReader.HEADERS;
        };
    }

    private static boolean required(FileJob.Format format) {
        return format == FileJob.Format.CSV_CANDLES || format == FileJob.Format.CSV_FUNDING;
    }
}
