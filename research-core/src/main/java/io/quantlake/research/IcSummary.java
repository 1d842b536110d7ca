package io.quantlake.research;

import java.util.Objects;

/**
 * The headline numbers of one score at one horizon, over the dates of its {@link IcPoint}s.
 *
 * @param factor           the score's name
 * @param horizon          forward horizon in bars
 * @param ic               the per-date Pearson IC series: dates, mean, sd ({@link #icIrPearson()}, {@link #tStatPearson()})
 * @param rankIc           the per-date rank (Spearman) IC series ({@link #rankIcIr()}, {@link #rankTStat()})
 * @param spread           the per-date top-minus-bottom quantile spread of mean forward returns (fraction)
 * @param icNonOverlapping     the IC series at every {@code horizon}-th of its dates (the first, the (h+1)-th, …),
 *                             whose forward windows do not overlap: its t-statistic is the honest one for h > 1
 * @param rankIcNonOverlapping the rank IC series at the same dates
 * @param meanTurnover     mean over dates of the top quantile's turnover (factor-level, the same at every horizon)
 * @param meanRankAutocorr mean over dates of the rank autocorrelation (factor-level, the same at every horizon)
 */
public record IcSummary(String factor, int horizon, SeriesStats ic, SeriesStats rankIc, SeriesStats spread,
                        SeriesStats icNonOverlapping, SeriesStats rankIcNonOverlapping,
                        double meanTurnover, double meanRankAutocorr) {
    public IcSummary {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(ic, "ic");
        Objects.requireNonNull(rankIc, "rankIc");
        Objects.requireNonNull(spread, "spread");
        Objects.requireNonNull(icNonOverlapping, "icNonOverlapping");
        Objects.requireNonNull(rankIcNonOverlapping, "rankIcNonOverlapping");
    }

    /** Mean Pearson IC. */
    public double meanIc() {
        return ic.mean();
    }

    /** Mean rank IC. */
    public double meanRankIc() {
        return rankIc.mean();
    }

    /** Pearson IC IR: mean IC / sd of IC (ddof 1). */
    public double icIrPearson() {
        return ic.ir();
    }

    /** t-statistic of the mean Pearson IC: mean / (sd / √dates). */
    public double tStatPearson() {
        return ic.tStat();
    }

    /** Rank IC IR: mean rank IC / sd of rank IC (ddof 1). */
    public double rankIcIr() {
        return rankIc.ir();
    }

    /** t-statistic of the mean rank IC: mean / (sd / √dates). */
    public double rankTStat() {
        return rankIc.tStat();
    }
}
