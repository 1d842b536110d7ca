package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;

import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * Beta to a market proxy over the last {@code bars} n own bars:
 * {@code β = cov(r_i, r_m) / var(r_m)} from rolling sums of products (see {@link RollingRegression}),
 * where {@code r_i} is the symbol's simple return and {@code r_m} the {@link MarketProxy}'s return at
 * the same bar times; dimensionless. Null unless all n bars have both returns (e.g. when the proxy
 * symbol misses a bar in the window) and {@code var(r_m) > 0}. Needs n + 1 own bars.
 */
public record Beta(int bars, MarketProxy proxy) implements Factor {
    public Beta {
        Factor.require("beta", "bars", bars, 3);
        Objects.requireNonNull(proxy, "beta.proxy");
    }

    @Override
    public String name() {
        return "beta_" + proxy.tag() + "_" + bars;
    }

    @Override
    public int warmup() {
        return bars + 1;
    }

    @Override
    public Column column() {
        return new RollingRegression(col(FactorFrame.RET), col(proxy.columnName()), bars).beta();
    }

    @Override
    public Set<MarketProxy> marketProxies() {
        return Set.of(proxy);
    }
}
