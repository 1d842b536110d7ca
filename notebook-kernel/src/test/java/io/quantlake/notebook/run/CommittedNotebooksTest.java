package io.quantlake.notebook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The notebooks as committed: their outputs hold no absolute path of the machine that ran them. */
class CommittedNotebooksTest {
    @Test
    void committedOutputsNameNoMachinePath() throws IOException {
        Path dir = Path.of(System.getProperty("quantlake.notebooks", "../notebooks")).toAbsolutePath().normalize();
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(dir)) {
            notebooks = files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
        assertTrue(notebooks.size() >= 2, "notebooks in " + dir);
        List<String> found = new ArrayList<>();
        for (Path notebook : notebooks) {
            List<JsonObject> cells = NotebookRunner.codeCells(notebook);
            NotebookPaths.machinePaths(cells, List.of()).forEach(p -> found.add(notebook.getFileName() + " " + p));
        }
        assertEquals(List.of(), found, "print paths relative to the project, or describe them");
    }
}
