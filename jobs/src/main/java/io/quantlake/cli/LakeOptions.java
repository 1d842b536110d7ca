package io.quantlake.cli;

import io.quantlake.lake.Lake;
import io.quantlake.spark.SparkSessions;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Options shared by every command that touches the lake: {@code --lake DIR} and {@code --verbose}. */
final class LakeOptions {
    @Option(names = "--lake", paramLabel = "DIR", defaultValue = "lake",
            description = "Lake root: a directory or any Hadoop URI (default: ./lake)")
    String root;

    @Option(names = "--verbose", description = "Print stack traces of errors")
    boolean verbose;

    /** The local (or spark-submit configured) Spark session and the lake at {@link #root}. */
    Lake open() {
        Path warehouse = Path.of(System.getProperty("java.io.tmpdir"), "quantlake-spark-warehouse");
        SparkSession spark = SparkSessions.getOrCreate("quantlake", warehouse);
        return Lake.at(spark, root);
    }

    /** As {@link #open()} for a command that only reads: "no lake at &lt;root&gt;" when the root holds no Delta table. */
    Lake openExisting() {
        return open().requireExisting();
    }
}
