package io.quantlake.tearsheet;

/**
 * One named line of a {@link TimeSeriesChart}: values at UTC epoch-millisecond times, strictly increasing.
 * A non-finite value is a gap in the line. The arrays are not copied; do not change them afterwards.
 */
public record TimeSeries(String name, long[] times, double[] values) {
    public TimeSeries {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("time series name must not be blank, got '" + name + "'");
        }
        if (times.length != values.length) {
            throw new IllegalArgumentException("time series '" + name + "': " + times.length + " times but "
                    + values.length + " values");
        }
        for (int t = 1; t < times.length; t++) {
            if (times[t] <= times[t - 1]) {
                throw new IllegalArgumentException("time series '" + name + "': times must increase strictly, got "
                        + times[t - 1] + " then " + times[t] + " at index " + t);
            }
        }
    }
}
