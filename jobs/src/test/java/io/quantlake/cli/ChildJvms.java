package io.quantlake.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The child JVMs of one test, started with {@code java} of {@code java.home}, each writing stdout and stderr
 * to {@code <logDir>/<name>.log}. {@link #close()} stops every child still running and every process it
 * started (a Spark worker's executors): SIGTERM, then SIGKILL after 15 s. A shutdown hook does the same if the
 * test JVM exits without closing (e.g. killed by surefire's timeout).
 */
final class ChildJvms implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(15);

    /** One started JVM and its log file. */
    record Child(String name, Process process, Path log) {
    }

    private final Path logDir;
    private final List<Child> children = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "stop-child-jvms");

    ChildJvms(Path logDir) {
        try {
            this.logDir = Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + logDir, e);
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code java <jvmOptions> -cp <classpath> <mainClass> <args>} in {@code workDir} with {@code env} added
     * to this JVM's environment.
     */
    synchronized Child start(String name, List<String> jvmOptions, String classpath, String mainClass, List<String> args,
                             Map<String, String> env, Path workDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            Child child = new Child(name, builder.start(), log);
            children.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the JVM " + name + ": " + command.get(0), e);
        }
    }

    /**
     * Waits until {@code child}'s log has a line matching {@code pattern}; returns its group 1 (or the whole match).
     * Fails with the log's tail when the child exits first or {@code timeout} passes.
     */
    static String awaitLog(Child child, Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = pattern.matcher(read(child.log()));
            if (m.find()) {
                return m.groupCount() >= 1 ? m.group(1) : m.group();
            }
            if (!child.process().isAlive()) {
                throw new IllegalStateException(child.name() + " exited with code " + child.process().exitValue()
                        + " before logging /" + pattern + "/:\n" + tail(child.log(), 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(child.name() + " did not log /" + pattern + "/ within " + timeout
                        + ":\n" + tail(child.log(), 40));
            }
            Thread.sleep(250);
        }
    }

    /** Waits for {@code child} to exit; its exit code. Fails with the log's tail after {@code timeout}. */
    static int awaitExit(Child child, Duration timeout) throws InterruptedException {
        if (!child.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(child.name() + " did not finish within " + timeout + ":\n"
                    + tail(child.log(), 40));
        }
        return child.process().exitValue();
    }

    /** The last {@code lines} lines of {@code log}. */
    static String tail(Path log, int lines) {
        String[] all = read(log).split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log " + log, e);
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    /** Stops the children in reverse start order, each with its descendants; waits until all are gone. */
    private synchronized void stopAll() {
        List<ProcessHandle> all = new ArrayList<>();
        for (int i = children.size() - 1; i >= 0; i--) {
            ProcessHandle handle = children.get(i).process().toHandle();
            handle.descendants().forEach(all::add);
            all.add(handle);
        }
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle p : all) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + p.pid() + " survived SIGKILL", e);
            }
        }
        children.clear();
    }
}
