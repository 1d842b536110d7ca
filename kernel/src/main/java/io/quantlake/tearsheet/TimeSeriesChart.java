package io.quantlake.tearsheet;

import java.util.List;

/**
 * Lines over a UTC time axis, one per {@link TimeSeries}, with zoom, drawn in a {@link Style}. Each series
 * longer than {@link Downsampler#MAX_POINTS} points is downsampled by {@link Downsampler} when the page is
 * written.
 */
public record TimeSeriesChart(String title, List<TimeSeries> series, ValueFormat format, Style style)
        implements Chart {
    /** How the points are joined. */
    public enum Style {
        /** Straight segments between points. */
        LINE,
        /** Straight segments, filled down to zero (an underwater drawdown, an exposure). */
        AREA,
        /** A value holds until the next point (e.g. target weights set at decision bars). */
        STEP
    }

    public TimeSeriesChart {
        Chart.requireTitle(title);
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("time series chart '" + title + "' has no series");
        }
        if (format == null || style == null) {
            throw new IllegalArgumentException("time series chart '" + title + "': format and style must not be null");
        }
    }

    /** Plain lines. */
    public static TimeSeriesChart lines(String title, ValueFormat format, TimeSeries... series) {
        return new TimeSeriesChart(title, List.of(series), format, Style.LINE);
    }
}
