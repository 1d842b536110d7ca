package io.quantlake.risk;

/** Which of the two correlation estimates a {@link CorrelationTracker} query reads. */
public enum CorrelationEstimator {
    /** Pearson correlation over the last {@code window} bars, pairwise-complete (see {@link CorrelationTracker}). */
    ROLLING,
    /** Exponentially weighted correlation with decay {@code ewmaLambda}, pairwise-complete, from the first bar on. */
    EWMA
}
