package io.quantlake.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.spark.SharedSpark;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The verdict job aggregates every parsed row in a hash aggregation ({@link FileVerdicts#aggregates}): no
 * aggregate keeps a text in its buffer, which Spark can only aggregate by sorting every row (a second sort of the
 * whole input after the window's).
 */
class FileVerdictsPlanTest {
    @Test
    void perFileAggregatesAreHashedNotSorted() {
        // rows from an RDD, as SparkIngest reads them (a local relation would be folded away by the optimizer)
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(SharedSpark.spark().sparkContext()).emptyRDD();
        Dataset<Row> none = SharedSpark.spark().createDataFrame(rows, FileLines.SCHEMA);
        Dataset<Row> aggregates = FileVerdicts.aggregates(RowParsing.parse(none, FileJob.Format.ARCHIVE_KLINES),
                "open_time");

        String plan = aggregates.queryExecution().executedPlan().toString();

        assertTrue(plan.contains("HashAggregate"), plan);
        assertFalse(plan.contains("SortAggregate"), plan);
    }
}
