package io.quantlake.factor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A correlation matrix of returns: {@code values[i][j]} = corr(symbol i, symbol j), symbols in
 * {@link #symbols()} order, estimated from {@code observations} bar times.
 */
public record CorrelationMatrix(String[] symbols, double[][] values, long observations) {
    public CorrelationMatrix {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(values, "values");
        if (values.length != symbols.length) {
            throw new IllegalArgumentException("correlation matrix has " + values.length + " rows for " + symbols.length + " symbols");
        }
        for (double[] row : values) {
            if (row.length != symbols.length) {
                throw new IllegalArgumentException("correlation matrix row has " + row.length + " columns for " + symbols.length + " symbols");
            }
        }
    }

    /** corr(a, b) by symbol name. */
    public double get(String a, String b) {
        return values[index(a)][index(b)];
    }

    private int index(String s) {
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i].equals(s)) {
                return i;
            }
        }
        throw new IllegalArgumentException("symbol " + s + " is not in the correlation matrix " + Arrays.toString(symbols));
    }
}
