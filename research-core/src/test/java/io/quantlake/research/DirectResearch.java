package io.quantlake.research;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Plain-Java reference of every research statistic on {@link HandCandles}, written from the
 * definitions in the research Javadoc (own-bar arithmetic with the same operations as the factor
 * columns, so ties are bit-identical): no Spark, loops over the grid.
 */
final class DirectResearch {
    /** Factor formulas at own bar k of closes c (NaN during warm-up), as the factor Javadoc states them. */
    static final Map<String, BiFunction<double[], Integer, Double>> FACTORS = new LinkedHashMap<>();

    static {
        FACTORS.put("mom_5_1", (c, k) -> k >= 5 ? c[k - 1] / c[k - 5] - 1.0 : Double.NaN);
        FACTORS.put("rev_1", (c, k) -> k >= 1 ? 1.0 - c[k] / c[k - 1] : Double.NaN);
        FACTORS.put("mom_3_0", (c, k) -> k >= 3 ? c[k] / c[k - 3] - 1.0 : Double.NaN);
    }

    /** One date's IC statistics. */
    record Ic(int n, double ic, double rankIc, double spread) {
    }

    private final HandCandles u;
    private final int quantiles;
    private final int min;

    DirectResearch(HandCandles u, int quantiles, int min) {
        this.u = u;
        this.quantiles = quantiles;
        this.min = min;
    }

    /** value[s][t] of factor f at grid bar t, NaN where the symbol has no bar or is warming up. */
    double[][] values(String f) {
        double[][] out = grid();
        for (int s = 0; s < u.grid.length; s++) {
            for (int k = 0; k < u.grid[s].length; k++) {
                out[s][u.grid[s][k]] = FACTORS.get(f).apply(u.close[s], k);
            }
        }
        return out;
    }

    /** fwd[s][t] = close_{k+h} / close_k − 1 over own bars (the gap spanned), NaN in the last h own bars. */
    double[][] forward(int h) {
        double[][] out = grid();
        for (int s = 0; s < u.grid.length; s++) {
            double[] c = u.close[s];
            for (int k = 0; k + h < c.length; k++) {
                out[s][u.grid[s][k]] = c[k + h] / c[k] - 1.0;
            }
        }
        return out;
    }

    private double[][] grid() {
        double[][] out = new double[u.grid.length][HandCandles.GRID];
        for (double[] row : out) {
            Arrays.fill(row, Double.NaN);
        }
        return out;
    }

    /** The IC statistics of f and h at grid bar t, or null when fewer than min symbols have both values. */
    Ic ic(String f, int h, int t) {
        double[][] v = values(f);
        double[][] w = forward(h);
        List<Integer> syms = both(v, w, t);
        if (syms.size() < min) {
            return null;
        }
        double[] x = column(v, syms, t);
        double[] y = column(w, syms, t);
        int[] q = buckets(averageRanks(x));
        return new Ic(syms.size(), pearson(x, y), pearson(averageRanks(x), averageRanks(y)),
                bucketMean(y, q, quantiles) - bucketMean(y, q, 1));
    }

    /** Mean over dates of the per-date mean forward return of bucket b. */
    double quantileMean(String f, int h, int b) {
        double[][] v = values(f);
        double[][] w = forward(h);
        double sum = 0.0;
        int dates = 0;
        for (int t = 0; t < HandCandles.GRID; t++) {
            List<Integer> syms = both(v, w, t);
            if (syms.size() >= min) {
                double m = bucketMean(column(w, syms, t), buckets(averageRanks(column(v, syms, t))), b);
                if (!Double.isNaN(m)) {
                    sum += m;
                    dates++;
                }
            }
        }
        return sum / dates;
    }

    /** Grid bars where f has at least min values, ascending. */
    List<Integer> validDates(String f) {
        double[][] v = values(f);
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < HandCandles.GRID; t++) {
            if (both(v, v, t).size() >= min) {
                out.add(t);
            }
        }
        return out;
    }

    /** Turnover of the top bucket between valid date t and the previous valid date p. */
    double turnover(String f, int p, int t) {
        Set<Integer> now = top(f, t);
        Set<Integer> before = top(f, p);
        int stayed = 0;
        for (int s : now) {
            stayed += before.contains(s) ? 1 : 0;
        }
        return 1.0 - (double) stayed / now.size();
    }

    private Set<Integer> top(String f, int t) {
        double[][] v = values(f);
        List<Integer> syms = both(v, v, t);
        int[] q = buckets(averageRanks(column(v, syms, t)));
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < q.length; i++) {
            if (q[i] == quantiles) {
                out.add(syms.get(i));
            }
        }
        return out;
    }

    /** Spearman of f at t and at p over the symbols valued at both; NaN when fewer than min. */
    double rankAutocorr(String f, int p, int t) {
        double[][] v = values(f);
        List<Integer> syms = both(v, v, t);
        syms.retainAll(both(v, v, p));
        return syms.size() < min ? Double.NaN : spearman(column(v, syms, t), column(v, syms, p));
    }

    /** Mean over dates (with at least min common symbols) of Spearman(a, b); {count, mean} in a pair. */
    double[] meanCorrelation(String a, String b) {
        double[][] va = values(a);
        double[][] vb = values(b);
        double sum = 0.0;
        int dates = 0;
        for (int t = 0; t < HandCandles.GRID; t++) {
            List<Integer> syms = both(va, vb, t);
            if (syms.size() >= min) {
                sum += spearman(column(va, syms, t), column(vb, syms, t));
                dates++;
            }
        }
        return new double[] {dates, sum / dates};
    }

    private static List<Integer> both(double[][] v, double[][] w, int t) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < v.length; s++) {
            if (!Double.isNaN(v[s][t]) && !Double.isNaN(w[s][t])) {
                out.add(s);
            }
        }
        return out;
    }

    private static double[] column(double[][] v, List<Integer> syms, int t) {
        double[] out = new double[syms.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[syms.get(i)][t];
        }
        return out;
    }

    /** Bucket ⌊Q · (r − 1) / n⌋ + 1 in integer arithmetic on 2r (average ranks are multiples of 1/2). */
    private int[] buckets(double[] ranks) {
        int n = ranks.length;
        int[] q = new int[n];
        for (int i = 0; i < n; i++) {
            long twoR = Math.round(2 * ranks[i]);
            q[i] = (int) (quantiles * (twoR - 2) / (2L * n)) + 1;
        }
        return q;
    }

    private static double bucketMean(double[] y, int[] q, int b) {
        double sum = 0.0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (q[i] == b) {
                sum += y[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** 1-based ranks, ties get the mean of the positions they occupy (counted by comparison, O(n²)). */
    static double[] averageRanks(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int below = 0;
            int equal = 0;
            for (double v : x) {
                below += v < x[i] ? 1 : 0;
                equal += v == x[i] ? 1 : 0;
            }
            r[i] = below + (equal + 1) / 2.0;
        }
        return r;
    }

    static double spearman(double[] x, double[] y) {
        return pearson(averageRanks(x), averageRanks(y));
    }

    /** Pearson correlation by the two-pass centered formula; NaN when either side is constant. */
    static double pearson(double[] x, double[] y) {
        double mx = 0.0;
        double my = 0.0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0.0;
        double sxx = 0.0;
        double syy = 0.0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0.0 || syy == 0.0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
