package io.quantlake.notebook.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One in-process JShell session, as the kernel runs it: cells share state, fail with the cell's line. */
class CellEvaluatorTest {
    private static CellEvaluator cells;

    @BeforeAll
    static void startJShell() throws CellException {
        cells = CellEvaluator.start(KernelClasspath.ofThisJvm());
    }

    @AfterAll
    static void closeJShell() {
        cells.close();
    }

    private static Object valueOf(String code) throws CellException {
        Optional<CellValue> value = cells.evaluate(code);
        assertTrue(value.isPresent(), "cell should end with an expression: " + code);
        return value.get().value();
    }

    @Test
    void declarationsSurviveAcrossCells() throws CellException {
        assertEquals(Optional.empty(), cells.evaluate("int base = 40;"));
        assertEquals(Optional.empty(), cells.evaluate("int twice(int v) { return 2 * v; }"));
        assertEquals(82, valueOf("twice(base) + 2"));
    }

    @Test
    void trailingExpressionIsTheValueOfAMultiSnippetCell() throws CellException {
        Object value = valueOf("record Leg(String symbol, double weight) {}\n"
                + "var legs = List.of(new Leg(\"BTCUSDT\", 0.6), new Leg(\"ETHUSDT\", 0.4));\n"
                + "legs.stream().mapToDouble(Leg::weight).sum()");
        assertEquals(1.0, (double) value, 1e-12);
        assertEquals("Leg[symbol=BTCUSDT, weight=0.6]", String.valueOf(valueOf("legs.get(0)")));
    }

    @Test
    void aCellEndingInADeclarationOrStatementHasNoValue() throws CellException {
        assertEquals(Optional.empty(), cells.evaluate("String unused = \"x\";"));
        assertEquals(Optional.empty(), cells.evaluate("for (int i = 0; i < 3; i++) { }"));
    }

    @Test
    void nullIsAValue() throws CellException {
        Optional<CellValue> value = cells.evaluate("(String) null");
        assertEquals(Optional.of(new CellValue(null)), value);
    }

    @Test
    void compileErrorNamesTheCellLine() {
        CellException e = assertThrows(CellException.class,
                () -> cells.evaluate("int fine = 1;\n\nint broken = undefinedThing + 1;"));
        assertTrue(e.getMessage().startsWith("compile error: line 3: cannot find symbol"), e.getMessage());
        assertTrue(String.join("\n", e.traceback()).contains("int broken = undefinedThing + 1;"), e.traceback().toString());
    }

    @Test
    void exceptionNamesTheJavaExceptionAndStopsTheCell() throws CellException {
        cells.evaluate("int reached = 0;");
        CellException e = assertThrows(CellException.class,
                () -> cells.evaluate("if (true) throw new IllegalStateException(\"planted\");\nreached = 1;"));
        assertEquals("java.lang.IllegalStateException: planted", e.getMessage());
        assertEquals(0, valueOf("reached"), "the snippet after the failing one must not run");
    }

    @Test
    void methodWithAnUndefinedReferenceFailsAtDeclaration() {
        CellException e = assertThrows(CellException.class, () -> cells.evaluate("int usesMissing() { return missingHelper(); }"));
        assertTrue(e.getMessage().contains("usesMissing uses undefined"), e.getMessage());
    }

    @Test
    void incompleteCellIsAnError() {
        CellException e = assertThrows(CellException.class, () -> cells.evaluate("void open() {\n  int a = 1;"));
        assertTrue(e.getMessage().startsWith("line 1: incomplete code"), e.getMessage());
    }

    @Test
    void cellsRunWithTheSnippetLoaderAsContextClassLoader() throws CellException {
        cells.evaluate("record Bar(long openTime) {}");
        assertEquals(true, valueOf("Thread.currentThread().getContextClassLoader() == Bar.class.getClassLoader()"));
        assertEquals(true, valueOf("Bar.class.getClassLoader().getResource(Bar.class.getName().replace('.', '/') + \".class\") != null"));
    }

    @Test
    void displayHelpersAreImported() throws CellException {
        // no kernel attached in this JVM: the helper is found (compiles) and says what it needs
        CellException e = assertThrows(CellException.class, () -> cells.evaluate("html(\"<b>x</b>\");"));
        assertTrue(e.getMessage().contains("needs the QuantLake Jupyter kernel"), e.getMessage());
    }

    @Test
    void stopEndsARunawayCellAndTheSessionGoesOn() throws Exception {
        cells.evaluate("long spins = 0;");
        java.util.concurrent.CompletableFuture<Object> outcome = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return cells.evaluate("while (true) { spins++; }");
            } catch (CellException e) {
                return e;
            }
        });
        while (!cells.isRunning()) {
            Thread.sleep(10);
        }
        cells.stop();
        Object result = outcome.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(result instanceof CellException, "a stopped cell is an error, got " + result);
        assertEquals("line 1: the cell was interrupted", ((CellException) result).getMessage());
        assertEquals(3, valueOf("1 + 2"), "the session still evaluates after a stop");
    }

    @Test
    void addedJarIsUsableInLaterCells(@TempDir Path dir) throws Exception {
        Path jar = compileJar(dir, "demo.Greeter", "package demo; public class Greeter { public static String hi() { return \"hi from jar\"; } }");
        cells.addToClasspath(List.of(jar));
        assertEquals("hi from jar", valueOf("demo.Greeter.hi()"));
    }

    /** Compiles one class into a jar in {@code dir}. */
    static Path compileJar(Path dir, String className, String source) throws IOException {
        Path src = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), src.toString()), "javac " + src);
        Path jar = dir.resolve(className.substring(className.lastIndexOf('.') + 1).toLowerCase() + ".jar");
        String entry = className.replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry(entry));
            jarOut.write(Files.readAllBytes(classes.resolve(entry)));
            jarOut.closeEntry();
        }
        return jar;
    }
}
