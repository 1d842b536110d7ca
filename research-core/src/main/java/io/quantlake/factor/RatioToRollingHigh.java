package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.quantlake.market.Interval;
import org.apache.spark.sql.Column;

/**
 * Value-like ratio to the rolling high: {@code close_t / max(close over the last n own bars) − 1},
 * a fraction in (−1, 0] (0 at a new high). {@link #overDays(int, Interval)} sizes n to a calendar
 * span, e.g. 365 days = 365 bars of 1d or 2190 bars of 4h. Needs n own bars: a symbol with less
 * history than the span has no value (not a ratio to a shorter high).
 */
public record RatioToRollingHigh(int bars) implements Factor {
    public RatioToRollingHigh {
        Factor.require("ratio_to_rolling_high", "bars", bars, 1);
    }

    /** The window covering {@code days} calendar days of {@code interval}: {@code ⌈days · 86 400 000 / interval.millis()⌉} bars. */
    public static RatioToRollingHigh overDays(int days, Interval interval) {
        Factor.require("ratio_to_rolling_high", "days", days, 1);
        long span = days * 86_400_000L;
        return new RatioToRollingHigh(Math.toIntExact((span + interval.millis() - 1) / interval.millis()));
    }

    @Override
    public String name() {
        return "high_ratio_" + bars;
    }

    @Override
    public int warmup() {
        return bars;
    }

    @Override
    public Column column() {
        Column close = col(FactorFrame.CLOSE);
        return close.divide(FactorFrame.full(close, bars, max(close))).minus(lit(1.0));
    }
}
