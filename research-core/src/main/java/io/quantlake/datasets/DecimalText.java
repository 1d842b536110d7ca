package io.quantlake.datasets;

/**
 * Decimal text of fixed-point amounts held as {@code long} units of {@code 10^-scale}: the shortest
 * plain form, no exponent, no trailing zeros ({@code units=4217550, scale=2} gives {@code 42175.5};
 * {@code units=300, scale=2} gives {@code 3}). Exact, unlike formatting a {@code double}.
 */
final class DecimalText {
    private DecimalText() {
    }

    /** Appends {@code units * 10^-scale} in shortest plain form to {@code out}. */
    static StringBuilder append(StringBuilder out, long units, int scale) {
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("scale must be in [0, 18], got " + scale);
        }
        if (units < 0) {
            out.append('-');
            units = -units;
        }
        long pow = 1;
        for (int k = 0; k < scale; k++) {
            pow *= 10;
        }
        long whole = units / pow;
        long frac = units % pow;
        out.append(whole);
        if (frac != 0) {
            int digits = scale;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            out.append('.');
            String f = Long.toString(frac);
            for (int k = f.length(); k < digits; k++) {
                out.append('0');
            }
            out.append(f);
        }
        return out;
    }

    /** The shortest plain text of {@code units * 10^-scale}. */
    static String of(long units, int scale) {
        return append(new StringBuilder(24), units, scale).toString();
    }

    /** Fixed text with exactly {@code scale} decimals, as Binance writes funding rates ({@code 0.00010000}). */
    static String fixed(long units, int scale) {
        String s = of(units, scale);
        int dot = s.indexOf('.');
        int have = dot < 0 ? 0 : s.length() - dot - 1;
        StringBuilder b = new StringBuilder(s);
        if (dot < 0 && scale > 0) {
            b.append('.');
        }
        for (int k = have; k < scale; k++) {
            b.append('0');
        }
        return b.toString();
    }
}
