package io.quantlake.notebook.install;

import java.nio.file.Path;
import java.util.Map;

/**
 * The installer's command line: {@code --install} and where to, the project classpath, heap and java.
 *
 * @param kernelsDirectory the Jupyter {@code kernels} directory to write into
 * @param projectClasspath the classpath after the kernel jar (may be empty)
 * @param java             the {@code java} executable for the kernel
 * @param maxHeap          the kernel's {@code -Xmx}
 */
record InstallArguments(Path kernelsDirectory, String projectClasspath, Path java, String maxHeap) {

    /**
     * Parses {@code --install [--user | --prefix DIR | --kernels-dir DIR] --classpath CP [--memory M]
     * [--java PATH]}; {@code --prefix DIR} means {@code DIR/share/jupyter/kernels}, as for
     * {@code jupyter kernelspec install --prefix}.
     */
    static InstallArguments parse(String[] args, Map<String, String> env) {
        boolean install = false;
        Path kernels = null;
        String classpath = null;
        Path java = KernelInstaller.currentJava();
        String heap = "4g";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--install" -> install = true;
                case "--user" -> kernels = only(kernels, KernelInstaller.userKernelsDirectory(env), arg);
                case "--prefix" -> kernels = only(kernels, Path.of(value(args, ++i, arg), "share", "jupyter", "kernels"), arg);
                case "--kernels-dir" -> kernels = only(kernels, Path.of(value(args, ++i, arg)), arg);
                case "--classpath" -> classpath = value(args, ++i, arg);
                case "--memory" -> heap = value(args, ++i, arg);
                case "--java" -> java = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (!install) {
            throw new IllegalArgumentException("nothing to do: give --install");
        }
        if (classpath == null) {
            throw new IllegalArgumentException("--classpath is required (the project classpath; '' for none)");
        }
        return new InstallArguments(kernels == null ? KernelInstaller.userKernelsDirectory(env) : kernels, classpath, java, heap);
    }

    private static Path only(Path earlier, Path chosen, String option) {
        if (earlier != null) {
            throw new IllegalArgumentException(option + ": give only one of --user, --prefix, --kernels-dir");
        }
        return chosen;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
