package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real Spark standalone cluster from the Maven classpath, no Spark distribution: a {@code Master} and two
 * {@code Worker} JVMs (1 core, 1 GB each, bound to 127.0.0.1, random ports) whose {@code SPARK_HOME/jars} links
 * Spark's runtime jars ({@code spark-classpath.txt}), with {@code SPARK_SCALA_VERSION=2.13} (the launcher that
 * builds the executors' command needs it without a Spark build tree). The sweep ({@code SweepJob}) and factor
 * research ({@code FactorResearchJob}) are submitted as {@code quantlake submit --master spark://…} does it (the
 * shaded jar plus Spark's jars, {@code SparkSubmit} in the driver JVM), and their Delta rows equal those of the
 * same submissions with {@code --master local[2]} on a copy of the same lake. Every child JVM (and the executors
 * the workers start) is stopped at the end, on failure too. Runs after {@code package} with {@code -Pcluster}.
 */
@Tag("cluster")
class StandaloneClusterTest {
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "LTCUSDT", "ADAUSDT");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(15);
    /** Tables the two jobs write, compared between the lakes without {@code run_id}. */
    private static final List<String> RESULT_TABLES = List.of("sweep_results", "factors", "factor_ic",
            "factor_ic_summary", "factor_quantile_returns", "factor_stability", "factor_correlation");
    /** Relative tolerance of doubles: aggregations may sum in another order when tasks land elsewhere. */
    private static final double TOLERANCE = 1e-9;
    private static final String BASE = """
            market: spot
            interval: 1d
            universe: [BTCUSDT, ETHUSDT, SOLUSDT, XRPUSDT, LTCUSDT, ADAUSDT]
            start: 2023-01-01
            end: 2024-07-01
            capital: 100000
            costs: {taker_bps: 10, maker_bps: 2, slippage_bps: 5}
            strategy:
              name: sma_cross_tpsl
              params: {fast: 10, slow: 30, take_profit: 0.15, stop_loss: 0.07, max_positions: 3}
            """;
    private static final String GRID = """
            base: base.yaml
            grid:
              fast: [5, 10]
              slow: [20, 30]
            validation: {walk_forward: {train_bars: 180, test_bars: 90, step_bars: 90}}
            objective: sharpe
            overfitting: {blocks: 4}
            """;
    private static final String FACTORS = """
            market: spot
            interval: 1d
            universe: all
            start: 2023-04-01
            end: 2024-07-01
            factors: [mom_30_1, rev_1, rvol_20]
            horizons: [1, 5]
            quantiles: 3
            min_symbols: 4
            """;

    @Test
    void sweepAndFactorResearchOnAStandaloneClusterEqualLocal2() throws Exception {
        Path jar = PackagedJar.shadedJar();
        List<Path> sparkJars = PackagedJar.sparkClasspath();
        Path klines = ResearchFactorsCommandTest.sampleKlines();
        Path tmp = TestSpark.newTempDir("standalone-cluster");
        String sparkClasspath = sparkJars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        String driverClasspath = jar + File.pathSeparator + sparkClasspath;
        Path localLake = tmp.resolve("lake-local");
        Path clusterLake = tmp.resolve("lake-cluster");
        try (ChildJvms jvms = new ChildJvms(tmp.resolve("logs"))) {
            Map<String, String> clusterEnv = Map.of("SPARK_HOME", sparkHome(tmp.resolve("spark-home"), sparkJars).toString(),
                    "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1",
                    "JAVA_HOME", System.getProperty("java.home"));
            ChildJvms.Child master = jvms.start("master", daemonOptions(tmp), sparkClasspath,
                    "org.apache.spark.deploy.master.Master",
                    List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0"), clusterEnv, tmp);

            // while the master starts: the lake (6 symbols, spot 1d, 2023-01 .. 2024-06) and its copy
            ingestSampleSlice(klines, tmp.resolve("sample"), localLake);
            copyTree(localLake, clusterLake);
            Files.writeString(tmp.resolve("base.yaml"), BASE);
            Path grid = Files.writeString(tmp.resolve("grid.yaml"), GRID);
            Path factors = Files.writeString(tmp.resolve("factors.yaml"), FACTORS);

            String masterUrl = ChildJvms.awaitLog(master,
                    Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)"), START_TIMEOUT);
            ChildJvms.awaitLog(master, Pattern.compile("New state: ALIVE"), START_TIMEOUT);
            List<ChildJvms.Child> workers = new ArrayList<>();
            List<Path> workDirs = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                Path workDir = Files.createDirectories(tmp.resolve("worker-" + i));
                workDirs.add(workDir);
                workers.add(jvms.start("worker-" + i, daemonOptions(tmp), sparkClasspath,
                        "org.apache.spark.deploy.worker.Worker",
                        List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1",
                                "--memory", "1g", "--work-dir", workDir.toString(), masterUrl), clusterEnv, workDir));
            }
            for (ChildJvms.Child worker : workers) {
                ChildJvms.awaitLog(worker, Pattern.compile("Successfully registered with master"), START_TIMEOUT);
            }

            List<String> sweep = List.of("--class", "io.quantlake.jobs.SweepJob", "--config", grid.toString(),
                    "--run-id", "cluster-round-trip");
            List<String> research = List.of("--class", "io.quantlake.jobs.FactorResearchJob", "--config", factors.toString());
            for (List<String> job : List.of(sweep, research)) {
                String name = job.get(1).substring(job.get(1).lastIndexOf('.') + 1);
                ChildJvms.Child onCluster = submit(jvms, tmp, driverClasspath, name + "-cluster", masterUrl, clusterLake, job);
                ChildJvms.Child onLocal = submit(jvms, tmp, driverClasspath, name + "-local", "local[2]", localLake, job);
                for (ChildJvms.Child driver : List.of(onCluster, onLocal)) {
                    assertEquals(0, ChildJvms.awaitExit(driver, JOB_TIMEOUT),
                            driver.name() + " failed:\n" + ChildJvms.tail(driver.log(), 60) + executorLogs(workDirs));
                }
            }
            for (Path workDir : workDirs) {     // both workers ran an executor of both applications
                try (Stream<Path> apps = Files.list(workDir)) {
                    assertEquals(2, apps.filter(p -> p.getFileName().toString().startsWith("app-")).count(),
                            "applications with an executor on " + workDir);
                }
            }
        }

        List<String> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(tmp.toString()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
        assertEquals(List.of(), left, "processes of the cluster still running");

        for (String table : RESULT_TABLES) {
            List<Row> local = rows(localLake, table);
            List<Row> cluster = rows(clusterLake, table);
            assertFalse(local.isEmpty(), "local[2] wrote no rows to " + table);
            assertEquals(local.size(), cluster.size(), table + ": rows on the cluster vs local[2]");
            for (int i = 0; i < local.size(); i++) {
                assertTrue(sameRow(local.get(i), cluster.get(i)),
                        table + " row " + i + ": local[2] " + local.get(i) + " vs cluster " + cluster.get(i));
            }
        }
    }

    /** {@code quantlake submit --master M [job]} in a driver JVM, as bin/quantlake runs it. */
    private static ChildJvms.Child submit(ChildJvms jvms, Path tmp, String classpath, String name, String master,
                                          Path lake, List<String> job) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        List<String> options = new ArrayList<>(List.of("-Xmx768m", "-Djava.io.tmpdir=" + dir));
        options.addAll(PackagedJar.sparkModuleOptions());
        List<String> args = new ArrayList<>(List.of("submit", "--master", master, "--executor-memory", "512m",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1"));
        args.addAll(job);
        args.addAll(List.of("--lake", lake.toString(), "--out", dir.resolve("out").toString()));
        return jvms.start(name, options, classpath, "io.quantlake.cli.QuantLakeCli", args,
                Map.of("SPARK_LOCAL_IP", "127.0.0.1"), dir);
    }

    /**
     * Master and worker JVMs: small heaps, temporary files under {@code tmp}, Spark's module options, no REST
     * submission server (it would take the fixed port 6066).
     */
    private static List<String> daemonOptions(Path tmp) {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Djava.io.tmpdir=" + tmp,
                "-Dspark.master.rest.enabled=false"));
        options.addAll(PackagedJar.sparkModuleOptions());
        return options;
    }

    /** A SPARK_HOME whose {@code jars/} links every jar of Spark's runtime classpath. */
    private static Path sparkHome(Path home, List<Path> sparkJars) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (Path jar : sparkJars) {
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        }
        return home;
    }

    /** {@code ingest archive} of 18 months of 6 symbols of the committed sample, in this JVM (local[2]). */
    private static void ingestSampleSlice(Path klines, Path tree, Path lake) throws IOException {
        for (String s : SYMBOLS) {
            Path to = Files.createDirectories(tree.resolve("spot/monthly/klines").resolve(s).resolve("1d"));
            try (Stream<Path> files = Files.list(klines.resolve(s).resolve("1d"))) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches(".*-1d-(2023-..|2024-0[1-6])\\.zip.*")).toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        TestSpark.spark();
        CliRun ingest = CliRun.of("ingest", "archive", "--path", tree.toString(), "--lake", lake.toString());
        assertEquals(0, ingest.exitCode(), ingest.err());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** The rows of {@code table} without {@code run_id}, ordered by every column that is not floating point. */
    private static List<Row> rows(Path lake, String table) {
        Dataset<Row> df = TestSpark.spark().read().format("delta").load(lake.resolve(table).toString()).drop("run_id");
        String[] order = Arrays.stream(df.schema().fields())
                .filter(f -> !f.dataType().equals(DataTypes.DoubleType) && !(f.dataType() instanceof ArrayType))
                .map(StructField::name).toArray(String[]::new);
        return df.orderBy(Arrays.stream(order).map(df::col).toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
    }

    /** Equal rows, doubles (also inside arrays) within {@link #TOLERANCE} relative. */
    static boolean sameRow(Row a, Row b) {
        return sameValue(a.toSeq(), b.toSeq());
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.equals(y) || Math.abs(x - y) <= TOLERANCE * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
        }
        if (a instanceof scala.collection.Seq<?> x && b instanceof scala.collection.Seq<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.apply(i), y.apply(i))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }

    /** The tails of the executors' stderr under the workers' work directories, for a failure message. */
    private static String executorLogs(List<Path> workDirs) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Path workDir : workDirs) {
            try (Stream<Path> files = Files.walk(workDir)) {
                for (Path stderr : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
                    b.append("\n--- ").append(stderr).append('\n').append(ChildJvms.tail(stderr, 20));
                }
            }
        }
        return b.toString();
    }
}
