package io.quantlake.factor;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Size proxy: {@code ln(mean effective quote volume over the last n own bars)}, natural log of USDT
 * per bar (see {@link Liquidity} for the quote-volume fallback); null when that mean is not
 * positive. Needs n own bars.
 */
public record SizeProxy(int bars) implements Factor {
    public SizeProxy {
        Factor.require("size_proxy", "bars", bars, 1);
    }

    @Override
    public String name() {
        return "size_" + bars;
    }

    @Override
    public int warmup() {
        return bars;
    }

    @Override
    public Column column() {
        Column mean = new Liquidity(bars).column();
        return when(mean.gt(0.0), log(mean));
    }
}
