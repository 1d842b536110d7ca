package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Commands that need no Spark start no SparkSession: {@code --help} and a config that fails validation
 * ({@code datasets generate} has no Spark code at all). Checked in a fresh JVM (this module's other tests share a session), which
 * runs each command through {@link QuantLakeCli#execute} and then reports whether Spark is up.
 */
class NoSparkCommandsTest {

    /** The child JVM: runs each argument list (separated by {@code ";"}) and prints its exit code and Spark's state. */
    public static final class Probe {
        public static void main(String[] args) {
            List<String> command = new ArrayList<>();
            for (String a : args) {
                if (!a.equals(";")) {
                    command.add(a);
                    continue;
                }
                int code = QuantLakeCli.execute(command.toArray(String[]::new));
                boolean sparkUp = SparkEnv.get() != null || SparkSession.getDefaultSession().isDefined()
                        || SparkSession.getActiveSession().isDefined();
                System.out.println("PROBE " + String.join(" ", command) + " -> exit " + code + ", spark " + sparkUp);
                command.clear();
            }
            System.exit(0);
        }
    }

    @Test
    void helpAndConfigErrorsStartNoSpark() throws IOException, InterruptedException {
        Path dir = TestSpark.newTempDir("no-spark");
        Path badConfig = dir.resolve("bad.yaml");
        Files.writeString(badConfig, """
                market: spot
                interval: 1d
                universe: [BTCUSDT]
                start: 2024-01-01
                end: 2024-02-01
                capital: 1000
                strategy: {name: inverse_vol, params: {lookback: 10, schedule: {every: 5}, band: 1.5}}
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Probe.class.getName()));
        cmd.addAll(List.of("--help", ";"));
        cmd.addAll(List.of("backtest", "--help", ";"));
        cmd.addAll(List.of("backtest", "--config", badConfig.toString(), "--lake", dir.resolve("lake").toString(), ";"));
        cmd.addAll(List.of("sweep", "--config", badConfig.toString(), "--lake", dir.resolve("lake").toString(), ";"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), out);
        List<String> probes = out.lines().filter(l -> l.startsWith("PROBE ")).toList();
        assertEquals(4, probes.size(), out);
        for (String probe : probes) {
            assertTrue(probe.endsWith("spark false"), probe + "\n" + out);
        }
        assertTrue(probes.get(0).contains("-> exit 0") && probes.get(1).contains("-> exit 0"), out);
        assertTrue(!probes.get(2).contains("-> exit 0") && !probes.get(3).contains("-> exit 0"), out);
        assertTrue(out.contains("band"), "the config error names the key: " + out);
        assertTrue(!Files.exists(dir.resolve("lake")), "no lake touched");
    }
}
