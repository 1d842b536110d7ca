package io.quantlake.config;

/**
 * A closed, open or half-open interval of accepted numbers, rendered in errors as {@code [0, 1)} or
 * {@code > 0}. An infinite bound is unbounded.
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {
    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("bad range " + min + ".." + max);
        }
    }

    /** {@code [min, max)}. */
    public static Range closedOpen(double min, double max) {
        return new Range(min, true, max, false);
    }

    /** {@code [min, max]}. */
    public static Range closed(double min, double max) {
        return new Range(min, true, max, true);
    }

    /** {@code (min, max]}. */
    public static Range openClosed(double min, double max) {
        return new Range(min, false, max, true);
    }

    /** {@code (min, max)}. */
    public static Range open(double min, double max) {
        return new Range(min, false, max, false);
    }

    /** {@code > min}, finite. */
    public static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code >= min}, finite. */
    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** Any finite number. */
    public static Range finite() {
        return new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    }

    /** Whether {@code x} lies in this range (NaN and infinities never do). */
    public boolean contains(double x) {
        if (!Double.isFinite(x)) {
            return false;
        }
        boolean lo = minInclusive ? x >= min : x > min;
        boolean hi = maxInclusive ? x <= max : x < max;
        return lo && hi;
    }

    /** "in [0, 1)", "> 0", ">= 1" or "finite". */
    public String describe() {
        boolean noMin = min == Double.NEGATIVE_INFINITY;
        boolean noMax = max == Double.POSITIVE_INFINITY;
        if (noMin && noMax) {
            return "finite";
        }
        if (noMax) {
            return (minInclusive ? ">= " : "> ") + fmt(min);
        }
        if (noMin) {
            return (maxInclusive ? "<= " : "< ") + fmt(max);
        }
        return "in " + (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxInclusive ? "]" : ")");
    }

    static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
