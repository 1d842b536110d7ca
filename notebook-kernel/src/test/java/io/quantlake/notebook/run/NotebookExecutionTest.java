package io.quantlake.notebook.run;

import com.google.gson.JsonObject;
import io.quantlake.notebook.kernel.KernelMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Notebooks executed headless in the real kernel through Jupyter's own client ({@code jupyter nbconvert
 * --execute}). The kernel JVM gets this test JVM's classpath (kernel classes, Spark, research-core).
 * Skipped when Jupyter is absent: {@code apt-get install jupyter-nbconvert python3-nbconvert
 * python3-nbclient jupyter-client}.
 */
class NotebookExecutionTest {
    private static final Path OUTPUT = Path.of("target", "executed-notebooks").toAbsolutePath();
    private static final String SMOKE = "00-kernel-smoke.ipynb";
    private static final int STARTS = 10;

    @TempDir
    static Path jupyterHome;
    private static NotebookRunner runner;

    @BeforeAll
    static void installKernelspec() throws IOException {
        Path jupyter = Path.of(System.getProperty("quantlake.jupyter", "/usr/bin/jupyter"));
        assumeTrue(Files.isExecutable(jupyter), "skipped: " + jupyter + " not found; notebook tests need"
                + " apt-get install jupyter-nbconvert python3-nbconvert python3-nbclient jupyter-client");
        String classpath = System.getProperty("java.class.path");
        assertTrue(classpath.contains(ownLocation().toString()), "surefire must expose the test classpath: " + classpath);
        runner = new NotebookRunner(jupyter, jupyterHome, classpath, OUTPUT);
    }

    private static Path ownLocation() {
        try {
            return Path.of(KernelMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path notebooksDir() {
        return Path.of(System.getProperty("quantlake.notebooks", "../notebooks")).toAbsolutePath().normalize();
    }

    private static Path fixture(String name) {
        return Path.of("src/test/resources/notebooks", name).toAbsolutePath();
    }

    @Test
    void smokeNotebookShowsStateLoopsRecordsHtmlImagesAndValues() throws Exception {
        NotebookRunner.Run run = runner.execute(notebooksDir().resolve(SMOKE), SMOKE);
        assertEquals(0, run.exitCode(), run.log());
        List<JsonObject> cells = run.codeCells();

        assertEquals(List.of(), NotebookRunner.outputs(cells.get(0)), "a declaration shows nothing");
        JsonObject loop = NotebookRunner.outputs(cells.get(1)).get(0);
        assertEquals("stream", loop.get("output_type").getAsString());
        assertEquals("sum of 1..10 = 55\n", NotebookRunner.text(loop.get("text")));
        assertEquals("7", plainResult(cells.get(2)), "Point(3, -4).manhattan() = |3| + |-4|");
        JsonObject html = NotebookRunner.outputs(cells.get(3)).get(0);
        assertEquals("display_data", html.get("output_type").getAsString());
        assertTrue(NotebookRunner.text(html.getAsJsonObject("data").get("text/html")).contains("<td>BTCUSDT</td>"), html.toString());
        JsonObject image = NotebookRunner.outputs(cells.get(4)).get(0);
        byte[] png = Base64.getDecoder().decode(NotebookRunner.text(image.getAsJsonObject("data").get("image/png")).strip());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertEquals("total-110-Point[x=3, y=-4]", plainResult(cells.get(5)), "total = 55 from an earlier cell, doubled");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "failing-exception.ipynb, java.lang.IllegalStateException: planted failure",
        "failing-compile.ipynb, 'compile error: line 1: cannot find symbol'"})
    void failingCellFailsTheRun(String notebook, String expectedError) throws Exception {
        NotebookRunner.Run run = runner.execute(fixture(notebook), notebook);
        assertNotEquals(0, run.exitCode(), "nbconvert must fail on a failing cell:\n" + run.log());
        assertTrue(run.log().contains(expectedError), "the error should be reported:\n" + run.log());
        assertTrue(run.log().contains("CellException"), run.log());
    }

    @Test
    void kernelStartsEveryTime() throws Exception {
        for (int i = 1; i <= STARTS; i++) {
            NotebookRunner.Run run = runner.execute(fixture("start.ipynb"), "start-" + i + ".ipynb");
            assertEquals(0, run.exitCode(), "start " + i + " of " + STARTS + " failed:\n" + run.log());
            assertEquals("2", plainResult(run.codeCells().get(0)), "start " + i);
        }
    }

    @Test
    void sparkRunsInsideTheKernel() throws Exception {
        NotebookRunner.Run run = runner.execute(fixture("spark-in-kernel.ipynb"), "spark-in-kernel.ipynb");
        assertEquals(0, run.exitCode(), run.log());
        List<JsonObject> cells = run.codeCells();
        assertEquals("499500", plainResult(cells.get(1)), "sum of 0..999 = 999 * 1000 / 2");
        assertEquals("135", plainResult(cells.get(2)), "3 * (0 + 1 + ... + 9) = 3 * 45");
        assertEquals("INFO", plainResult(cells.get(3)), "the JVM's default root level");
    }

    /**
     * Every other notebook of the project runs without a failing cell and shows what a research notebook
     * shows: at least one HTML table and one PNG chart, and no path of the machine that ran it.
     */
    @TestFactory
    Stream<DynamicTest> everyProjectNotebookRuns() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(notebooksDir())) {
            notebooks = files.filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(p -> !p.getFileName().toString().equals(SMOKE)).sorted().toList();
        }
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(notebook.getFileName().toString(), () -> {
            NotebookRunner.Run run = runner.execute(notebook, notebook.getFileName().toString());
            assertEquals(0, run.exitCode(), run.log());
            List<String> shown = run.codeCells().stream().flatMap(cell -> NotebookRunner.outputs(cell).stream())
                    .filter(o -> o.has("data")).flatMap(o -> o.getAsJsonObject("data").keySet().stream()).toList();
            assertTrue(shown.contains("text/html"), notebook.getFileName() + " shows no HTML table: " + shown);
            assertTrue(shown.contains("image/png"), notebook.getFileName() + " shows no PNG chart: " + shown);
            List<String> paths = NotebookPaths.machinePaths(run.codeCells(), List.of(notebooksDir().getParent().toString(),
                    System.getProperty("java.io.tmpdir"), System.getProperty("user.home")));
            assertEquals(List.of(), paths, notebook.getFileName() + " shows paths of this machine");
        }));
    }

    private static String plainResult(JsonObject cell) {
        for (JsonObject output : NotebookRunner.outputs(cell)) {
            if (output.get("output_type").getAsString().equals("execute_result")) {
                return NotebookRunner.text(output.getAsJsonObject("data").get("text/plain"));
            }
        }
        throw new AssertionError("no execute_result in cell " + cell);
    }
}
