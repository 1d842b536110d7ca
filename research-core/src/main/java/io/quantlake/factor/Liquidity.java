package io.quantlake.factor;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;

/**
 * Liquidity: the mean effective quote volume over the last {@code bars} n own bars, in USDT per bar.
 * The effective quote volume is {@code quote_volume}, or {@code close · volume} where
 * {@code quote_volume} is null or NaN (plain OHLCV sources carry none; {@link FactorFrame#QV}).
 * Needs n own bars.
 */
public record Liquidity(int bars) implements Factor {
    public Liquidity {
        Factor.require("liquidity", "bars", bars, 1);
    }

    @Override
    public String name() {
        return "liq_" + bars;
    }

    @Override
    public int warmup() {
        return bars;
    }

    @Override
    public Column column() {
        Column qv = col(FactorFrame.QV);
        return FactorFrame.full(qv, bars, avg(qv));
    }
}
