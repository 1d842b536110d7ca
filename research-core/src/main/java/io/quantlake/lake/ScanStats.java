package io.quantlake.lake;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.delta.stats.DataSize;
import org.apache.spark.sql.delta.stats.DeltaScan;
import org.apache.spark.sql.delta.stats.PreparedDeltaFileIndex;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Delta files a read lists, from Delta's own file list for the pruned scan (partition filters and data
 * skipping applied, as Delta's {@code PrepareDeltaScan} computes it while optimizing the read): {@code files}
 * and {@code bytes} (compressed Parquet sizes from the log) read, out of {@code tableFiles} and
 * {@code tableBytes} in the table version read.
 */
public record ScanStats(long files, long bytes, long tableFiles, long tableBytes) {
    public ScanStats {
        if (files < 0 || bytes < 0 || tableFiles < files || tableBytes < bytes) {
            throw new IllegalArgumentException("scan of " + files + " files (" + bytes + " bytes) out of " + tableFiles
                    + " files (" + tableBytes + " bytes) is not a valid scan");
        }
    }

    /** No files. */
    public static final ScanStats NONE = new ScanStats(0, 0, 0, 0);

    /**
     * The files {@code read} lists, summed over every Delta scan of its optimized plan; empty when the plan holds
     * no Delta scan Delta has prepared (e.g. its statistics skipping is switched off).
     */
    public static Optional<ScanStats> of(Dataset<Row> read) {
        LogicalPlan plan = read.queryExecution().optimizedPlan();
        ScanStats sum = null;
        for (LogicalPlan leaf : CollectionConverters.asJava(plan.collectLeaves())) {
            if (leaf instanceof LogicalRelation r && r.relation() instanceof HadoopFsRelation fs
                    && fs.location() instanceof PreparedDeltaFileIndex index) {
                DeltaScan scan = index.preparedScan();
                long files = 0;
                long bytes = 0;
                for (AddFile f : CollectionConverters.asJava(scan.files())) {
                    files++;
                    bytes += f.size();
                }
                DataSize total = scan.total();
                long tableFiles = total.files().isDefined() ? (Long) total.files().get() : files;
                long tableBytes = total.bytesCompressed().isDefined() ? (Long) total.bytesCompressed().get() : bytes;
                ScanStats one = new ScanStats(files, bytes, tableFiles, tableBytes);
                sum = sum == null ? one : sum.plus(one);
            }
        }
        return Optional.ofNullable(sum);
    }

    /** The files of two scans. */
    public ScanStats plus(ScanStats o) {
        return new ScanStats(files + o.files, bytes + o.bytes, tableFiles + o.tableFiles, tableBytes + o.tableBytes);
    }

    /** e.g. "3 of 24 files, 12.4 kB of 98.1 kB". */
    public String describe() {
        return files + " of " + tableFiles + " files, " + size(bytes) + " of " + size(tableBytes);
    }

    private static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
