package io.quantlake.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM: {@code local[2]}, created lazily on first use by
 * {@link SparkSessions}, stopped when the JVM exits. Warehouse and temporary directories live
 * under {@code target/} (surefire points {@code java.io.tmpdir} at {@code target/tmp}).
 *
 * <p>Spark tests are slow (a session starts in seconds, a Delta commit takes several): keep them
 * few, small and combined; test logic without Spark wherever possible.
 */
public final class SharedSpark {
    /** The test master: two local threads. */
    public static final String TEST_MASTER = "local[2]";

    private SharedSpark() {
    }

    /** The shared session, created on first call. */
    public static SparkSession spark() {
        return Holder.SPARK;
    }

    /** A fresh empty directory under {@code target/} (via {@code java.io.tmpdir}), e.g. a lake root. */
    public static Path newTempDir(String prefix) {
        try {
            Path base = Paths.get(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir under " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /** {@code target/} of the module under test (the working directory of surefire). */
    public static Path targetDir() {
        return Paths.get("target").toAbsolutePath();
    }

    private static final class Holder {
        static final SparkSession SPARK = start();

        private static SparkSession start() {
            SparkSession spark = SparkSessions.getOrCreate("quantlake-tests", TEST_MASTER,
                    targetDir().resolve("spark-warehouse"), 2);
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop, "stop-shared-spark"));
            return spark;
        }
    }
}
