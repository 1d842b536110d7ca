package io.quantlake.factor;

import org.apache.spark.sql.SparkSession;

/**
 * Test-only SparkSession holder, one per test JVM (to be replaced by the project's shared session
 * factory): local[2], no UI, 2 shuffle partitions, UTC session time zone.
 */
final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("quantlake-factor-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
