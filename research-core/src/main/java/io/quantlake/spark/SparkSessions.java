package io.quantlake.spark;

import java.nio.file.Path;
import java.util.Objects;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one factory of {@link SparkSession}s in QuantLake: Delta Lake enabled, session time zone
 * UTC, Spark UI off, few shuffle partitions, Spark logs at WARN (to stderr).
 *
 * <p>Semantics are those of {@link SparkSession.Builder#getOrCreate()}, except that a running
 * (active or default) session is returned unchanged: its settings are not overwritten. The master
 * URL is taken from the {@code spark.master} setting when one is present (as under
 * {@code spark-submit}, which passes it as a system property); only otherwise is the given default
 * (normally {@code local[*]}) used.
 */
public final class SparkSessions {
    /** Default master for local runs: all cores of this machine. */
    public static final String LOCAL_ALL_CORES = "local[*]";
    /** Default number of shuffle partitions: small data on one machine wants few, large tasks. */
    public static final int DEFAULT_SHUFFLE_PARTITIONS = 4;

    static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
    static final String DELTA_CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";

    private SparkSessions() {
    }

    /**
     * The session for {@code appName} with master {@code local[*]} unless {@code spark.master} is
     * set, the SQL warehouse in {@code warehouseDir} and {@value #DEFAULT_SHUFFLE_PARTITIONS}
     * shuffle partitions.
     */
    public static SparkSession getOrCreate(String appName, Path warehouseDir) {
        return getOrCreate(appName, LOCAL_ALL_CORES, warehouseDir, DEFAULT_SHUFFLE_PARTITIONS);
    }

    /**
     * The session for {@code appName}.
     *
     * @param defaultMaster     master URL used only when {@code spark.master} is not already set
     *                          (e.g. {@code local[2]} for tests)
     * @param warehouseDir      directory of {@code spark.sql.warehouse.dir} (the lake itself is
     *                          path-based and does not live there)
     * @param shufflePartitions {@code spark.sql.shuffle.partitions}, at least 1
     */
    public static SparkSession getOrCreate(String appName, String defaultMaster, Path warehouseDir,
                                           int shufflePartitions) {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(defaultMaster, "defaultMaster");
        Objects.requireNonNull(warehouseDir, "warehouseDir");
        if (shufflePartitions < 1) {
            throw new IllegalArgumentException("shufflePartitions must be >= 1, got " + shufflePartitions);
        }
        scala.Option<SparkSession> running = SparkSession.getActiveSession().orElse(SparkSession::getDefaultSession);
        if (running.isDefined()) {
            return running.get();
        }
        SparkLogging.quietUnlessConfigured();
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .config("spark.sql.extensions", DELTA_EXTENSION)
                .config("spark.sql.catalog.spark_catalog", DELTA_CATALOG)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.warehouse.dir", warehouseDir.toAbsolutePath().toUri().toString())
                // Delta rebuilds table snapshots with this many partitions (default 50): tiny logs want few.
                .config("spark.databricks.delta.snapshotPartitions", Integer.toString(shufflePartitions));
        if (!masterConfigured()) {
            builder.master(defaultMaster);
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /**
     * Points log4j2 at QuantLake's WARN-on-stderr configuration unless the user configured logging;
     * call it first thing in a main method, before any class logs (log4j2 reads its configuration
     * once, on first use), so that Spark's INFO start-up chatter never reaches the console.
     */
    public static void quietLogging() {
        SparkLogging.quietUnlessConfigured();
    }

    /** Whether a master URL is already configured (system property {@code spark.master}, set by spark-submit). */
    static boolean masterConfigured() {
        return new SparkConf().contains("spark.master");
    }
}
