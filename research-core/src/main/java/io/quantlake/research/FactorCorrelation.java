package io.quantlake.research;

import java.util.List;
import java.util.Objects;

/**
 * The factor correlation matrix: {@code values[i][j]} = the mean over dates of the cross-sectional
 * Spearman correlation of scores i and j (over the symbols valued by both at that date, dates with
 * fewer than the spec's minimum left out); 1 on the diagonal, NaN for a pair with no such date.
 *
 * @param factors score names in spec order
 * @param values  symmetric matrix, rows and columns in {@code factors} order
 * @param dates   number of dates averaged per pair; on the diagonal, the score's own dates
 */
public record FactorCorrelation(List<String> factors, double[][] values, int[][] dates) {
    public FactorCorrelation {
        factors = List.copyOf(factors);
        int n = factors.size();
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(dates, "dates");
        if (values.length != n || dates.length != n) {
            throw new IllegalArgumentException("factor correlation matrix must be " + n + "×" + n + " for " + factors);
        }
        double[][] v = new double[n][];
        int[][] d = new int[n][];
        for (int i = 0; i < n; i++) {
            if (values[i].length != n || dates[i].length != n) {
                throw new IllegalArgumentException("factor correlation row " + factors.get(i) + " must have " + n + " columns");
            }
            v[i] = values[i].clone();
            d[i] = dates[i].clone();
        }
        values = v;
        dates = d;
    }

    /** The mean rank correlation of scores {@code a} and {@code b}. */
    public double get(String a, String b) {
        return values[index(a)][index(b)];
    }

    /** The number of dates behind {@link #get}. */
    public int dates(String a, String b) {
        return dates[index(a)][index(b)];
    }

    @Override
    public double[][] values() {
        double[][] out = new double[values.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }

    @Override
    public int[][] dates() {
        int[][] out = new int[dates.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = dates[i].clone();
        }
        return out;
    }

    private int index(String name) {
        int i = factors.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("score " + name + " is not in the correlation matrix " + factors);
        }
        return i;
    }
}
