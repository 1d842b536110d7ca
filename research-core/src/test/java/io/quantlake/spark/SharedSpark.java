package io.quantlake.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
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

    /** The number of Spark jobs {@code action} starts on the shared session (listener events drained before and after). */
    public static int jobsDuring(Runnable action) throws TimeoutException {
        SparkContext sc = spark().sparkContext();
        AtomicInteger jobs = new AtomicInteger();
        SparkListener counter = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                jobs.incrementAndGet();
            }
        };
        sc.addSparkListener(counter);
        try {
            sc.listenerBus().waitUntilEmpty();
            jobs.set(0);
            action.run();
            sc.listenerBus().waitUntilEmpty();
            return jobs.get();
        } finally {
            sc.removeSparkListener(counter);
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
