package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.skewness;

import org.apache.spark.sql.Column;

/**
 * Skewness of the last {@code bars} n simple returns, the plain (biased) moment formula
 * {@code g1 = m3 / m2^{3/2}} with {@code m_k = (1/n) Σ (r − mean r)^k} (Spark's {@code skewness},
 * scipy's {@code skew(bias=True)}); dimensionless; null when all n returns are equal. Needs n + 1
 * own bars.
 */
public record Skewness(int bars) implements Factor {
    public Skewness {
        Factor.require("skewness", "bars", bars, 3);
    }

    @Override
    public String name() {
        return "skew_" + bars;
    }

    @Override
    public int warmup() {
        return bars + 1;
    }

    @Override
    public Column column() {
        Column ret = col(FactorFrame.RET);
        return FactorFrame.full(ret, bars, skewness(ret));
    }
}
