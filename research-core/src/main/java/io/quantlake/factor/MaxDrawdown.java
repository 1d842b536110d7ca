package io.quantlake.factor;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Column;

/**
 * Quality-like maximum drawdown over the last {@code bars} n own closes c_1 … c_n (c_n at {@code t}):
 * {@code max_k (1 − c_k / max_{j ≤ k} c_j)}, a positive fraction (0.25 = a 25 % fall from a peak
 * inside the window); 0 for a window that never falls. Needs n own bars.
 *
 * <p>Path-dependent, so it folds the window's closes (collected in bar order by the ordered rows
 * frame) with Spark's built-in higher-order {@code aggregate} over state (peak, drawdown) — a
 * Catalyst expression, not a UDF.
 */
public record MaxDrawdown(int bars) implements Factor {
    private static final String PEAK = "peak";
    private static final String DRAWDOWN = "mdd";

    public MaxDrawdown {
        Factor.require("max_drawdown", "bars", bars, 2);
    }

    @Override
    public String name() {
        return "mdd_" + bars;
    }

    @Override
    public int warmup() {
        return bars;
    }

    @Override
    public Column column() {
        Column close = col(FactorFrame.CLOSE);
        Column closes = FactorFrame.full(close, bars, collect_list(close));
        Column zero = struct(lit(0.0).as(PEAK), lit(0.0).as(DRAWDOWN));
        return aggregate(closes, zero, (state, c) -> {
            Column peak = greatest(state.getField(PEAK), c);
            return struct(peak.as(PEAK), greatest(state.getField(DRAWDOWN), lit(1.0).minus(c.divide(peak))).as(DRAWDOWN));
        }, state -> state.getField(DRAWDOWN));
    }
}
