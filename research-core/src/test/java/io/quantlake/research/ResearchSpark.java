package io.quantlake.research;

import org.apache.spark.sql.SparkSession;

/**
 * Test-only SparkSession holder, one per test JVM (the factor tests' settings, so whichever package
 * creates it first the session is the same): local[2], no UI, 2 shuffle partitions, UTC.
 */
final class ResearchSpark {
    private static SparkSession session;

    private ResearchSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("quantlake-research-tests")
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
