package io.quantlake.notebook.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The classpath the cells compile against at start-up, so that a notebook needs no magic: the kernel
 * JVM's own class path ({@code java.class.path}: the kernel jar and the project classpath that the
 * kernelspec puts after {@code -cp}), then the preload entries of the system property
 * {@value #PROPERTY} and the environment variable {@value #ENV}, in that order, without duplicates.
 *
 * <p>A preload value is a {@link File#pathSeparator}-separated list of jars, class directories and
 * {@code dir/*} wildcards (every jar in {@code dir}, as {@code java -cp} reads them). An entry that
 * does not exist stops the kernel at start-up with its name: a stale classpath should not surface
 * later as a puzzling "cannot find symbol".
 */
public final class KernelClasspath {
    /** Environment variable with extra classpath entries for the cells. */
    public static final String ENV = "QUANTLAKE_KERNEL_CLASSPATH";
    /** System property with extra classpath entries for the cells. */
    public static final String PROPERTY = "quantlake.kernel.classpath";

    private KernelClasspath() {
    }

    /** The start-up classpath of this JVM: {@code java.class.path}, then {@value #PROPERTY}, then {@value #ENV}. */
    public static List<Path> ofThisJvm() {
        return resolve(System.getProperty("java.class.path", ""), System.getProperty(PROPERTY, ""),
                System.getenv().getOrDefault(ENV, ""));
    }

    /**
     * Resolves the JVM class path and the preload lists. Entries of the JVM class path that are missing
     * are skipped (the JVM ignores them too); a missing preload entry is an error.
     */
    public static List<Path> resolve(String jvmClasspath, String propertyValue, String envValue) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : split(jvmClasspath)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (Files.exists(path)) {
                entries.add(path);
            }
        }
        entries.addAll(preload(PROPERTY, propertyValue));
        entries.addAll(preload(ENV, envValue));
        return List.copyOf(entries);
    }

    private static List<Path> preload(String source, String value) {
        List<Path> paths = new ArrayList<>();
        for (String entry : split(value)) {
            if (entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
                Path directory = Path.of(entry.substring(0, entry.length() - 2)).toAbsolutePath().normalize();
                paths.addAll(jarsIn(directory, source, entry));
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new IllegalArgumentException(source + " entry '" + entry + "' does not exist (" + path + ")");
            }
            paths.add(path);
        }
        return paths;
    }

    private static List<Path> jarsIn(Path directory, String source, String entry) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(source + " entry '" + entry + "': " + directory + " is not a directory");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " entry '" + entry + "': cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }
}
