package io.quantlake.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;

/**
 * The packaged artifacts that tests of the {@code packaged-jar} execution (after {@code package}) read: the
 * shaded jar and {@code spark-classpath.txt} (Spark's runtime jars), named by the system properties
 * {@code quantlake.shadedJar} and {@code quantlake.sparkClasspath} that jobs/pom.xml sets.
 */
final class PackagedJar {
    private PackagedJar() {
    }

    /** {@code jobs-<version>-shaded.jar}; skips the test when the property is unset (run outside that execution). */
    static Path shadedJar() {
        Path jar = Path.of(property("quantlake.shadedJar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the shaded jar " + jar + " is missing: run after `package`");
        }
        return jar;
    }

    /** The jars of Spark's runtime classpath (provided scope), in {@code spark-classpath.txt} order. */
    static List<Path> sparkClasspath() {
        Path file = Path.of(property("quantlake.sparkClasspath"));
        try {
            List<Path> jars = new ArrayList<>();
            for (String entry : Files.readString(file).trim().split(java.io.File.pathSeparator)) {
                jars.add(Path.of(entry));
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Spark's JVM module options (the parent pom's {@code spark.module.opts}), one option per element. */
    static List<String> sparkModuleOptions() {
        return Arrays.asList(property("quantlake.sparkModuleOpts").trim().split("\\s+"));
    }

    /** The entry names of {@code jar} that end in {@code .class}, sorted. */
    static Set<String> classEntries(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Set<String> out = new TreeSet<>();
            zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the jar " + jar, e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        Assumptions.assumeTrue(value != null && !value.isBlank(),
                "skipped: system property " + name + " is unset (jobs/pom.xml's packaged-jar execution sets it)");
        return value;
    }
}
