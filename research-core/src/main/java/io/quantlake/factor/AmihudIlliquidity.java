package io.quantlake.factor;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;

/**
 * Amihud illiquidity over the last {@code bars} n own bars: {@code (1/n) Σ |r_k| / qv_k}, where
 * {@code r_k} is the simple return and {@code qv_k} the effective quote volume of bar k (see
 * {@link Liquidity}); units: fraction of price per USDT traded (multiply by 1e6 for "per million").
 * A bar with zero quote volume makes the value null. Needs n + 1 own bars.
 */
public record AmihudIlliquidity(int bars) implements Factor {
    public AmihudIlliquidity {
        Factor.require("amihud_illiquidity", "bars", bars, 1);
    }

    @Override
    public String name() {
        return "amihud_" + bars;
    }

    @Override
    public int warmup() {
        return bars + 1;
    }

    @Override
    public Column column() {
        Column impact = FactorFrame.ratio(abs(col(FactorFrame.RET)), col(FactorFrame.QV));
        return FactorFrame.full(impact, bars, avg(impact));
    }
}
