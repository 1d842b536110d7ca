package io.quantlake.tearsheet;

import java.util.List;

/**
 * Points on two value axes, one color per {@link Points} series; a point with a non-finite coordinate is
 * left out. A series longer than {@link Downsampler#MAX_POINTS} keeps every k-th point
 * ({@code k = ceil(n / MAX_POINTS)}, starting at the first).
 */
public record ScatterChart(String title, String xName, String yName, ValueFormat xFormat, ValueFormat yFormat,
                           List<Points> series) implements Chart {
    /** One named series of points {@code (x[k], y[k])}. */
    public record Points(String name, double[] x, double[] y) {
        public Points {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("scatter series name must not be blank, got '" + name + "'");
            }
            if (x.length != y.length) {
                throw new IllegalArgumentException("scatter series '" + name + "': " + x.length + " x but "
                        + y.length + " y");
            }
        }
    }

    public ScatterChart {
        Chart.requireTitle(title);
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("scatter chart '" + title + "' has no series");
        }
        if (xName == null || yName == null || xFormat == null || yFormat == null) {
            throw new IllegalArgumentException("scatter chart '" + title
                    + "': axis names and formats must not be null");
        }
    }
}
