package io.quantlake.notebook.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A cell split into its Java code and its magic. The only magic, as in IJava, is the line magic
 * {@code %jars PATH...}: each PATH is an exact jar file, or a directory whose {@code *.jar} files (not
 * recursive, in name order) are added; relative paths resolve against the kernel's working directory
 * (the notebook's directory). At most one magic per cell. The magic line is blanked, not removed, so
 * that the line numbers in compile errors are the cell's own.
 *
 * @param code the Java source to give JShell
 * @param jars the jars the cell's {@code %jars} adds, empty without a magic
 */
public record CellSource(String code, List<Path> jars) {
    private static final Pattern MAGIC = Pattern.compile("^\\s*(%%?)([A-Za-z_][\\w-]*)(.*)$");

    public CellSource {
        jars = List.copyOf(jars);
    }

    /** Parses a cell; a second magic, an unknown magic or a missing path is a {@link CellException}. */
    public static CellSource parse(String cell) throws CellException {
        String[] lines = cell.split("\n", -1);
        List<Path> jars = List.of();
        int magicLine = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAGIC.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            int line = i + 1;
            if (magicLine != 0) {
                throw CellException.of("line " + line + ": at most one magic per cell; the first is on line " + magicLine);
            }
            if (!m.group(1).equals("%") || !m.group(2).equals("jars")) {
                throw CellException.of("line " + line + ": unknown magic " + m.group(1) + m.group(2)
                        + "; this kernel knows only the line magic %jars <jar file or directory>");
            }
            jars = resolveJars(m.group(3).trim(), line);
            magicLine = line;
            lines[i] = "";
        }
        return new CellSource(String.join("\n", lines), jars);
    }

    private static List<Path> resolveJars(String arguments, int line) throws CellException {
        if (arguments.isEmpty()) {
            throw CellException.of("line " + line + ": %jars needs a jar file or a directory of jars");
        }
        List<Path> jars = new ArrayList<>();
        for (String argument : arguments.split("\\s+")) {
            Path path = Path.of(unquote(argument)).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                List<Path> inDirectory = jarsIn(path, line);
                if (inDirectory.isEmpty()) {
                    throw CellException.of("line " + line + ": %jars directory " + path + " holds no .jar file");
                }
                jars.addAll(inDirectory);
            } else if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar")) {
                jars.add(path);
            } else {
                throw CellException.of("line " + line + ": %jars " + argument + ": " + path
                        + (Files.exists(path) ? " is not a .jar file or a directory" : " does not exist")
                        + " (give an exact jar path or a directory; globs are not expanded)");
            }
        }
        return jars;
    }

    private static List<Path> jarsIn(Path directory, int line) throws CellException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw CellException.of("line " + line + ": %jars cannot list directory " + directory + ": " + e.getMessage());
        }
    }

    private static String unquote(String argument) {
        if (argument.length() >= 2 && (argument.startsWith("\"") && argument.endsWith("\"")
                || argument.startsWith("'") && argument.endsWith("'"))) {
            return argument.substring(1, argument.length() - 1);
        }
        return argument;
    }
}
