package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;

import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * Idiosyncratic volatility over the last {@code bars} n own bars: the sample standard deviation
 * (ddof 1) of the residuals {@code e_k = r_i,k − α − β r_m,k} of the window's own OLS of the
 * symbol's returns on the {@link MarketProxy}'s returns, i.e.
 * {@code √( (C_yy − C_xy²/C_xx) / (n − 1) )} (see {@link RollingRegression}); a fraction per bar, not
 * annualized. Null under the same conditions as {@link Beta}. Needs n + 1 own bars.
 */
public record IdiosyncraticVolatility(int bars, MarketProxy proxy) implements Factor {
    public IdiosyncraticVolatility {
        Factor.require("idiosyncratic_volatility", "bars", bars, 3);
        Objects.requireNonNull(proxy, "idiosyncratic_volatility.proxy");
    }

    @Override
    public String name() {
        return "ivol_" + proxy.tag() + "_" + bars;
    }

    @Override
    public int warmup() {
        return bars + 1;
    }

    @Override
    public Column column() {
        return new RollingRegression(col(FactorFrame.RET), col(proxy.columnName()), bars).residualStdDev();
    }

    @Override
    public Set<MarketProxy> marketProxies() {
        return Set.of(proxy);
    }
}
