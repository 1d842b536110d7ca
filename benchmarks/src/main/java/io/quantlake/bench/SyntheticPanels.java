package io.quantlake.bench;

import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic panels for the benchmarks: independent geometric random walks, full data (no
 * missing bar, every symbol listed over the whole grid), so every run of a benchmark sees the same
 * numbers.
 *
 * <p>Close: {@code close_t = close_{t-1} · exp(vol · z_t)}, {@code z_t} standard normal, start 100.
 * Open of bar {@code t} is the previous close (the first open is the first close); high and low
 * widen the open/close range by {@code |vol · z'| / 2}. Volume is 1 (unused by the kernels measured).
 */
final class SyntheticPanels {
    /** Grid origin: 2024-01-01T00:00Z, in epoch milliseconds. */
    static final long ORIGIN = 1_704_067_200_000L;

    private SyntheticPanels() {
    }

    /** Closes of {@code symbols} random walks over {@code bars} bars, laid out {@code t * symbols + i}. */
    static double[] closes(int bars, int symbols, double vol, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] close = new double[bars * symbols];
        for (int i = 0; i < symbols; i++) {
            double c = 100;
            for (int t = 0; t < bars; t++) {
                if (t > 0) {
                    c *= Math.exp(vol * gaussian(rnd));
                }
                close[t * symbols + i] = c;
            }
        }
        return close;
    }

    /** A panel of {@code symbols} random walks ({@code S000}, {@code S001}, …) with open, high and low as described above. */
    static Panel walks(Interval interval, int bars, int symbols, double vol, long seed) {
        double[] close = closes(bars, symbols, vol, seed);
        double[] open = new double[close.length];
        double[] high = new double[close.length];
        double[] low = new double[close.length];
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int t = 0; t < bars; t++) {
            for (int i = 0; i < symbols; i++) {
                int k = t * symbols + i;
                open[k] = t == 0 ? close[k] : close[k - symbols];
                double wick = Math.abs(vol * gaussian(rnd)) / 2;
                high[k] = Math.max(open[k], close[k]) * (1 + wick);
                low[k] = Math.min(open[k], close[k]) * (1 - wick);
            }
        }
        return new Panel(interval, grid(interval, bars), names(symbols), open, high, low, close, ones(close.length),
                Map.of());
    }

    /**
     * A one-symbol panel whose every bar has {@code open = high = low = close}: intrabar take-profit
     * and stop-loss checks then see only the close, so a close-based engine must give the same exits.
     */
    static Panel flatBars(Interval interval, double[] close) {
        return new Panel(interval, grid(interval, close.length), names(1), close, close, close, close,
                ones(close.length), Map.of());
    }

    /** Bar open times {@code ORIGIN + t · interval}. */
    static long[] grid(Interval interval, int bars) {
        long[] times = new long[bars];
        for (int t = 0; t < bars; t++) {
            times[t] = ORIGIN + t * interval.millis();
        }
        return times;
    }

    private static String[] names(int symbols) {
        String[] s = new String[symbols];
        for (int i = 0; i < symbols; i++) {
            s[i] = String.format("S%03d", i);
        }
        return s;
    }

    private static double[] ones(int cells) {
        double[] v = new double[cells];
        java.util.Arrays.fill(v, 1.0);
        return v;
    }

    /** A standard normal draw (Box–Muller, one of the pair). */
    static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
