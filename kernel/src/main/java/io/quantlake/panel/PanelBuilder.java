package io.quantlake.panel;

import io.quantlake.market.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects bars in any order, row by row, and lays them out with {@link PanelGrid} as a {@link Panel} whose grid
 * is the sorted union of all bar open times (SIMULATION.md §1). Bars are held columnar (primitive arrays), not as
 * one object per bar. Adding a bar twice for the same symbol and time is an error naming both.
 */
public final class PanelBuilder {
    private final Interval interval;
    private final String[] symbols;
    private final Map<String, Integer> symbolIndex = new HashMap<>();
    private final List<String> featureNames = new ArrayList<>();
    private int rows;
    private int[] symbol = new int[16];
    private long[] time = new long[16];
    private double[][] values = new double[PanelGrid.CANDLE_COLUMNS][16];

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
        if (rows > 0) {
            throw new IllegalStateException("declare features before adding bars");
        }
        featureNames.addAll(Arrays.asList(names));
        values = new double[PanelGrid.CANDLE_COLUMNS + featureNames.size()][symbol.length];
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
        if (rows == this.symbol.length) {
            int capacity = Math.multiplyExact(rows, 2);
            this.symbol = Arrays.copyOf(this.symbol, capacity);
            this.time = Arrays.copyOf(this.time, capacity);
            for (int c = 0; c < values.length; c++) {
                values[c] = Arrays.copyOf(values[c], capacity);
            }
        }
        this.symbol[rows] = i;
        this.time[rows] = openTime;
        values[0][rows] = open;
        values[1][rows] = high;
        values[2][rows] = low;
        values[3][rows] = close;
        values[4][rows] = volume;
        for (int k = 0; k < featureValues.length; k++) {
            values[PanelGrid.CANDLE_COLUMNS + k][rows] = featureValues[k];
        }
        rows++;
        return this;
    }

    public Panel build() {
        long[] times = PanelGrid.sortedDistinct(Arrays.copyOf(time, rows), rows);
        PanelGrid grid = PanelGrid.empty(interval, times, symbols, featureNames);
        grid.putAll(symbol, time, values, rows);
        return grid.build();
    }
}
