package io.quantlake.factor;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * Value-like distance from a long moving average: {@code close_t / SMA_n(t) − 1}, a fraction, where
 * {@code SMA_n(t)} is the simple mean of the last {@code bars} n own closes including {@code t}
 * (negative when the price is below its average). Needs n own bars.
 */
public record DistanceFromMovingAverage(int bars) implements Factor {
    public DistanceFromMovingAverage {
        Factor.require("distance_from_moving_average", "bars", bars, 2);
    }

    @Override
    public String name() {
        return "sma_dist_" + bars;
    }

    @Override
    public int warmup() {
        return bars;
    }

    @Override
    public Column column() {
        Column close = col(FactorFrame.CLOSE);
        return close.divide(FactorFrame.full(close, bars, avg(close))).minus(lit(1.0));
    }
}
