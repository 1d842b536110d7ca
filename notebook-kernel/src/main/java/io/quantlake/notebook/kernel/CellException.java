package io.quantlake.notebook.kernel;

import java.util.List;

/**
 * A cell that did not run to the end: a compile error, an exception thrown by the cell's code, a bad
 * magic or an interrupt. The kernel reports it as a Jupyter {@code error} (ename {@code CellException},
 * evalue the message, traceback {@link #traceback()}), so {@code nbconvert --execute} fails on it.
 */
public final class CellException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> traceback;

    CellException(String message, List<String> traceback) {
        super(message);
        this.traceback = List.copyOf(traceback);
    }

    static CellException of(String message) {
        return new CellException(message, List.of(message));
    }

    /** The lines a notebook shows under the error: the message, then the details. */
    public List<String> traceback() {
        return traceback;
    }
}
