package io.quantlake.research;

import java.io.Serializable;
import java.util.Objects;

/**
 * How much one score's cross-section changed since its previous date (the previous bar time at which
 * at least the spec's minimum of symbols had a value).
 *
 * @param ts           the date, UTC epoch milliseconds of the bar's open time
 * @param n            symbols with a value at {@code ts}
 * @param turnover     fraction of the top quantile's members at {@code ts} that were not in it at the
 *                     previous date, in [0, 1]; NaN at the first date and when ties leave the
 *                     top bucket empty (all values equal)
 * @param nCommon      symbols valued at both dates (0 at the first date)
 * @param rankAutocorr Spearman correlation of the values at {@code ts} and at the previous date over
 *                     the common symbols; NaN at the first date, when fewer than the minimum are common,
 *                     or when either side is constant
 */
public record StabilityPoint(String factor, long ts, int n, double turnover, int nCommon, double rankAutocorr)
        implements Serializable {
    public StabilityPoint {
        Objects.requireNonNull(factor, "factor");
        if (!(Double.isNaN(turnover) || (turnover >= 0.0 && turnover <= 1.0))) {
            throw new IllegalArgumentException("turnover of " + factor + " at " + ts + " must be in [0, 1], got " + turnover);
        }
    }
}
