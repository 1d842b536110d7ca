package io.quantlake.factor;

import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * A per-symbol time-series factor: a Spark Column expression over the {@link FactorFrame prepared
 * frame}, evaluated at every bar {@code t} of every symbol from that symbol's own bars up to and
 * including {@code t} (no look-ahead).
 *
 * <p>Each factor declares its {@link #warmup()}: the number of the symbol's own bars, up to and
 * including {@code t}, that it needs. Before that the value is null (never a silent NaN);
 * {@link FactorEngine} additionally masks by {@link FactorFrame#BAR_NO} and maps NaN to null.
 *
 * <p>Cross-sectional operations (rank, z-score, winsorize, neutralize) live in {@link CrossSection};
 * weighted combinations of z-scores in {@link Composite}.
 */
public sealed interface Factor permits Momentum, Reversal, RealizedVolatility, DownsideVolatility, Liquidity,
        AmihudIlliquidity, SizeProxy, Beta, IdiosyncraticVolatility, DistanceFromMovingAverage,
        RatioToRollingHigh, RiskAdjustedMomentum, ReturnStability, MaxDrawdown, Skewness, UserFactor {

    /** The factor's name: its column in the wide frame and its {@code factor} key in the Delta table {@code factors}. */
    String name();

    /** Own bars needed up to and including {@code t} (STYLE.md 14). */
    int warmup();

    /** The value at each row of the prepared frame; may be null before {@link #warmup()}. */
    Column column();

    /** Market proxies whose return columns {@link FactorFrame#prepare} must add for this factor. */
    default Set<MarketProxy> marketProxies() {
        return Set.of();
    }

    /** Throws unless {@code value >= min}, naming the factor parameter. */
    static int require(String factor, String param, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(factor + "." + param + " must be >= " + min + ", got " + value);
        }
        return value;
    }
}
