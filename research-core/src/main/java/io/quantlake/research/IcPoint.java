package io.quantlake.research;

import java.io.Serializable;
import java.util.Objects;

/**
 * One score's information coefficients at one date, over the {@code n} symbols that have both the
 * score at {@code ts} and the {@code horizon}-bar forward return from {@code ts}'s close.
 *
 * @param factor  the score's name
 * @param horizon forward horizon in bars
 * @param ts      the date: the bar's open time, UTC epoch milliseconds (the score uses that bar's close)
 * @param n       symbols in the cross-section, >= the spec's minimum
 * @param ic      Pearson correlation of score and forward return, in [−1, 1]; NaN when either is constant
 * @param rankIc  Spearman correlation (Pearson of the average ranks), in [−1, 1]; NaN when either is constant
 * @param spread  mean forward return of the top quantile minus that of the bottom one (fraction);
 *                NaN when ties leave either bucket empty
 */
public record IcPoint(String factor, int horizon, long ts, int n, double ic, double rankIc, double spread)
        implements Serializable {
    public IcPoint {
        Objects.requireNonNull(factor, "factor");
        if (horizon < 1 || n < 1) {
            throw new IllegalArgumentException("IC point of " + factor + " at " + ts + ": horizon " + horizon + " and n " + n
                    + " must be >= 1");
        }
    }
}
