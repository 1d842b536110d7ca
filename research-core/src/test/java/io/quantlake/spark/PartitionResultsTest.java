package io.quantlake.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** {@link PartitionResults}: every row of every partition reaches the sink, in one Spark job; a sink's error surfaces as is. */
class PartitionResultsTest {
    @Test
    void everyRowOfTwentyPartitionsArrivesInOneJob() throws Exception {
        Dataset<Row> frame = SharedSpark.spark().range(0, 1000, 1, 20).select(col("id"), col("id").multiply(3).as("x"));
        List<Long> ids = new ArrayList<>();
        int jobs = SharedSpark.jobsDuring(() -> PartitionResults.forEachRow(frame, r -> {
            assertEquals(3 * r.getLong(0), r.getLong(1));
            ids.add(r.getLong(0));
        }));
        assertEquals(1, jobs, "Spark jobs for 20 partitions");
        ids.sort(null);
        assertEquals(1000, ids.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, ids.get(i));
        }
    }

    @Test
    void theSinksFirstErrorIsRethrownAfterTheJob() {
        Dataset<Row> frame = SharedSpark.spark().range(0, 100, 1, 4).toDF();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartitionResults.forEachRow(frame, r -> {
                    throw new IllegalArgumentException("bad row " + r.getLong(0));
                }));
        assertEquals(0, e.getMessage().indexOf("bad row "), e.getMessage());
    }
}
