package io.quantlake.factor;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.stddev_samp;

import org.apache.spark.sql.Column;

/**
 * Quality-like return stability: the mean over the sample standard deviation (ddof 1) of the last
 * {@code bars} n simple returns, {@code mean(r) / sd(r)} (a per-bar Sharpe ratio, dimensionless, not
 * annualized); null where sd is 0. Needs n + 1 own bars.
 */
public record ReturnStability(int bars) implements Factor {
    public ReturnStability {
        Factor.require("return_stability", "bars", bars, 2);
    }

    @Override
    public String name() {
        return "stab_" + bars;
    }

    @Override
    public int warmup() {
        return bars + 1;
    }

    @Override
    public Column column() {
        Column ret = col(FactorFrame.RET);
        return FactorFrame.ratio(FactorFrame.full(ret, bars, avg(ret)), FactorFrame.full(ret, bars, stddev_samp(ret)));
    }
}
