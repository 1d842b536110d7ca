package io.quantlake.notebook.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds absolute paths of the machine that ran a notebook in its outputs: a committed notebook must read the
 * same on every machine, so its outputs name no home, checkout or temporary directory.
 */
final class NotebookPaths {
    /** A Unix or Windows absolute path under a machine-specific root. */
    private static final Pattern MACHINE_PATH = Pattern.compile(
            "(?<![\\w.])(/(tmp|work|home|root|Users|var/folders|private)/[^\\s\"']*|[A-Za-z]:\\\\[^\\s\"']+)");

    private NotebookPaths() {
    }

    /** Each machine path found in the text outputs of {@code codeCells}, as {@code cell N: path}. */
    static List<String> machinePaths(List<JsonObject> codeCells, List<String> alsoForbidden) {
        List<String> found = new ArrayList<>();
        for (int n = 0; n < codeCells.size(); n++) {
            for (JsonObject output : NotebookRunner.outputs(codeCells.get(n))) {
                String text = outputText(output);
                Matcher m = MACHINE_PATH.matcher(text);
                while (m.find()) {
                    found.add("cell " + n + ": " + m.group());
                }
                for (String path : alsoForbidden) {
                    if (text.contains(path)) {
                        found.add("cell " + n + ": " + path);
                    }
                }
            }
        }
        return found;
    }

    /** A stream's text, or every textual representation of a display or result (images are not text). */
    private static String outputText(JsonObject output) {
        StringBuilder text = new StringBuilder();
        if (output.has("text")) {
            text.append(NotebookRunner.text(output.get("text")));
        }
        if (output.has("data")) {
            for (var e : output.getAsJsonObject("data").entrySet()) {
                if (e.getKey().startsWith("text/")) {
                    text.append('\n').append(NotebookRunner.text(e.getValue()));
                }
            }
        }
        if (output.has("traceback")) {
            for (JsonElement line : output.getAsJsonArray("traceback")) {
                text.append('\n').append(line.getAsString());
            }
        }
        return text.toString();
    }
}
