package io.quantlake.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.spark.SharedSpark;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/** {@link Lake#merge} of a Dataset: one MERGE on the table's key, idempotent, counts from the commit. */
class LakeMergeTest {
    @Test
    void mergingTheSameFactorRowsTwiceChangesNothingAndAChangedValueUpdatesOneRow() {
        Lake lake = Lake.at(SharedSpark.spark(), SharedSpark.newTempDir("lake-merge").toString());
        Timestamp ts = new Timestamp(Fixtures.T0);
        List<Row> rows = List.of(
                RowFactory.create("spot", "1d", "mom_30_1", "AAAUSDT", ts, 0.10, 1.0, 1.0),
                RowFactory.create("spot", "1d", "mom_30_1", "BBBUSDT", ts, -0.10, 0.0, -1.0),
                RowFactory.create("spot", "1d", "rev_1", "AAAUSDT", ts, 0.02, null, null));
        Dataset<Row> first = SharedSpark.spark().createDataFrame(rows, LakeTable.FACTORS.schema())
                .withColumn("extra", functions.lit(1));   // columns not in the table are ignored

        assertEquals(new MergeCounts(3, 0, 0), lake.merge(LakeTable.FACTORS, first));
        assertEquals(new MergeCounts(0, 0, 3), lake.merge(LakeTable.FACTORS, first), "same rows again: nothing written");
        Dataset<Row> changed = SharedSpark.spark().createDataFrame(List.of(rows.get(0), rows.get(1),
                RowFactory.create("spot", "1d", "rev_1", "AAAUSDT", ts, 0.02, 0.5, null)), LakeTable.FACTORS.schema());
        assertEquals(new MergeCounts(0, 1, 2), lake.merge(LakeTable.FACTORS, changed), "NULL → 0.5 is a change");
        assertEquals(3, lake.read(LakeTable.FACTORS).count());
        assertEquals(0.5, lake.read(LakeTable.FACTORS).where("factor = 'rev_1'").first().getDouble(6));
    }
}
