package io.quantlake.cli;

import io.quantlake.lake.Lake;
import io.quantlake.lake.WriterLock;
import io.quantlake.spark.SparkSessions;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options shared by every command that touches the lake: {@code --lake DIR}, {@code --lock-timeout T}
 * (how long a write waits for the lake's {@link WriterLock}) and {@code --verbose}.
 */
final class LakeOptions {
    @Option(names = "--lake", paramLabel = "DIR", defaultValue = "lake",
            description = "Lake root: a directory or any Hadoop URI (default: ./lake)")
    String root;

    @Option(names = "--lock-timeout", paramLabel = "T", defaultValue = "10m", converter = LockTimeout.class,
            description = "How long a write waits for another writer of the lake to finish (one writer per lake): "
                    + "e.g. 90s, 10m, 0 (default: 10m)")
    Duration lockTimeout;

    @Option(names = "--verbose", description = "Print stack traces of errors")
    boolean verbose;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The local (or spark-submit configured) Spark session and the lake at {@link #root}, whose writer lock
     * waits {@link #lockTimeout} and names this command line as its holder.
     */
    Lake open() {
        Path warehouse = Path.of(System.getProperty("java.io.tmpdir"), "quantlake-spark-warehouse");
        SparkSession spark = SparkSessions.getOrCreate("quantlake", warehouse);
        return Lake.at(spark, root).withWriterLock(lockTimeout, commandLine());
    }

    /** {@code quantlake ingest archive --path x}: the root command's name and the original arguments. */
    String commandLine() {
        CommandLine root = command.root().commandLine();
        StringBuilder b = new StringBuilder(command.root().name());
        if (root.getParseResult() != null) {
            for (String a : root.getParseResult().originalArgs()) {
                b.append(' ').append(a);
            }
        }
        return b.toString();
    }

    /** Reads {@code --lock-timeout} with {@link WriterLock#parseTimeout}; a bad value is a usage error (exit 2). */
    static final class LockTimeout implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return WriterLock.parseTimeout("--lock-timeout", value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** As {@link #open()} for a command that only reads: "no lake at &lt;root&gt;" when the root holds no Delta table. */
    Lake openExisting() {
        return open().requireExisting();
    }
}
