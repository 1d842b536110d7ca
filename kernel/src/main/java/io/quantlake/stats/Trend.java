package io.quantlake.stats;

import java.util.Locale;

/**
 * Deterministic terms of a unit-root regression, named as statsmodels' {@code regression} / {@code trend}
 * argument: {@code n} none, {@code c} constant, {@code ct} constant and linear trend, {@code ctt} constant,
 * linear and quadratic trend.
 */
public enum Trend {
    /** No deterministic term ({@code "n"}). */
    NONE("n", 0),
    /** Constant ({@code "c"}). */
    CONSTANT("c", 1),
    /** Constant and linear time trend ({@code "ct"}). */
    CONSTANT_TREND("ct", 2),
    /** Constant, linear and quadratic time trend ({@code "ctt"}). */
    CONSTANT_QUADRATIC_TREND("ctt", 3);

    private final String code;
    private final int terms;

    Trend(String code, int terms) {
        this.code = code;
        this.terms = terms;
    }

    /** statsmodels' name: {@code n}, {@code c}, {@code ct} or {@code ctt}. */
    public String code() {
        return code;
    }

    /** Number of deterministic regressors (0 to 3). */
    public int terms() {
        return terms;
    }

    /** Parses statsmodels' name ({@code n}, {@code c}, {@code ct}, {@code ctt}; {@code nc} is accepted for n). */
    public static Trend fromCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT);
        if (c.equals("nc")) {
            return NONE;
        }
        for (Trend t : values()) {
            if (t.code.equals(c)) {
                return t;
            }
        }
        throw new IllegalArgumentException("trend must be one of n, c, ct, ctt; got '" + code + "'");
    }
}
