package io.quantlake.factor;

import org.apache.spark.sql.Column;

/**
 * Quality-like risk-adjusted momentum: {@link Momentum}(L, S) divided by the per-bar
 * {@link RealizedVolatility} of the last {@code volBars} n returns, i.e.
 * {@code (close_{t−S}/close_{t−L} − 1) / σ_n(t)}, in units of one bar's standard deviation; null
 * where σ is 0. Needs max(L, n) + 1 own bars.
 */
public record RiskAdjustedMomentum(int lookback, int skip, int volBars) implements Factor {
    public RiskAdjustedMomentum {
        new Momentum(lookback, skip);
        new RealizedVolatility(volBars);
    }

    @Override
    public String name() {
        return "ram_" + lookback + "_" + skip + "_" + volBars;
    }

    @Override
    public int warmup() {
        return Math.max(lookback, volBars) + 1;
    }

    @Override
    public Column column() {
        return FactorFrame.ratio(new Momentum(lookback, skip).column(), new RealizedVolatility(volBars).column());
    }
}
