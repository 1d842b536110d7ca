package io.quantlake.notebook.kernel;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.quantlake.notebook.Display;
import io.quantlake.notebook.Rendering;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The QuantLake Jupyter kernel: Java 17 cells evaluated by JShell ({@link CellEvaluator}) behind
 * jupyter-jvm-basekernel's message handling. A cell may start with the one magic {@code %jars}
 * ({@link CellSource}); its trailing expression is the cell's {@code execute_result}, rendered by
 * {@link Rendering}; {@link Display} publishes {@code display_data} while the cell runs.
 *
 * <p>Every failure of a cell, including an {@link Error} thrown inside the kernel, reaches the base
 * kernel as an {@link Exception}, which it reports as a Jupyter error: a {@code Throwable} escaping
 * {@link #eval} would end the shell thread and leave the kernel deaf.
 */
public final class QuantLakeKernel extends BaseKernel {
    private static final String INDENT = "    ";

    private final CellEvaluator evaluator;
    private final LanguageInfo languageInfo;

    public QuantLakeKernel(CellEvaluator evaluator) {
        super(StandardCharsets.UTF_8);
        this.evaluator = evaluator;
        String version = Runtime.version().toString();
        this.languageInfo = new LanguageInfo("java", version, "text/x-java-source", ".jshell", "java", "java", "script");
        Display.attach(this::display);
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        try {
            CellSource cell = CellSource.parse(code);
            evaluator.addToClasspath(cell.jars());
            return evaluator.evaluate(cell.code()).map(v -> Rendering.render(v.value())).orElse(null);
        } catch (CellException e) {
            throw e;
        } catch (Throwable t) {
            throw new CellException("kernel fault while running the cell: " + t,
                    List.of("kernel fault while running the cell: " + t));
        }
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellException cell) {
            return cell.traceback();
        }
        return super.formatError(e);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<String> candidates = evaluator.complete(code, at, anchor);
        return candidates.isEmpty() ? null : new ReplacementOptions(candidates, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        Completeness completeness = evaluator.completeness(code);
        return switch (completeness) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> INDENT;
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "QuantLake Java kernel (JShell, Java " + Runtime.version().feature() + ")";
    }

    @Override
    public void interrupt() {
        evaluator.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        Display.attach(null);
        evaluator.close();
    }
}
