package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * Short-term reversal: minus the return over the last {@code bars} k own bars,
 * {@code −(close_t / close_{t−k} − 1)}, a fraction (high when the symbol fell). Needs k + 1 own bars.
 */
public record Reversal(int bars) implements Factor {
    public Reversal {
        Factor.require("reversal", "bars", bars, 1);
    }

    @Override
    public String name() {
        return "rev_" + bars;
    }

    @Override
    public int warmup() {
        return bars + 1;
    }

    @Override
    public Column column() {
        return lit(1.0).minus(col(FactorFrame.CLOSE).divide(lag(col(FactorFrame.CLOSE), bars).over(FactorFrame.BY_SYMBOL)));
    }
}
