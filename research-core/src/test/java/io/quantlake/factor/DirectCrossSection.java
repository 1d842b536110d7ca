package io.quantlake.factor;

import java.util.Arrays;

/**
 * Plain-Java cross-sectional operations on the values of one bar time (NaN = absent), straight
 * from {@link CrossSection}'s Javadoc: the reference for the Spark window expressions.
 */
final class DirectCrossSection {
    private DirectCrossSection() {
    }

    private static double[] present(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
    }

    static double[] percentRank(double[] v) {
        double[] p = present(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i]) || p.length < 2) {
                out[i] = Double.NaN;
                continue;
            }
            int below = 0;
            for (double x : p) {
                if (x < v[i]) {
                    below++;
                }
            }
            out[i] = below / (double) (p.length - 1);
        }
        return out;
    }

    /** 1 = highest; ties by symbol name ascending (names given in the same order as v). */
    static double[] ordinalDescending(double[] v, String[] names) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                out[i] = Double.NaN;
                continue;
            }
            int before = 0;
            for (int j = 0; j < v.length; j++) {
                if (!Double.isNaN(v[j]) && (v[j] > v[i] || (v[j] == v[i] && names[j].compareTo(names[i]) < 0))) {
                    before++;
                }
            }
            out[i] = before + 1;
        }
        return out;
    }

    static double[] zscore(double[] v) {
        double[] p = present(v);
        double[] out = new double[v.length];
        double mu = p.length < 2 ? Double.NaN : DirectFactors.mean(p);
        double sd = p.length < 2 ? Double.NaN : DirectFactors.sd(p);
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.isNaN(v[i]) || !(sd > 0) ? Double.NaN : (v[i] - mu) / sd;
        }
        return out;
    }

    /** Linear interpolation at position q·(N − 1) of the sorted values (numpy's default). */
    static double quantile(double[] present, double q) {
        double[] s = present.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    static double[] winsorizeQuantile(double[] v, double q) {
        double[] p = present(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.isNaN(v[i]) ? Double.NaN : Math.min(Math.max(v[i], quantile(p, q)), quantile(p, 1 - q));
        }
        return out;
    }

    static double[] winsorizeZ(double[] v, double k) {
        double[] p = present(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i]) || p.length < 2) {
                out[i] = Double.NaN;
                continue;
            }
            double mu = DirectFactors.mean(p);
            double sd = DirectFactors.sd(p);
            out[i] = Math.min(Math.max(v[i], mu - k * sd), mu + k * sd);
        }
        return out;
    }

    /** Residuals of the OLS y = a + b x over the rows where both are present (two-pass); NaN when m < 3. */
    static double[] neutralize(double[] y, double[] x) {
        int m = 0;
        double mx = 0.0;
        double my = 0.0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i]) && !Double.isNaN(x[i])) {
                m++;
                mx += x[i];
                my += y[i];
            }
        }
        double[] out = new double[y.length];
        Arrays.fill(out, Double.NaN);
        if (m < 3) {
            return out;
        }
        mx /= m;
        my /= m;
        double sxy = 0.0;
        double sxx = 0.0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i]) && !Double.isNaN(x[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
            }
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i]) && !Double.isNaN(x[i])) {
                out[i] = y[i] - a - b * x[i];
            }
        }
        return out;
    }
}
