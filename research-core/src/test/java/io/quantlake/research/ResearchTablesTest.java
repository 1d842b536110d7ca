package io.quantlake.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.spark.SharedSpark;
import io.quantlake.spark.TaskSizes;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The per-date tables of a long study (60,000 IC records, two slices of tasks) reach the writing tasks without
 * the records inside the tasks: no task partition above a few KiB (before, each task carried its 50,000 records,
 * over 1 MB: Spark's "task of very large size" warning of the demo), and every record becomes its row, in order.
 */
class ResearchTablesTest {
    /** A task's partition may hold its index and bookkeeping, not records (one record serializes to ≥ 20 bytes). */
    private static final long MAX_TASK_PARTITION_BYTES = 8 * 1024;

    @Test
    void perDateTablesShipTheirRecordsOnceNotInEveryTask() {
        FactorResearchResult result = SyntheticFactorResult.of(15_000);
        assertEquals(60_000, result.ic().size());
        Dataset<Row> ic = ResearchTables.factorIc(SharedSpark.spark(), "run-big", result);
        Dataset<Row> stability = ResearchTables.stability(SharedSpark.spark(), "run-big", result);
        for (Dataset<Row> table : List.of(ic, stability)) {
            long largest = TaskSizes.largestPartitionBytes(table);
            assertTrue(largest <= MAX_TASK_PARTITION_BYTES, "a task partition of " + largest + " bytes:\n"
                    + table.queryExecution().executedPlan());
        }
        List<Row> rows = ic.collectAsList();
        assertEquals(result.ic().size(), rows.size());
        for (int k = 0; k < rows.size(); k++) {
            IcPoint p = result.ic().get(k);
            Row r = rows.get(k);
            assertEquals(List.of("run-big", p.factor(), p.horizon(), p.ts(), p.ic(), p.n()),
                    List.of(r.getString(0), r.getString(1), r.getInt(2), r.<Timestamp>getAs("ts").getTime(),
                            r.getDouble(4), r.getInt(6)), "row " + k);
        }
        assertEquals(result.stability().size(), stability.count());
    }
}
