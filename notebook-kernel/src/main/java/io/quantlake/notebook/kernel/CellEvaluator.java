package io.quantlake.notebook.kernel;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Evaluates notebook cells with JShell in this JVM, keeping every declaration across cells. A cell is
 * split into JShell snippets; the first snippet that is rejected by the compiler, leaves a reference
 * unresolved or throws stops the cell with a {@link CellException} naming the cell's line. The value
 * of the cell is the value of its last snippet when that snippet is an expression.
 *
 * <p>Execution is in-process ({@link CellExecutionControl}): snippets see the JVM's class path
 * directly, which suits a large classpath like Spark's (no second JVM, no classpath copied over a
 * socket), and {@link io.quantlake.notebook.Display} reaches the kernel by a static call.
 */
public final class CellEvaluator implements AutoCloseable {
    /** Imports of every session: JShell's default start-up imports (as IJava) and the display helpers. */
    static final List<String> SESSION_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*", "java.util.regex.*",
            "java.util.stream.*", "static io.quantlake.notebook.Display.*");

    private final JShell shell;
    private final CellExecutionControl control;
    private volatile boolean stopRequested;

    private CellEvaluator(JShell shell, CellExecutionControl control) {
        this.shell = shell;
        this.control = control;
    }

    /**
     * Starts JShell with {@code classpath} (jars and class directories) for compiling and loading the
     * cells, runs the session imports and compiles one throw-away snippet so that the first real cell
     * does not pay for the compiler's start.
     */
    public static CellEvaluator start(List<Path> classpath) throws CellException {
        SnippetClassLoader loader = new SnippetClassLoader(CellEvaluator.class.getClassLoader());
        CellExecutionControl control = new CellExecutionControl(loader);
        JShell shell = JShell.builder().executionEngine(control.provider(), java.util.Map.of()).build();
        CellEvaluator evaluator = new CellEvaluator(shell, control);
        evaluator.addToClasspath(classpath);
        for (String imported : SESSION_IMPORTS) {
            evaluator.evaluate("import " + imported + ";");
        }
        evaluator.evaluate("int quantlakeWarmUp = 1;");
        shell.snippets().filter(s -> s instanceof DeclarationSnippet d && d.name().equals("quantlakeWarmUp"))
                .toList().forEach(shell::drop);
        return evaluator;
    }

    /** Adds jars or class directories for the following cells (the {@code %jars} magic). */
    public void addToClasspath(List<Path> entries) {
        if (!entries.isEmpty()) {
            shell.addToClasspath(entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
    }

    /**
     * Runs one cell's Java code.
     *
     * @return the value of the trailing expression, empty when the cell ends with a declaration or a
     *     statement
     * @throws CellException on the first compile error, unresolved reference or exception
     */
    public Optional<CellValue> evaluate(String code) throws CellException {
        control.clearValues();
        stopRequested = false;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Optional<CellValue> last = Optional.empty();
        String remaining = code;
        while (!remaining.isBlank()) {
            int start = code.length() - remaining.length();
            int sourceLine = lineAt(code, start);
            int line = lineAt(code, start + leadingBlanks(remaining));
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw CellException.of("line " + line + ": incomplete code at the end of the cell: "
                        + firstLine(remaining) + " (a missing '}' or ')'?)");
            }
            if (info.remaining().length() >= remaining.length()) {
                throw CellException.of("line " + line + ": JShell cannot split the code here: " + firstLine(remaining));
            }
            if (!stopRequested) {
                last = evaluateSnippet(info.source(), sourceLine, line);
            }
            if (stopRequested) {
                throw CellException.of("line " + line + ": the cell was interrupted");
            }
            remaining = info.remaining();
        }
        return last;
    }

    /** Completion candidates at {@code cursor}; {@code anchor[0]} receives where the replaced text starts. */
    public List<String> complete(String code, int cursor, int[] anchor) {
        return shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
    }

    /** How complete {@code code} is, for the front end's "is this cell finished" question. */
    public Completeness completeness(String code) {
        return shell.sourceCodeAnalysis().analyzeCompletion(code).completeness();
    }

    /** Whether a cell's code is running now (for an interrupt to act on). */
    public boolean isRunning() {
        return control.isRunning();
    }

    /**
     * Interrupts the running cell (see {@link CellExecutionControl#stop()}); the cell's remaining
     * snippets are skipped and the cell fails as interrupted.
     */
    public void stop() {
        stopRequested = true;
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }

    /**
     * @param sourceLine the cell line where {@code source} starts (it may start with blank lines)
     * @param line       the cell line of the snippet's first code
     */
    private Optional<CellValue> evaluateSnippet(String source, int sourceLine, int line) throws CellException {
        Optional<CellValue> value = Optional.empty();
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(snippet, sourceLine);
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception(), line);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                throw unresolved((DeclarationSnippet) snippet, line);
            }
            value = isExpression(snippet) ? control.takeValue(event.value()) : Optional.empty();
        }
        return value;
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private CellException compileError(Snippet snippet, int firstLine) {
        List<String> lines = new ArrayList<>();
        String source = snippet.source();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(d -> {
            int position = (int) Math.max(0, Math.min(d.getPosition(), source.length()));
            // JShell's wrapper class has no name: drop javac's empty "location: class" line
            String message = d.getMessage(Locale.ROOT).replaceAll("\\n\\s*location: class\\s*$", "");
            lines.add("line " + (firstLine + lineAt(source, position) - 1) + ": " + message);
            lines.add("    " + lineContaining(source, position).strip());
        });
        if (lines.isEmpty()) {
            lines.add("line " + firstLine + ": JShell rejected: " + firstLine(source));
        }
        return new CellException("compile error: " + lines.get(0), lines);
    }

    private CellException unresolved(DeclarationSnippet snippet, int line) {
        String missing = String.join(", ", shell.unresolvedDependencies(snippet).toList());
        String message = "line " + line + ": " + snippet.name() + " uses undefined " + missing;
        return CellException.of(message);
    }

    private static CellException runtimeError(JShellException exception, int line) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            return CellException.of("line " + line + ": " + unresolved.getSnippet().name()
                    + " cannot run: it uses something that is not defined yet");
        }
        if (exception instanceof EvalException eval) {
            return new CellException(describe(eval), StackTraces.format(eval));
        }
        return CellException.of("line " + line + ": " + exception);
    }

    static String describe(EvalException eval) {
        String message = eval.getMessage();
        return eval.getExceptionClassName() + (message == null ? "" : ": " + message);
    }

    private static int leadingBlanks(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String lineContaining(String text, int offset) {
        int start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        int end = text.indexOf('\n', offset);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline) + " ...";
    }
}
