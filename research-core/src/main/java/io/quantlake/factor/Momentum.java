package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * Momentum over {@code lookback} L bars skipping the last {@code skip} S:
 * {@code m_t = close_{t−S} / close_{t−L} − 1}, a fraction, on the symbol's own bars (CLI.md's
 * {@code market_neutral} score). Uses closes up to and including {@code t}; needs L + 1 own bars.
 */
public record Momentum(int lookback, int skip) implements Factor {
    public Momentum {
        Factor.require("momentum", "skip", skip, 0);
        Factor.require("momentum", "lookback", lookback, skip + 1);
    }

    @Override
    public String name() {
        return "mom_" + lookback + "_" + skip;
    }

    @Override
    public int warmup() {
        return lookback + 1;
    }

    @Override
    public Column column() {
        Column recent = skip == 0 ? col(FactorFrame.CLOSE) : lag(col(FactorFrame.CLOSE), skip).over(FactorFrame.BY_SYMBOL);
        return recent.divide(lag(col(FactorFrame.CLOSE), lookback).over(FactorFrame.BY_SYMBOL)).minus(lit(1.0));
    }
}
