package io.quantlake.tearsheet;

import java.util.List;

/**
 * A grid of colored cells, e.g. monthly returns (rows years, columns months) or a sweep's metric over two
 * parameters; each cell's value is printed on it when there are at most 400 cells in at most 24 columns.
 * {@code values[r * columns.size() + c]} is the cell of row {@code r} and column {@code c}; a non-finite
 * value leaves the cell empty. Rows are drawn top to bottom in list
 * order. The color scale ({@code visualMap}) spans the finite values: with {@link Scale#DIVERGING} it is
 * symmetric around 0 (red below, green above), with {@link Scale#SEQUENTIAL} it runs from the minimum to
 * the maximum.
 */
public record HeatmapChart(String title, List<String> columns, List<String> rows, double[] values,
                           ValueFormat format, Scale scale) implements Chart {
    /** How values map to colors. */
    public enum Scale { DIVERGING, SEQUENTIAL }

    public HeatmapChart {
        Chart.requireTitle(title);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (values.length != columns.size() * rows.size()) {
            throw new IllegalArgumentException("heatmap '" + title + "': " + values.length + " values for "
                    + rows.size() + " rows x " + columns.size() + " columns");
        }
        if (format == null || scale == null) {
            throw new IllegalArgumentException("heatmap '" + title + "': format and scale must not be null");
        }
    }
}
