package io.quantlake.tearsheet;

/**
 * A benchmark price series for a report, e.g. BTC buy-and-hold: bar open times (UTC epoch ms, strictly
 * increasing) and the closes of those bars (positive). The arrays are not copied; do not change them.
 */
public record Benchmark(String name, long[] times, double[] closes) {
    public Benchmark {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("benchmark name must not be blank, got '" + name + "'");
        }
        if (times.length != closes.length || times.length == 0) {
            throw new IllegalArgumentException("benchmark '" + name + "': needs as many closes as times and at least"
                    + " one, got " + times.length + " times and " + closes.length + " closes");
        }
        for (int k = 0; k < times.length; k++) {
            if (k > 0 && times[k] <= times[k - 1]) {
                throw new IllegalArgumentException("benchmark '" + name + "': times must increase strictly, got "
                        + times[k - 1] + " then " + times[k] + " at index " + k);
            }
            if (!(closes[k] > 0) || !Double.isFinite(closes[k])) {
                throw new IllegalArgumentException("benchmark '" + name + "': close at index " + k
                        + " must be finite and > 0, got " + closes[k]);
            }
        }
    }

    /** BTC buy-and-hold from BTCUSDT bar times and closes. */
    public static Benchmark btcBuyAndHold(long[] times, double[] closes) {
        return new Benchmark("BTCUSDT buy & hold", times, closes);
    }
}
