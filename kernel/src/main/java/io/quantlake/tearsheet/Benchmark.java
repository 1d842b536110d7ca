package io.quantlake.tearsheet;

import io.quantlake.panel.Panel;
import java.util.Arrays;

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

    /**
     * Buy-and-hold of {@code symbol} from a panel's closes, named {@code "<symbol> buy & hold"}: the bars where
     * the symbol has a close (missing bars are left out; the report carries the last close forward).
     */
    public static Benchmark buyAndHold(Panel panel, String symbol) {
        int i = panel.indexOf(symbol);
        if (i < 0) {
            throw new IllegalArgumentException("benchmark symbol " + symbol + " is not in the panel's universe "
                    + Arrays.toString(panel.symbols()));
        }
        long[] times = new long[panel.bars()];
        double[] closes = new double[panel.bars()];
        int n = 0;
        for (int t = 0; t < panel.bars(); t++) {
            if (panel.hasBar(t, i)) {
                times[n] = panel.times()[t];
                closes[n++] = panel.close()[panel.at(t, i)];
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("benchmark symbol " + symbol + " has no bar in the panel");
        }
        return new Benchmark(symbol + " buy & hold", Arrays.copyOf(times, n), Arrays.copyOf(closes, n));
    }
}
