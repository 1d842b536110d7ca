package io.quantlake.notebook.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one magic, {@code %jars}, as IJava reads an exact path or a directory. */
class CellSourceTest {

    @Test
    void cellWithoutMagicIsUnchanged() throws CellException {
        CellSource cell = CellSource.parse("int a = 7 % 3;\na");
        assertEquals("int a = 7 % 3;\na", cell.code());
        assertEquals(List.of(), cell.jars());
    }

    @Test
    void jarsMagicTakesAnExactJarAndBlanksItsLine(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("lib.jar"));
        CellSource cell = CellSource.parse("%jars " + jar + "\nint x = 1;");
        assertEquals(List.of(jar), cell.jars());
        assertEquals("\nint x = 1;", cell.code(), "the magic line stays as an empty line so line numbers hold");
    }

    @Test
    void jarsMagicOnADirectoryTakesItsJarsInNameOrder(@TempDir Path dir) throws IOException, CellException {
        Path b = Files.createFile(dir.resolve("b.jar"));
        Path a = Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        Files.createDirectories(dir.resolve("nested")).resolve("c.jar");
        assertEquals(List.of(a, b), CellSource.parse("%jars " + dir).jars());
    }

    @Test
    void missingPathIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.jar");
        CellException e = assertThrows(CellException.class, () -> CellSource.parse("int a = 1;\n%jars " + missing));
        assertEquals("line 2: %jars " + missing + ": " + missing
                + " does not exist (give an exact jar path or a directory; globs are not expanded)", e.getMessage());
    }

    @Test
    void atMostOneMagicPerCell(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("lib.jar"));
        CellException e = assertThrows(CellException.class, () -> CellSource.parse("%jars " + jar + "\n%jars " + jar));
        assertEquals("line 2: at most one magic per cell; the first is on line 1", e.getMessage());
    }

    @Test
    void otherMagicsAreRejected() {
        CellException line = assertThrows(CellException.class, () -> CellSource.parse("%classpath /tmp"));
        assertTrue(line.getMessage().startsWith("line 1: unknown magic %classpath;"), line.getMessage());
        CellException cell = assertThrows(CellException.class, () -> CellSource.parse("%%time\nint a = 1;"));
        assertTrue(cell.getMessage().startsWith("line 1: unknown magic %%time;"), cell.getMessage());
    }

    @Test
    void emptyDirectoryIsAnError(@TempDir Path dir) {
        CellException e = assertThrows(CellException.class, () -> CellSource.parse("%jars " + dir));
        assertTrue(e.getMessage().endsWith("holds no .jar file"), e.getMessage());
    }
}
