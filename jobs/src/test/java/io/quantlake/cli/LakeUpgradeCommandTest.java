package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.lake.LakeTable;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** {@code lake upgrade}: a lake of the unpartitioned layout is refused in one line until upgraded in place. */
class LakeUpgradeCommandTest {
    @Test
    void anOldLakeIsRefusedNamingUpgradeThenUpgradedOnce() {
        SparkSession spark = TestSpark.spark();
        Path lake = TestSpark.newTempDir("old-lake").resolve("lake");
        spark.createDataFrame(List.of(RowFactory.create("spot", "1d", "BTCUSDT", new Timestamp(1_704_067_200_000L),
                        1.0, 2.0, 0.5, 1.5, 10.0, null, null, null, null, "ingest-old")), LakeTable.CANDLES.schema())
                .write().format("delta").save(lake.resolve("candles").toString()); // as written before partitions

        CliRun refused = CliRun.of("lake", "summary", "--lake", lake.toString());
        assertEquals(1, refused.exitCode(), refused.out() + refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("run `quantlake lake upgrade --lake " + lake + "` once"), refused.err());

        CliRun upgrade = CliRun.of("lake", "upgrade", "--lake", lake.toString());
        assertEquals(0, upgrade.exitCode(), upgrade.err());
        assertEquals("upgraded candles of the lake at " + lake + " to the partitioned layout", upgrade.out().strip());
        CliRun again = CliRun.of("lake", "upgrade", "--lake", lake.toString());
        assertEquals("lake at " + lake + " already has the current layout", again.out().strip());

        CliRun summary = CliRun.of("lake", "summary", "--lake", lake.toString());
        assertEquals(0, summary.exitCode(), summary.err());
        assertTrue(summary.out().contains("BTCUSDT") || summary.out().contains("1d"), summary.out());
    }
}
