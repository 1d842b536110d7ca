package io.quantlake.notebook.kernel;

import jdk.jshell.EvalException;

import java.util.ArrayList;
import java.util.List;

/**
 * Formats the exception of a cell for the notebook: the exception, its frames down to the first frame
 * of the kernel's own machinery (reflection, JShell, this package), then each cause the same way.
 * Frames of snippet code read as {@code at snippet #12, line 3} (JShell's snippet ids, counted per session).
 */
final class StackTraces {
    private static final int MAX_CAUSES = 10;

    private StackTraces() {
    }

    static List<String> format(EvalException exception) {
        List<String> lines = new ArrayList<>();
        Throwable current = exception;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
            String title = current instanceof EvalException eval ? CellEvaluator.describe(eval) : current.toString();
            lines.add(depth == 0 ? title : "Caused by: " + title);
            for (StackTraceElement frame : current.getStackTrace()) {
                if (isMachinery(frame)) {
                    break;
                }
                lines.add("    at " + frame(frame));
            }
        }
        return lines;
    }

    private static boolean isMachinery(StackTraceElement frame) {
        String cls = frame.getClassName();
        return cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.")
                || cls.startsWith("jdk.jshell.") || cls.startsWith("io.quantlake.notebook.kernel.");
    }

    private static String frame(StackTraceElement frame) {
        String file = frame.getFileName();
        if (frame.getClassName().isEmpty() && file != null && file.startsWith("#")) {
            // JShell rewrites the frames of snippet wrapper classes to ("", "", "#<snippet id>", line)
            return "snippet " + file + ", line " + frame.getLineNumber();
        }
        return frame.toString();
    }
}
