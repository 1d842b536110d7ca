package io.quantlake.panel;

import io.quantlake.market.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects bars in any order and lays them out as a {@link Panel} whose grid is the sorted union
 * of all bar open times (SIMULATION.md §1). Adding a bar twice for the same symbol and time is an
 * error naming both.
 */
public final class PanelBuilder {
    private final Interval interval;
    private final String[] symbols;
    private final Map<String, Integer> symbolIndex = new HashMap<>();
    private final List<long[]> keys = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private final List<String> featureNames = new ArrayList<>();

    PanelBuilder(Interval interval, String[] symbols) {
        this.interval = interval;
        this.symbols = symbols.clone();
        for (int i = 0; i < symbols.length; i++) {
            if (symbolIndex.put(symbols[i], i) != null) {
                throw new IllegalArgumentException("symbol " + symbols[i] + " appears twice in the universe");
            }
        }
    }

    /** Declares extra named columns; {@link #bar} then takes their values after volume, in this order. */
    public PanelBuilder features(String... names) {
        if (!keys.isEmpty()) {
            throw new IllegalStateException("declare features before adding bars");
        }
        featureNames.addAll(Arrays.asList(names));
        return this;
    }

    /** Adds one bar: open time in UTC epoch ms, prices in quote currency, volume in base asset. */
    public PanelBuilder bar(String symbol, long openTime, double open, double high, double low, double close,
                            double volume, double... featureValues) {
        Integer i = symbolIndex.get(symbol);
        if (i == null) {
            throw new IllegalArgumentException("symbol " + symbol + " is not in the panel universe " + Arrays.toString(symbols));
        }
        if (featureValues.length != featureNames.size()) {
            throw new IllegalArgumentException("bar of " + symbol + " has " + featureValues.length
                    + " feature values, expected " + featureNames.size() + " " + featureNames);
        }
        keys.add(new long[] {i, openTime});
        double[] v = new double[5 + featureValues.length];
        v[0] = open;
        v[1] = high;
        v[2] = low;
        v[3] = close;
        v[4] = volume;
        System.arraycopy(featureValues, 0, v, 5, featureValues.length);
        values.add(v);
        return this;
    }

    public Panel build() {
        long[] times = keys.stream().mapToLong(k -> k[1]).distinct().sorted().toArray();
        int n = symbols.length;
        int cells = times.length * n;
        double[][] m = new double[5 + featureNames.size()][cells];
        for (double[] a : m) {
            Arrays.fill(a, Double.NaN);
        }
        for (int r = 0; r < keys.size(); r++) {
            int i = (int) keys.get(r)[0];
            int t = Arrays.binarySearch(times, keys.get(r)[1]);
            int idx = t * n + i;
            if (!Double.isNaN(m[3][idx])) {
                throw new IllegalArgumentException("duplicate bar for " + symbols[i] + " at open_time " + times[t]);
            }
            double[] v = values.get(r);
            for (int c = 0; c < v.length; c++) {
                m[c][idx] = v[c];
            }
        }
        Map<String, double[]> f = new java.util.LinkedHashMap<>();
        for (int k = 0; k < featureNames.size(); k++) {
            f.put(featureNames.get(k), m[5 + k]);
        }
        return new Panel(interval, times, symbols, m[0], m[1], m[2], m[3], m[4], f);
    }
}
