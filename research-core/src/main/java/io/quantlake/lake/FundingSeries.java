package io.quantlake.lake;

import java.util.Objects;

/**
 * Funding events of a universe for the simulation kernel, per symbol in universe order: for symbol
 * {@code i}, {@code times(i)} (UTC epoch ms, strictly increasing), {@code rates(i)} (fraction per
 * funding interval, longs pay when positive) and {@code marks(i)} (mark price in quote currency,
 * NaN when unknown), all of one length; empty arrays for a symbol without funding records.
 * Arrays are shared, not copied: treat them as read-only.
 */
public final class FundingSeries {
    private final String[] symbols;
    private final long[][] times;
    private final double[][] rates;
    private final double[][] marks;

    public FundingSeries(String[] symbols, long[][] times, double[][] rates, double[][] marks) {
        this.symbols = Objects.requireNonNull(symbols, "symbols");
        if (times.length != symbols.length || rates.length != symbols.length || marks.length != symbols.length) {
            throw new IllegalArgumentException("funding arrays must have one entry per symbol (" + symbols.length + ")");
        }
        for (int i = 0; i < symbols.length; i++) {
            if (rates[i].length != times[i].length || marks[i].length != times[i].length) {
                throw new IllegalArgumentException("funding of " + symbols[i] + ": " + times[i].length + " times but "
                        + rates[i].length + " rates and " + marks[i].length + " marks");
            }
            for (int k = 1; k < times[i].length; k++) {
                if (times[i][k] <= times[i][k - 1]) {
                    throw new IllegalArgumentException("funding times of " + symbols[i] + " must increase strictly: "
                            + times[i][k] + " after " + times[i][k - 1]);
                }
            }
        }
        this.times = times;
        this.rates = rates;
        this.marks = marks;
    }

    /** Symbols in universe order. */
    public String[] symbols() {
        return symbols;
    }

    public long[] times(int i) {
        return times[i];
    }

    public double[] rates(int i) {
        return rates[i];
    }

    public double[] marks(int i) {
        return marks[i];
    }
}
