package io.quantlake.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quantlake.spark.SharedSpark;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: writes are atomic, "a failed job leaves every table as it was". A child JVM ingests a
 * large batch and is killed (SIGKILL) as soon as its first data file appears in the candles table;
 * the table must then be readable and hold either the old version (empty) or the complete new one.
 */
class IngestAtomicityTest {
    private static final int ROWS = 60_000;
    private static final long TIMEOUT_MS = 240_000;

    @Test
    void aKilledIngestLeavesTheOldOrTheCompleteNewVersion() throws Exception {
        Path root = SharedSpark.newTempDir("lake-kill");
        Lake lake = Lake.at(SharedSpark.spark(), root.toString());
        lake.table(LakeTable.CANDLES);
        long oldVersion = lake.version(LakeTable.CANDLES);
        Path log = root.resolve("child.log");
        Process child = new ProcessBuilder(childCommand(root)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            boolean killedWhileWriting = killOnFirstDataFile(child, log, root.resolve("candles"));
            long count = lake.read(LakeTable.CANDLES).count();
            long version = lake.version(LakeTable.CANDLES);
            System.err.println("IngestAtomicityTest: killed while writing=" + killedWhileWriting + ", candles rows="
                    + count + ", version " + oldVersion + " -> " + version);
            if (version == oldVersion) {
                assertEquals(0, count, "the old version is intact");
            } else {
                assertEquals(ROWS, count, "a new version is complete");
                assertEquals(IngestChild.SYMBOLS.length,
                        lake.read(LakeTable.CANDLES).select("symbol").distinct().count());
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits for the child's first data file in {@code tableDir} and kills it; false when the child finished first. */
    private static boolean killOnFirstDataFile(Process child, Path log, Path tableDir) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        boolean writing = false;
        while (System.currentTimeMillis() < deadline) {
            writing = writing || readLog(log).contains(IngestChild.WRITING);
            if (writing && hasDataFile(tableDir)) {
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
                return true;
            }
            if (!child.isAlive()) {
                String out = readLog(log);
                assertTrue(out.contains(IngestChild.DONE), "child failed:\n" + out);
                return false;
            }
            Thread.sleep(20);
        }
        fail("child never started writing within " + TIMEOUT_MS + " ms:\n" + readLog(log));
        return false;
    }

    private static boolean hasDataFile(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) { // data files sit in partition directories
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet") && !p.toString().contains("_delta_log"));
        } catch (java.io.UncheckedIOException e) {
            return false; // a directory appeared or vanished while walking: look again
        }
    }

    private static String readLog(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** The same java, JVM options (heap lowered) and class path as this test JVM. */
    private static List<String> childCommand(Path root) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-Xmx") && !arg.startsWith("-agentlib:jdwp")) {
                cmd.add(arg);
            }
        }
        cmd.add("-Xmx1536m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(IngestChild.class.getName());
        cmd.add(root.toString());
        cmd.add(Integer.toString(ROWS));
        return cmd;
    }
}
