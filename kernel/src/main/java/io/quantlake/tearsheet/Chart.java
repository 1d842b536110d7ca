package io.quantlake.tearsheet;

/**
 * A chart of a report page, drawn by ECharts from data inlined into the page. The title is rendered as an
 * escaped HTML heading above the chart.
 */
public sealed interface Chart extends Block permits TimeSeriesChart, BarChart, HeatmapChart, ScatterChart {
    /** The heading shown above the chart. */
    String title();

    /** Checks a chart title: not blank. */
    static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("chart title must not be blank, got '" + title + "'");
        }
        return title;
    }
}
