package io.quantlake.notebook.install;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Installs the QuantLake kernelspec: writes {@code kernel.json} into
 * {@code <jupyter data dir>/kernels/quantlake/}, replacing an earlier one.
 *
 * <pre>
 * java -jar notebook-kernel-shaded.jar --install [--user | --prefix DIR | --kernels-dir DIR]
 *      --classpath PROJECT_CLASSPATH [--memory 4g] [--java PATH]
 * </pre>
 *
 * <p>The kernel classpath is this class's own jar (the shaded kernel jar, or the classes directory
 * when run from a build) followed by {@code PROJECT_CLASSPATH}.
 */
public final class KernelInstaller {
    /** The kernelspec's directory name, what {@code jupyter nbconvert --ExecutePreprocessor.kernel_name} takes. */
    public static final String KERNEL_NAME = "quantlake";
    private static final String USAGE = "usage: --install [--user | --prefix DIR | --kernels-dir DIR]"
            + " --classpath PROJECT_CLASSPATH [--memory 4g] [--java PATH]";

    private KernelInstaller() {
    }

    /**
     * Installs the kernelspec for the current user with the default heap (4g) and this JVM's
     * {@code java}: the one call behind {@code bin/quantlake notebook --install-kernel}.
     *
     * @param projectClasspath the project's runtime classpath (jobs jar and Spark's jars)
     * @return the written {@code kernel.json}
     */
    public static Path installForUser(String projectClasspath) throws IOException {
        return install(userKernelsDirectory(System.getenv()), withKernel(projectClasspath), currentJava(), "4g");
    }

    /**
     * Writes {@code kernels/quantlake/kernel.json} under {@code kernelsDirectory}.
     *
     * @param kernelsDirectory a Jupyter {@code kernels} directory
     * @param kernelClasspath  the full classpath of the kernel JVM (kernel classes first)
     * @return the written {@code kernel.json}
     */
    public static Path install(Path kernelsDirectory, String kernelClasspath, Path java, String maxHeap) throws IOException {
        KernelSpec spec = KernelSpec.quantLake(java, maxHeap, kernelClasspath);
        Path directory = kernelsDirectory.resolve(KERNEL_NAME);
        Files.createDirectories(directory);
        Path kernelJson = directory.resolve("kernel.json");
        Files.writeString(kernelJson, spec.toJson());
        return kernelJson;
    }

    /**
     * Jupyter's per-user kernels directory, as {@code jupyter --data-dir} finds it:
     * {@code $JUPYTER_DATA_DIR}, else {@code $XDG_DATA_HOME/jupyter}, else
     * {@code ~/Library/Jupyter} on macOS and {@code ~/.local/share/jupyter} elsewhere; then {@code /kernels}.
     */
    public static Path userKernelsDirectory(Map<String, String> env) {
        String dataDir = env.get("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir, "kernels");
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
            return home.resolve("Library/Jupyter/kernels");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve("jupyter/kernels");
    }

    /** The jar (or classes directory) this class was loaded from. */
    public static Path ownLocation() {
        try {
            return Path.of(KernelInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kernel jar: " + e.getMessage(), e);
        }
    }

    /**
     * This class's own jar (or classes directory), then the entries of {@code projectClasspath} other
     * than that jar (so a caller may pass its whole {@code java.class.path}).
     */
    public static String withKernel(String projectClasspath) {
        String own = ownLocation().toString();
        StringBuilder classpath = new StringBuilder(own);
        for (String entry : projectClasspath.split(File.pathSeparator)) {
            if (!entry.isBlank() && !Path.of(entry).toAbsolutePath().normalize().toString().equals(own)) {
                classpath.append(File.pathSeparator).append(entry);
            }
        }
        return classpath.toString();
    }

    /** The {@code java} executable of this JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public static void main(String[] args) throws IOException {
        try {
            InstallArguments parsed = InstallArguments.parse(args, System.getenv());
            Path written = install(parsed.kernelsDirectory(), withKernel(parsed.projectClasspath()), parsed.java(),
                    parsed.maxHeap());
            System.out.println("installed kernelspec '" + KERNEL_NAME + "' (" + KernelSpec.DISPLAY_NAME + ") at " + written);
        } catch (IllegalArgumentException e) {
            System.err.println("quantlake kernel installer: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }
}
