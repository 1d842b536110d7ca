package io.quantlake.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {

    @Test
    void sharedSessionIsConfiguredForDeltaInUtc() {
        SparkSession spark = SharedSpark.spark();
        assertEquals("local[2]", spark.sparkContext().master());
        assertEquals("UTC", spark.conf().get("spark.sql.session.timeZone"));
        assertEquals(SparkSessions.DELTA_EXTENSION, spark.conf().get("spark.sql.extensions"));
        assertEquals(SparkSessions.DELTA_CATALOG, spark.conf().get("spark.sql.catalog.spark_catalog"));
        assertEquals("false", spark.sparkContext().getConf().get("spark.ui.enabled"));
        assertEquals("2", spark.conf().get("spark.sql.shuffle.partitions"));
        // UTC session: a timestamp literal renders in UTC whatever the JVM's zone
        assertEquals("2024-01-01 00:00:00",
                spark.sql("SELECT CAST(TIMESTAMP_MILLIS(1704067200000) AS STRING)").first().getString(0));
    }

    @Test
    void getOrCreateReturnsTheRunningSession() {
        SparkSession shared = SharedSpark.spark();
        SparkSession again = SparkSessions.getOrCreate("other", Path.of("target", "spark-warehouse"));
        assertSame(shared.sparkContext(), again.sparkContext());
        assertEquals("local[2]", again.sparkContext().master(), "an existing master is kept");
    }

    @Test
    void aMasterSetBySparkSubmitIsRespected() {
        assertFalse(SparkSessions.masterConfigured(), "surefire sets no spark.master");
        System.setProperty("spark.master", "spark://cluster:7077"); // what spark-submit passes
        try {
            assertTrue(SparkSessions.masterConfigured());
        } finally {
            System.clearProperty("spark.master");
        }
    }

    @Test
    void rejectsNonPositiveShufflePartitions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkSessions.getOrCreate("x", "local[1]", Path.of("target"), 0));
        assertEquals("shufflePartitions must be >= 1, got 0", e.getMessage());
    }
}
