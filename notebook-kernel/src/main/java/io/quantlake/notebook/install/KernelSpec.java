package io.quantlake.notebook.install;

import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jupyter kernelspec ({@code kernel.json}) for the QuantLake kernel.
 *
 * @param argv          the kernel command line; Jupyter replaces {@code {connection_file}}
 * @param displayName   the name in Jupyter's kernel menu
 * @param language      the notebook language, {@code java}
 * @param env           environment variables Jupyter sets for the kernel process
 * @param interruptMode {@code message}: an interrupt arrives as an {@code interrupt_request} (a
 *                      SIGINT, Jupyter's default, would end the JVM)
 */
public record KernelSpec(List<String> argv, String displayName, String language, Map<String, String> env,
                         String interruptMode) {
    /** The main class the kernelspec starts. */
    public static final String MAIN_CLASS = "io.quantlake.notebook.kernel.KernelMain";
    public static final String DISPLAY_NAME = "QuantLake (Java 17)";
    private static final String SPARK_OPTS_RESOURCE = "spark-module-opts.txt";

    public KernelSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        if (argv.isEmpty() || !argv.contains("{connection_file}")) {
            throw new IllegalArgumentException("kernelspec argv must contain {connection_file}, got " + argv);
        }
    }

    /**
     * The QuantLake kernelspec: {@code java -Xmx<heap> <Spark's module options> -Djava.awt.headless=true
     * -cp <classpath> KernelMain {connection_file}} with {@code SPARK_LOCAL_IP=127.0.0.1}.
     *
     * @param java      the {@code java} executable (absolute, so the kernel does not depend on PATH)
     * @param maxHeap   the kernel JVM's {@code -Xmx} value, e.g. {@code 4g}
     * @param classpath the kernel jar, then the project classpath, separated by the path separator
     */
    public static KernelSpec quantLake(Path java, String maxHeap, String classpath) {
        if (!maxHeap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("max heap must look like 4g or 2048m, got '" + maxHeap + "'");
        }
        if (classpath.isBlank()) {
            throw new IllegalArgumentException("kernel classpath must not be empty");
        }
        List<String> argv = new ArrayList<>();
        argv.add(java.toAbsolutePath().toString());
        argv.add("-Xmx" + maxHeap);
        argv.addAll(sparkModuleOptions());
        argv.add("-Djava.awt.headless=true");
        argv.add("-cp");
        argv.add(classpath);
        argv.add(MAIN_CLASS);
        argv.add("{connection_file}");
        return new KernelSpec(argv, DISPLAY_NAME, "java", Map.of("SPARK_LOCAL_IP", "127.0.0.1"), "message");
    }

    /**
     * Spark's JVM module options ({@code --add-opens ...}), the parent pom's {@code spark.module.opts}
     * (the list {@code bin/quantlake} passes too), filtered into a resource at build time.
     */
    public static List<String> sparkModuleOptions() {
        try (InputStream in = KernelSpec.class.getResourceAsStream(SPARK_OPTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SPARK_OPTS_RESOURCE + " missing next to " + KernelSpec.class.getName());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty() || text.contains("${")) {
                throw new IllegalStateException("resource " + SPARK_OPTS_RESOURCE + " was not filtered by Maven: '" + text + "'");
            }
            return List.of(text.split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SPARK_OPTS_RESOURCE, e);
        }
    }

    /** The {@code kernel.json} text, with Jupyter's field names. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv);
        json.put("display_name", displayName);
        json.put("language", language);
        json.put("env", new LinkedHashMap<>(env));
        json.put("interrupt_mode", interruptMode);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }
}
