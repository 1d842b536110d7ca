package io.quantlake.tearsheet;

import java.util.List;

/**
 * Lines over a UTC time axis, one per {@link TimeSeries}, with zoom; {@code area} fills each line down to
 * zero (an underwater drawdown, exposure). Each series longer than {@link Downsampler#MAX_POINTS} points is
 * downsampled by {@link Downsampler} when the page is written.
 */
public record TimeSeriesChart(String title, List<TimeSeries> series, ValueFormat format, boolean area)
        implements Chart {
    public TimeSeriesChart {
        Chart.requireTitle(title);
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("time series chart '" + title + "' has no series");
        }
        if (format == null) {
            throw new IllegalArgumentException("time series chart '" + title + "': format must not be null");
        }
    }

    /** Plain lines. */
    public static TimeSeriesChart lines(String title, ValueFormat format, TimeSeries... series) {
        return new TimeSeriesChart(title, List.of(series), format, false);
    }

    /** Lines filled down to zero. */
    public static TimeSeriesChart areas(String title, ValueFormat format, TimeSeries... series) {
        return new TimeSeriesChart(title, List.of(series), format, true);
    }
}
