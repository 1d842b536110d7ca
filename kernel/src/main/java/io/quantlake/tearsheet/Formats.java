package io.quantlake.tearsheet;

import java.util.Locale;

/** Text of numbers in report tables; deterministic (Locale.ROOT); a non-finite value is {@code n/a}. */
public final class Formats {
    private Formats() {
    }

    /** A fraction as a percentage with 2 decimals: {@code 0.01234} → {@code 1.23%}. */
    public static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "n/a";
    }

    /** 4 decimals: {@code 1.23456} → {@code 1.2346}. */
    public static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }

    /** An amount with thousands separators and 2 decimals: {@code 1234.5} → {@code 1,234.50}. */
    public static String money(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : "n/a";
    }

    /** A count with thousands separators; a non-integer keeps 2 decimals. */
    public static String count(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.2f", v);
    }
}
