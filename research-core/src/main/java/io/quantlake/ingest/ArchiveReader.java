package io.quantlake.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.market.Market;
import io.quantlake.spark.SparkSessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Binance public archive files (data.binance.vision): kline and fundingRate files, zipped or extracted
 * CSVs, one file or a directory tree (recursive). Market, symbol and interval come from the file names and
 * folders, see {@link ArchiveFile}; row formats in {@link BinanceFormat}.
 *
 * <p>One bad file does not stop the others: a zip whose SHA-256 differs from the {@code <zip>.CHECKSUM} beside it
 * ({@link QuarantineReason#CHECKSUM_MISMATCH}; a zip without one is read unverified), a zip that cannot be read to
 * its end, e.g. truncated, or that holds anything but CSV files ({@link QuarantineReason#UNREADABLE_FILE}), a file
 * without data rows ({@link QuarantineReason#EMPTY_FILE}) or whose bars are spaced unlike the interval in its name
 * ({@link QuarantineReason#INTERVAL_MISMATCH}) is quarantined as one row (the file, line 0) and nothing of it is
 * returned; the other files are. What says the input is not a Binance archive at all aborts the whole call with an
 * {@link IngestException} naming the file, so nothing is returned: a data file (.zip/.csv) named outside the
 * archive scheme or layout, a {@code .CHECKSUM} that is malformed or whose file is missing, a header of another
 * format, a file mixing epoch units. Other files below a directory (notes, {@code .DS_Store}) are skipped with a
 * warning naming them.
 *
 * <p>Symbol filters: a file named {@value #EXCHANGE_INFO} (Binance's {@code exchangeInfo} response, which the
 * archive itself does not publish) in {@code spot/} or {@code futures/um/} (or anywhere, for the caller's
 * {@code bareNameMarket}) gives the {@code symbols} rows of that market: tick size, lot step and minimum
 * notional, see {@link ExchangeInfoParser}. An unreadable one aborts the call like a bad checksum.
 *
 * <p>Bad rows are quarantined with source {@code <file>} or {@code <zip>!/<entry>} and their 1-based line;
 * the valid rows of the same file are kept.
 *
 * <p>The driver lists the files and checks their names; the executors read them ({@link SparkIngest}): paths must
 * be readable where the executors run (a shared file system on a cluster).
 */
public final class ArchiveReader {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveReader.class);
    /** The file name of a market's exchange metadata (Binance's exchangeInfo JSON). */
    public static final String EXCHANGE_INFO = "exchangeInfo.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveReader() {
    }

    /**
     * Reads {@code path} as {@link #read(SparkSession, Path)} does, in the running Spark session (a local one,
     * {@link SparkSessions#getOrCreate(String, Path)}, when none runs), and collects what it read to the driver
     * ({@link IngestFrames#collect()}): candles and funding sorted by key, the quarantine in its order. For small
     * inputs, such as a notebook's sample files; an ingest into the lake writes the frames instead.
     */
    public static IngestBatch readToDriver(Path path) throws IOException {
        return readToDriver(List.of(path));
    }

    /**
     * Reads every one of {@code paths} in one Spark read ({@link #read(SparkSession, List, Market)}, files outside
     * the archive layout taken as spot) and collects it to the driver as {@link #readToDriver(Path)} does: a few
     * Spark jobs whatever the number of folders, where one call per folder would run them per folder.
     */
    public static IngestBatch readToDriver(List<Path> paths) throws IOException {
        Path warehouse = Path.of(System.getProperty("java.io.tmpdir"), "quantlake-warehouse");
        return read(SparkSessions.getOrCreate("quantlake", warehouse), paths, Market.SPOT).collect();
    }

    /** Reads {@code path}; files outside the archive folder layout are taken as spot. */
    public static IngestFrames read(SparkSession spark, Path path) throws IOException {
        return read(spark, path, Market.SPOT);
    }

    /**
     * Reads {@code path} (a .zip, an extracted .csv or a directory of them).
     *
     * @param bareNameMarket market of kline files whose folders do not follow the archive layout
     *                       (e.g. a bare {@code BTCUSDT-1h-2024-01.csv}); ignored for files inside it
     */
    public static IngestFrames read(SparkSession spark, Path path, Market bareNameMarket) throws IOException {
        return read(spark, List.of(path), bareNameMarket);
    }

    /**
     * Reads every one of {@code paths} (each a .zip, an extracted .csv or a directory of them) as one input: one
     * set of Spark jobs, one {@link IngestFrames}. A file reached through two of the paths is read once.
     *
     * @param bareNameMarket market of kline files whose folders do not follow the archive layout
     */
    public static IngestFrames read(SparkSession spark, List<Path> paths, Market bareNameMarket) throws IOException {
        if (paths.isEmpty()) {
            throw new IngestException("no input path given");
        }
        Map<Path, Path> inputs = new LinkedHashMap<>(); // by the file's absolute path: each file once, named as given
        for (Path path : paths) {
            for (Path p : InputFiles.list(path)) {
                inputs.putIfAbsent(p.toAbsolutePath().normalize(), p);
            }
        }
        List<ArchiveFile> files = new ArrayList<>();
        List<Path> exchangeInfos = new ArrayList<>();
        for (Path p : inputs.values()) {
            String name = p.getFileName().toString();
            if (name.equals(EXCHANGE_INFO)) {
                exchangeInfos.add(p);
            } else if (name.endsWith(ArchiveChecksum.SUFFIX)) {
                Path target = p.resolveSibling(name.substring(0, name.length() - ArchiveChecksum.SUFFIX.length()));
                if (!Files.isRegularFile(target)) {
                    throw new IngestException(p + ": checksum of a missing file " + target.getFileName() + "; ingest aborted");
                }
            } else if (InputFiles.hasExtension(p, ".zip") || InputFiles.hasExtension(p, ".csv")) {
                files.add(ArchiveFile.of(p, bareNameMarket));
            } else {
                LOG.warn("{}: skipped, not a Binance archive file (.zip, .csv, .CHECKSUM or " + EXCHANGE_INFO + ")", p);
            }
        }
        if (files.isEmpty() && exchangeInfos.isEmpty()) {
            throw new IngestException((paths.size() == 1 ? paths.get(0).toString() : paths.toString())
                    + ": no Binance archive file (.zip, .csv or " + EXCHANGE_INFO + ") found");
        }
        List<SymbolInfo> symbols = new ArrayList<>();
        readExchangeInfos(exchangeInfos, bareNameMarket, symbols);
        List<FileJob> jobs = new ArrayList<>();
        for (ArchiveFile f : files) {
            boolean klines = f.kind() == ArchiveFile.Kind.KLINES;
            jobs.add(new FileJob(jobs.size(), f.path().toString(),
                    klines ? FileJob.Format.ARCHIVE_KLINES : FileJob.Format.ARCHIVE_FUNDING, f.market().code(),
                    klines ? f.interval().code() : null, klines ? f.interval().millis() : 0, f.symbol()));
        }
        return SparkIngest.read(spark, jobs, symbols, exchangeInfos.size());
    }

    /**
     * Each exchangeInfo file's symbols (all of them, whatever klines the tree holds); its market from the folder
     * it is in ({@code spot/} or {@code futures/um/}, else {@code bareNameMarket}). A symbol in two files of one
     * market is an error naming both.
     */
    private static void readExchangeInfos(List<Path> files, Market bareNameMarket, List<SymbolInfo> symbols)
            throws IOException {
        Map<String, Path> seen = new HashMap<>();
        for (Path p : files) {
            Market market = exchangeInfoMarket(p, bareNameMarket);
            JsonNode root;
            try {
                root = JSON.readTree(p.toFile());
            } catch (JsonProcessingException e) {
                throw new IngestException(p + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
            }
            for (SymbolInfo s : ExchangeInfoParser.parse(market, root, p.toString())) {
                Path before = seen.putIfAbsent(market + " " + s.symbol(), p);
                if (before != null) {
                    throw new IngestException(p + ": " + market + " symbol " + s.symbol() + " is also in " + before
                            + "; keep one " + EXCHANGE_INFO + " per market");
                }
                symbols.add(s);
            }
        }
    }

    private static Market exchangeInfoMarket(Path file, Market bareNameMarket) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        String folder = dir == null || dir.getFileName() == null ? "" : dir.getFileName().toString();
        Path up = dir == null ? null : dir.getParent();
        String parent = up == null || up.getFileName() == null ? "" : up.getFileName().toString();
        if (folder.equals("spot")) {
            return Market.SPOT;
        }
        if (parent.equals("futures") && folder.equals("um")) {
            return Market.USDM;
        }
        if (parent.equals("futures") && folder.equals("cm")) {
            throw new IngestException(file + ": coin-margined futures (futures/cm) are not supported; markets: spot, usdm");
        }
        return bareNameMarket;
    }
}
