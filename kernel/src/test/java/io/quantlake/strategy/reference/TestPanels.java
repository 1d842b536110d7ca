package io.quantlake.strategy.reference;

import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import java.time.LocalDate;
import java.util.Random;

/** Hand-built panels for the strategy tests: open = high = low = close, volume 1. */
final class TestPanels {
    static final double X = Double.NaN;

    private TestPanels() {
    }

    /** Epoch ms of 00:00 UTC of an ISO date. */
    static long day(String isoDate) {
        return LocalDate.parse(isoDate).toEpochDay() * 86_400_000L;
    }

    /** Daily bars from 2024-01-01: {@code closes[t][i]}, {@link #X} = missing. */
    static Panel daily(String[] symbols, double[][] closes) {
        long[] times = new long[closes.length];
        for (int t = 0; t < closes.length; t++) {
            times[t] = day("2024-01-01") + t * 86_400_000L;
        }
        return panel(times, symbols, closes);
    }

    /** Bars at {@code times[t]}: {@code closes[t][i]}, {@link #X} = missing. */
    static Panel panel(long[] times, String[] symbols, double[][] closes) {
        PanelBuilder b = Panel.builder(Interval.D1, symbols);
        for (int t = 0; t < times.length; t++) {
            for (int i = 0; i < symbols.length; i++) {
                double c = closes[t][i];
                if (!Double.isNaN(c)) {
                    b.bar(symbols[i], times[t], c, c, c, c, 1);
                }
            }
        }
        return b.build();
    }

    /**
     * A random walk panel of {@code bars} daily bars: symbol 1 listed at bar 10, symbol 2 delisted
     * after bar {@code bars − 15}, symbol 3 missing every 7th bar; the rest complete.
     */
    static Panel randomWalk(String[] symbols, int bars, long seed) {
        Random rnd = new Random(seed);
        double[][] closes = new double[bars][symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            double c = 50 + 100 * rnd.nextDouble();
            for (int t = 0; t < bars; t++) {
                c *= 1 + 0.04 * rnd.nextGaussian();
                boolean missing = (i == 1 && t < 10) || (i == 2 && t > bars - 15) || (i == 3 && t % 7 == 3);
                closes[t][i] = missing ? X : c;
            }
        }
        return daily(symbols, closes);
    }

    /**
     * The same panel with every bar after grid index {@code cut} replaced by random prices (same
     * missing pattern, so the same listing and delisting bars).
     */
    static Panel perturbAfter(Panel p, int cut, long seed) {
        Random rnd = new Random(seed);
        int n = p.symbolCount();
        double[] close = p.close().clone();
        for (int k = (cut + 1) * n; k < close.length; k++) {
            if (!Double.isNaN(close[k])) {
                close[k] = 1 + 1000 * rnd.nextDouble();
            }
        }
        return new Panel(p.interval(), p.times(), p.symbols(), close, close, close, close, p.volume(), p.features());
    }
}
