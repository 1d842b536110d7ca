package io.quantlake.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.spark.SharedSpark;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Test files: the committed fixtures under {@code ingest/} and the shared real data. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * Creates {@code java.io.tmpdir} when missing (surefire points it at {@code target/tmp}, which a clean
     * build lacks), so that {@code @TempDir} works; call from a static initializer of the test class.
     */
    static void ensureTmpdir() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A fixture under {@code src/test/resources/ingest/}. */
    static Path path(String relative) {
        URL url = Fixtures.class.getResource("/ingest/" + relative);
        if (url == null) {
            throw new IllegalStateException("missing test fixture ingest/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of the shared data directory (system property quantlake.shared); skips the test when absent. */
    static Path shared(String relative) {
        String root = System.getProperty("quantlake.shared");
        assumeTrue(root != null, "system property quantlake.shared not set: shared data test skipped");
        Path p = Path.of(root, relative);
        assumeTrue(Files.exists(p), "shared data " + p + " absent: test skipped");
        return p;
    }

    /** {@link ArchiveReader#read(SparkSession, Path)} in the shared test session, collected. */
    static IngestBatch archive(Path path) throws IOException {
        return ArchiveReader.read(SharedSpark.spark(), path).collect();
    }

    /** {@link ArchiveReader#read(SparkSession, Path, Market)} in the shared test session, collected. */
    static IngestBatch archive(Path path, Market bareNameMarket) throws IOException {
        return ArchiveReader.read(SharedSpark.spark(), path, bareNameMarket).collect();
    }

    /** {@link CsvCandleReader#read} in the shared test session, collected. */
    static IngestBatch csv(Path path, Market market, Interval interval) throws IOException {
        return CsvCandleReader.read(SharedSpark.spark(), path, market, interval).collect();
    }

    /** {@link FundingCsvReader#read(SparkSession, Path)} in the shared test session, collected. */
    static IngestBatch fundingCsv(Path path) throws IOException {
        return FundingCsvReader.read(SharedSpark.spark(), path).collect();
    }

    /** {@link FundingCsvReader#read(SparkSession, Path, Market)} in the shared test session, collected. */
    static IngestBatch fundingCsv(Path path, Market market) throws IOException {
        return FundingCsvReader.read(SharedSpark.spark(), path, market).collect();
    }

    /** The quarantine rows of {@code batch} with {@code reason}. */
    static List<QuarantineRow> rows(IngestBatch batch, QuarantineReason reason) {
        return batch.quarantine().stream().filter(q -> q.reason() == reason).toList();
    }
}
