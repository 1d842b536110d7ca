package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** The row comparison of {@link StandaloneClusterTest}: exact but for doubles within 1e-9 relative. */
class ClusterRowComparisonTest {
    private static Row row(String factor, double value, double... returns) {
        return RowFactory.create(factor, Timestamp.valueOf("2024-01-02 00:00:00"), value,
                CollectionConverters.asScala(java.util.Arrays.stream(returns).boxed().toList()).toSeq());
    }

    @Test
    void doublesMatchWithinTheToleranceAndEverythingElseExactly() {
        assertTrue(StandaloneClusterTest.sameRow(row("mom", 0.25, 0.1, -0.2), row("mom", 0.25 + 1e-12, 0.1, -0.2)));
        assertFalse(StandaloneClusterTest.sameRow(row("mom", 0.25, 0.1), row("mom", 0.25 + 1e-6, 0.1)));
        assertFalse(StandaloneClusterTest.sameRow(row("mom", 0.25, 0.1, -0.2), row("mom", 0.25, 0.1, -0.2001)));
        assertFalse(StandaloneClusterTest.sameRow(row("mom", 0.25, 0.1), row("mom", 0.25, 0.1, 0.0)));
        assertFalse(StandaloneClusterTest.sameRow(row("mom", 0.25), row("rev", 0.25)));
        assertTrue(StandaloneClusterTest.sameRow(row("mom", Double.NaN), row("mom", Double.NaN)));
    }
}
