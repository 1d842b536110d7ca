package io.quantlake.tearsheet;

import java.util.List;

/**
 * Vertical bars over text categories; each {@link Bars} holds one value per category (non-finite: no bar).
 * With at most 24 bars in all, each bar's value is printed above it.
 */
public record BarChart(String title, List<String> categories, List<Bars> series, ValueFormat format)
        implements Chart {
    /** One named series of bars, {@code values[k]} for category {@code k}. */
    public record Bars(String name, double[] values) {
        public Bars {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("bar series name must not be blank, got '" + name + "'");
            }
        }
    }

    public BarChart {
        Chart.requireTitle(title);
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("bar chart '" + title + "' has no series");
        }
        for (Bars b : series) {
            if (b.values().length != categories.size()) {
                throw new IllegalArgumentException("bar chart '" + title + "': series '" + b.name() + "' has "
                        + b.values().length + " values for " + categories.size() + " categories");
            }
        }
        if (format == null) {
            throw new IllegalArgumentException("bar chart '" + title + "': format must not be null");
        }
    }

    /** A chart of one series. */
    public static BarChart of(String title, List<String> categories, String name, double[] values,
                              ValueFormat format) {
        return new BarChart(title, categories, List.of(new Bars(name, values)), format);
    }
}
