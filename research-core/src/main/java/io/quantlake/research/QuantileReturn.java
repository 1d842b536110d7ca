package io.quantlake.research;

import java.util.Objects;

/**
 * The mean forward return of one quantile bucket: per date the mean {@code horizon}-bar forward
 * return of the bucket's symbols, then the mean over the {@code dates} where the bucket had members.
 *
 * @param quantile        1 = lowest score … q = highest
 * @param meanFwdReturn   fraction
 */
public record QuantileReturn(String factor, int horizon, int quantile, double meanFwdReturn, int dates) {
    public QuantileReturn {
        Objects.requireNonNull(factor, "factor");
        if (quantile < 1 || dates < 1) {
            throw new IllegalArgumentException("quantile return of " + factor + " h=" + horizon + ": quantile " + quantile
                    + " and dates " + dates + " must be >= 1");
        }
    }
}
