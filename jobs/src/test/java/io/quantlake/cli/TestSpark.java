package io.quantlake.cli;

import io.quantlake.spark.SparkSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the jobs test JVM ({@code local[2]}, created on first use, stopped when the
 * JVM exits). Commands under test open their lake through {@link SparkSessions#getOrCreate}, which
 * returns this running session. Temporary directories land under {@code target/tmp}, surefire's
 * {@code java.io.tmpdir}.
 *
 * <p>Kept in this module's own tests (not a test-jar of research-core) so that building the
 * launcher's jar never needs test artifacts.
 */
final class TestSpark {
    /** The test master: two local threads. */
    static final String TEST_MASTER = "local[2]";

    private TestSpark() {
    }

    /** The shared session, created on first call. */
    static SparkSession spark() {
        return Holder.SPARK;
    }

    /** A fresh empty directory under {@code java.io.tmpdir}, e.g. a lake root. */
    static Path newTempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir under " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    private static final class Holder {
        static final SparkSession SPARK = start();

        private static SparkSession start() {
            SparkSession spark = SparkSessions.getOrCreate("quantlake-jobs-tests", TEST_MASTER,
                    Path.of("target", "spark-warehouse").toAbsolutePath(), 2);
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop, "stop-test-spark"));
            return spark;
        }
    }
}
