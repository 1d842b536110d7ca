package io.quantlake.lake;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A lake: a root directory (local path or any Hadoop URI such as {@code s3a://bucket/lake}) holding
 * path-based Delta tables {@code <root>/<table>}. The tables of {@link LakeTable} are created empty,
 * with their schema, on first use. Every commit to the lake is made holding its {@link #writerLock()}.
 */
public final class Lake {
    /** The default lake root, relative to the working directory. */
    public static final String DEFAULT_ROOT = "lake";

    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    /** Tables other parts of QuantLake write (DESIGN.md), looked for under a root that is a URI. */
    private static final List<String> OTHER_KNOWN_TABLES = List.of("sweep_results");
    private static final Pattern VIEW_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SparkSession spark;
    private final String root;
    private final WriterLock writerLock;
    /** Table name → Delta version every read is pinned to ({@link #pinnedAt}); empty: the latest versions. */
    private final Map<String, Long> pinned;
    /** Tables whose layout this instance has checked (a layout never goes back to the old one). */
    private final Set<LakeTable> layoutChecked = ConcurrentHashMap.newKeySet();

    private Lake(SparkSession spark, String root, WriterLock writerLock, Map<String, Long> pinned) {
        this.spark = spark;
        this.root = root;
        this.writerLock = writerLock;
        this.pinned = pinned;
    }

    /**
     * The lake at {@code root}: a URI with a scheme is used as given; a plain path is made absolute
     * (relative to the working directory). Nothing is created until a table is used. Its writer lock waits
     * {@link WriterLock#DEFAULT_TIMEOUT} and names this JVM's main command as the holder.
     */
    public static Lake at(SparkSession spark, String root) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(root, "root");
        if (root.isBlank()) {
            throw new IllegalArgumentException("lake root must not be blank");
        }
        String resolved = URI_SCHEME.matcher(root).matches() ? root
                : Paths.get(root).toAbsolutePath().normalize().toString();
        String command = System.getProperty("sun.java.command", "java");
        return new Lake(spark, resolved, WriterLock.of(resolved, WriterLock.DEFAULT_TIMEOUT, command, System.err::println),
                Map.of());
    }

    /**
     * This lake with a writer lock that waits up to {@code timeout} for another writer and names
     * {@code command} (e.g. the CLI's command line) as its holder.
     */
    public Lake withWriterLock(Duration timeout, String command) {
        return new Lake(spark, root, writerLock.withTimeout(timeout).withCommand(command), pinned);
    }

    /**
     * This lake read as of fixed Delta versions (time travel), e.g. a run's {@code runs.data_versions}: {@link #read},
     * {@link #exists}, {@link #version} and {@link #versions} answer for those versions, so code that reads through
     * the lake reads exactly what a run read. Reading a table not in {@code versions} fails naming it; the pinned lake
     * is read-only ({@link #table} fails).
     *
     * @param versions table name → Delta version (&gt;= 0), not empty
     */
    public Lake pinnedAt(Map<String, Long> versions) {
        Objects.requireNonNull(versions, "versions");
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("cannot pin lake " + root + " to no table versions");
        }
        versions.forEach((name, v) -> {
            if (v == null || v < 0) {
                throw new IllegalArgumentException("Delta version of table " + name + " must be >= 0, got " + v);
            }
        });
        return new Lake(spark, root, writerLock, Map.copyOf(versions));
    }

    /** The lake's writer lock ({@link WriterLock}): hold it around every commit to the lake. */
    public WriterLock writerLock() {
        return writerLock;
    }

    public SparkSession spark() {
        return spark;
    }

    /** The root as resolved by {@link #at}. */
    public String root() {
        return root;
    }

    /** The location of {@code table}: {@code <root>/<table name>}. */
    public String path(LakeTable table) {
        return child(table.tableName());
    }

    /**
     * This lake, when its root holds at least one Delta table ({@link #tableNames()}); otherwise an
     * {@link IllegalArgumentException} "no lake at &lt;root&gt;", so that a command reading a mistyped
     * {@code --lake} fails instead of reporting an empty lake (nothing is created).
     */
    public Lake requireExisting() {
        if (tableNames().isEmpty()) {
            throw new IllegalArgumentException("no lake at " + root + " (no Delta table there; ingest data first, "
                    + "or give the lake's directory with --lake)");
        }
        return this;
    }

    /** Whether {@code table} exists as a Delta table (nothing is created). */
    public boolean exists(LakeTable table) {
        if (!pinned.isEmpty()) {
            return pinned.containsKey(table.tableName());
        }
        return DeltaTable.isDeltaTable(spark, path(table));
    }

    /**
     * The Delta table, created empty with its {@link LakeTable#tableSchema()} and partitions if absent (that
     * creation is version 0). An existing table with another layout (a lake written before the partitioning)
     * fails with one line naming {@code quantlake lake upgrade} ({@link LakeLayout}).
     */
    public DeltaTable table(LakeTable table) {
        if (!pinned.isEmpty()) {
            throw new IllegalStateException("lake " + root + " pinned at versions " + new TreeMap<>(pinned)
                    + " is read-only; cannot open table " + table.tableName() + " for writing");
        }
        String path = path(table);
        if (!DeltaTable.isDeltaTable(spark, path)) {
            try (WriterLock.Hold h = writerLock.acquire()) {
                DeltaTable.createIfNotExists(spark).location(path).addColumns(table.tableSchema())
                        .partitionedBy(table.partitionColumns().toArray(new String[0])).execute();
            }
            layoutChecked.add(table);
        }
        DeltaTable delta = DeltaTable.forPath(spark, path);
        if (!table.partitionColumns().isEmpty() && !layoutChecked.contains(table)) {
            LakeLayout.requireLayout(delta, table, root);
            layoutChecked.add(table);
        }
        return delta;
    }

    /** The latest version of {@code table} (created if absent), or its pinned version ({@link #pinnedAt}). */
    public Dataset<Row> read(LakeTable table) {
        if (!pinned.isEmpty()) {
            return readAsOf(table, pinnedVersion(table));
        }
        return table(table).toDF();
    }

    /**
     * {@code table} as of Delta version {@code version} (time travel, to reproduce a run); a version written
     * before the partitioned layout has no {@link LakeTable#MONTH} column.
     */
    public Dataset<Row> readAsOf(LakeTable table, long version) {
        if (version < 0) {
            throw new IllegalArgumentException("Delta version must be >= 0, got " + version + " for table " + table);
        }
        return spark.read().format("delta").option("versionAsOf", version).load(path(table));
    }

    /** The latest committed Delta version of {@code table} (created if absent), or its pinned version. */
    public long version(LakeTable table) {
        if (!pinned.isEmpty()) {
            return pinnedVersion(table);
        }
        return table(table).history(1).select("version").first().getLong(0);
    }

    /**
     * Table name → latest Delta version for each of {@code tables} (created if absent), in the given
     * order: the {@code runs.data_versions} of a run that read them.
     */
    public Map<String, Long> versions(Collection<LakeTable> tables) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (LakeTable t : tables) {
            out.put(t.tableName(), version(t));
        }
        return out;
    }

    private long pinnedVersion(LakeTable table) {
        Long v = pinned.get(table.tableName());
        if (v == null) {
            throw new IllegalStateException("table " + table.tableName() + " of lake " + root
                    + " is read but not among the pinned versions " + new TreeMap<>(pinned));
        }
        return v;
    }

    /**
     * Upserts {@code rows} into {@code table} in one Delta commit: MERGE on the table's key, a matched row
     * updated only when a value differs (NULL-safe), new keys inserted; so writing the same rows twice
     * changes nothing. {@code rows} holds the table's columns (by name, extra columns ignored) and at most
     * one row per key (the caller's guarantee; not checked, as that would cost a Spark job).
     */
    public MergeCounts merge(LakeTable table, Dataset<Row> rows) {
        return DeltaMerge.upsert(this, table, rows);
    }

    /**
     * Names of every Delta table of the lake, sorted. A local root is listed (any directory with a
     * {@code _delta_log}, including tables other code created); under a URI root (the Hadoop
     * FileSystem API is not on the compile class path) the known names — {@link LakeTable} and
     * {@code sweep_results} — are probed.
     */
    public List<String> tableNames() {
        List<String> out = new ArrayList<>();
        if (isLocal()) {
            java.nio.file.Path dir = root.startsWith("file:") ? Paths.get(java.net.URI.create(root)) : Paths.get(root);
            if (!Files.isDirectory(dir)) {
                return out;
            }
            try (DirectoryStream<java.nio.file.Path> children = Files.newDirectoryStream(dir)) {
                for (java.nio.file.Path c : children) {
                    if (Files.isDirectory(c.resolve("_delta_log"))) {
                        out.add(c.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list Delta tables under lake root " + root, e);
            }
        } else {
            List<String> candidates = new ArrayList<>();
            for (LakeTable t : LakeTable.values()) {
                candidates.add(t.tableName());
            }
            candidates.addAll(OTHER_KNOWN_TABLES);
            for (String name : candidates) {
                if (DeltaTable.isDeltaTable(spark, child(name))) {
                    out.add(name);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Registers every Delta table of the lake as a temporary view named like the table (for
     * {@code quantlake sql}); returns the view names. Directories whose names are not SQL
     * identifiers are skipped.
     */
    public List<String> registerViews() {
        List<String> views = new ArrayList<>();
        for (String name : tableNames()) {
            if (VIEW_NAME.matcher(name).matches()) {
                spark.read().format("delta").load(child(name)).createOrReplaceTempView(name);
                views.add(name);
            }
        }
        return views;
    }

    private boolean isLocal() {
        return !URI_SCHEME.matcher(root).matches() || root.startsWith("file:");
    }

    private String child(String name) {
        return (root.endsWith("/") ? root : root + "/") + name;
    }

    @Override
    public String toString() {
        return pinned.isEmpty() ? "Lake[" + root + "]" : "Lake[" + root + " at " + new TreeMap<>(pinned) + "]";
    }
}
