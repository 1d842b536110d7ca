package io.quantlake.factor;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;

import org.apache.spark.sql.Column;

/**
 * Downside volatility (semi-deviation about zero) over the last {@code bars} n simple returns:
 * {@code √( (1/n) Σ min(r_k, 0)² )}, a fraction per bar. Needs n + 1 own bars.
 */
public record DownsideVolatility(int bars) implements Factor {
    public DownsideVolatility {
        Factor.require("downside_volatility", "bars", bars, 1);
    }

    @Override
    public String name() {
        return "dvol_" + bars;
    }

    @Override
    public int warmup() {
        return bars + 1;
    }

    @Override
    public Column column() {
        Column ret = col(FactorFrame.RET);
        Column down = least(ret, lit(0.0));
        return sqrt(FactorFrame.full(ret, bars, avg(down.multiply(down))));
    }
}
