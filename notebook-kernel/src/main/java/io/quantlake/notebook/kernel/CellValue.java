package io.quantlake.notebook.kernel;

/** The result object of a cell's trailing expression; {@code value} may be {@code null} (the cell's value was null). */
public record CellValue(Object value) {
}
