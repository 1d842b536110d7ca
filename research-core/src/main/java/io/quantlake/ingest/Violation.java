package io.quantlake.ingest;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Why a row is rejected: a reason code and a detail naming the field and its value, e.g.
 * {@code "high 41000 < max(open 42283.58, close 44179.55)"}.
 */
public record Violation(QuarantineReason reason, String detail) {
    public Violation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** The row this violation rejects, as a quarantine row. */
    public QuarantineRow toRow(String source, long line, String raw) {
        return new QuarantineRow(source, line, raw, reason, detail);
    }

    /** A decimal as written in the sources, without exponent or trailing zeros ({@code 53957248.973789}). */
    static String num(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
