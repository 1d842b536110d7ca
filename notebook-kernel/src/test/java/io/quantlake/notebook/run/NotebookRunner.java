package io.quantlake.notebook.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.quantlake.notebook.install.KernelInstaller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Executes notebooks headless with {@code jupyter nbconvert --to notebook --execute} (no
 * {@code --allow-errors}: a failing cell makes nbconvert exit non-zero) against the QuantLake
 * kernelspec installed into a private Jupyter directory, so nothing of the user's Jupyter set-up is
 * read or changed.
 */
final class NotebookRunner {
    /** A process that outlives this is killed and reported as hung; nbconvert's own cell timeout is 600 s. */
    private static final long PROCESS_TIMEOUT_MINUTES = 15;

    private final Path jupyter;
    private final Path home;
    private final Path outputDir;

    /** The result of one nbconvert run: exit code, the executed notebook and nbconvert's (and the kernel's) log. */
    record Run(int exitCode, Path executed, String log) {
        /** The code cells of the executed notebook, in order. */
        List<JsonObject> codeCells() throws IOException {
            return NotebookRunner.codeCells(executed);
        }
    }

    /** The code cells of the notebook file {@code ipynb}, in order. */
    static List<JsonObject> codeCells(Path ipynb) throws IOException {
        JsonObject notebook = new JsonParser().parse(Files.readString(ipynb)).getAsJsonObject();
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement cell : notebook.getAsJsonArray("cells")) {
            if (cell.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                cells.add(cell.getAsJsonObject());
            }
        }
        return cells;
    }

    /**
     * Installs the kernelspec under {@code home/share/jupyter/kernels/quantlake} with {@code kernelClasspath}.
     */
    NotebookRunner(Path jupyter, Path home, String kernelClasspath, Path outputDir) throws IOException {
        this.jupyter = jupyter;
        this.home = home;
        this.outputDir = outputDir;
        KernelInstaller.install(home.resolve("share/jupyter/kernels"), kernelClasspath, KernelInstaller.currentJava(), "2g");
        Files.createDirectories(outputDir);
    }

    /** Executes {@code notebook} into {@code outputDir/<outputName>} and waits for nbconvert. */
    Run execute(Path notebook, String outputName) throws IOException, InterruptedException {
        Path log = outputDir.resolve(outputName + ".log");
        ProcessBuilder builder = new ProcessBuilder(jupyter.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=" + KernelInstaller.KERNEL_NAME,
                "--output", outputName, "--output-dir", outputDir.toString(), notebook.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).directory(notebook.getParent().toFile());
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_PATH", home.resolve("share/jupyter").toString());
        env.put("JUPYTER_DATA_DIR", home.resolve("data").toString());
        env.put("JUPYTER_CONFIG_DIR", home.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Process process = builder.start();
        if (!process.waitFor(PROCESS_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("nbconvert hung for " + PROCESS_TIMEOUT_MINUTES + " min on " + notebook + "; log " + log);
        }
        return new Run(process.exitValue(), outputDir.resolve(outputName), Files.readString(log));
    }

    /** The outputs of one executed code cell. */
    static List<JsonObject> outputs(JsonObject cell) {
        List<JsonObject> outputs = new ArrayList<>();
        JsonArray array = cell.getAsJsonArray("outputs");
        array.forEach(o -> outputs.add(o.getAsJsonObject()));
        return outputs;
    }

    /** A multi-line notebook string (a JSON string or an array of lines) as one string. */
    static String text(JsonElement element) {
        if (element.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            element.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return element.getAsString();
    }
}
