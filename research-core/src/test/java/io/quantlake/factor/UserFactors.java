package io.quantlake.factor;

/** User factor expressions for the engine tests, each with its warm-up derived as {@link UserFactor} documents. */
final class UserFactors {
    static final String ORIGIN = "file test/user-factors.yaml";

    /** A lag and a rolling frame of log returns (each two bars): max(10, 7 + 1) + 1 = 11 own bars. */
    static final UserFactor VOL_ADJ_MOM = new UserFactor("vol_adj_mom",
            "(close / lag(close, 10) - 1) / stddev(ln(close / lag(close, 1))) over last 8", ORIGIN);
    /** Lags nested inside a rolling frame: 3 + 5 + 1 = 9 own bars. */
    static final UserFactor LAGGED_RATIO_MEAN = new UserFactor("lagged_ratio_mean",
            "avg(lag(close, 2) / lag(close, 5)) over last 4", ORIGIN);
    /** The ret column (two bars) in a 6-bar frame, over the same frame written out: 5 + 1 + 1 = 7 own bars. */
    static final UserFactor VOLUME_WEIGHTED_RETURN = new UserFactor("volume_weighted_return",
            "sum(ret * volume) over last 6 / sum(volume) OVER (PARTITION BY symbol ORDER BY open_time "
                    + "ROWS BETWEEN 5 PRECEDING AND CURRENT ROW)", ORIGIN);
    /** High and low of the last 5 bars: 5 own bars. */
    static final UserFactor RANGE_POSITION = new UserFactor("range_position",
            "(close - min(low) over last 5) / (max(high) over last 5 - min(low) over last 5)", ORIGIN);
    /** A frame ending before t: volume over the mean of the 4 bars before, 5 own bars. */
    static final UserFactor VOLUME_SURPRISE = new UserFactor("volume_surprise",
            "volume / avg(volume) OVER (PARTITION BY symbol ORDER BY open_time ROWS BETWEEN 4 PRECEDING AND 1 PRECEDING)",
            ORIGIN);

    private UserFactors() {
    }
}
