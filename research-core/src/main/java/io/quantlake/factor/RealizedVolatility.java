package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_samp;

import org.apache.spark.sql.Column;

/**
 * Realized volatility: the sample standard deviation (ddof 1) of the last {@code bars} n simple
 * returns ending at {@code t}, per bar (a fraction per bar). With {@code annualized}, multiplied by
 * {@code √periodsPerYear} of the row's interval ({@link io.quantlake.market.Interval#periodsPerYear},
 * 365-day year: √365 for 1d, √8760 for 1h). Needs n + 1 own bars.
 */
public record RealizedVolatility(int bars, boolean annualized) implements Factor {
    public RealizedVolatility {
        Factor.require("realized_volatility", "bars", bars, 2);
    }

    /** Per-bar realized volatility over {@code bars} returns. */
    public RealizedVolatility(int bars) {
        this(bars, false);
    }

    @Override
    public String name() {
        return (annualized ? "rvol_ann_" : "rvol_") + bars;
    }

    @Override
    public int warmup() {
        return bars + 1;
    }

    @Override
    public Column column() {
        Column ret = col(FactorFrame.RET);
        Column perBar = FactorFrame.full(ret, bars, stddev_samp(ret));
        return annualized ? perBar.multiply(sqrt(IntervalExpressions.periodsPerYear(col(FactorFrame.INTERVAL)))) : perBar;
    }
}
