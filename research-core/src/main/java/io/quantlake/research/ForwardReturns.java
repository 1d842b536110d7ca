package io.quantlake.research;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.quantlake.factor.FactorFrame;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Forward returns, the outcome a factor is scored against:
 * {@code fwd_h(t) = close_{t+h} / close_t − 1}, a fraction, where {@code t+h} is the symbol's
 * {@code h}-th own bar after {@code t} (the window {@link FactorFrame#BY_SYMBOL}).
 *
 * <p>Timing: entry at bar {@code t}'s close, exit at the close {@code h} own bars later; the
 * factor at {@code t} uses closes up to and including {@code t} only, so the two never overlap.
 *
 * <p>Gaps: like every return in the factor library (SIMULATION.md §12.9) the horizon counts the
 * symbol's own bars, so across a missing bar {@code fwd_h} spans more than {@code h} intervals of
 * time. At the end of a symbol's history (the last {@code h} own bars before its delisting or the
 * end of the data) {@code fwd_h} is null and the symbol drops out of that date's statistics.
 */
public final class ForwardReturns {
    private ForwardReturns() {
    }

    /** Column name of the {@code h}-bar forward return, e.g. {@code fwd_5}. */
    public static String name(int h) {
        if (h < 1) {
            throw new IllegalArgumentException("forward horizon must be >= 1 bar, got " + h);
        }
        return "fwd_" + h;
    }

    /**
     * {@code close_{t+h} / close_t − 1} over the symbol's own bars of a frame holding
     * {@link FactorFrame}'s key and close columns; null for the last {@code h} own bars and where
     * {@code close_t} is not positive.
     */
    public static Column column(int h) {
        Column close = col(FactorFrame.CLOSE);
        return when(close.gt(0.0), lead(close, h).over(FactorFrame.BY_SYMBOL).divide(close).minus(lit(1.0)))
                .as(name(h));
    }

    /**
     * {@code market, interval, symbol, ts} and one {@code fwd_h} column per horizon, one row per
     * candle ({@code ts} = the bar's {@code open_time}).
     *
     * @param candles rows of the Delta table {@code candles} (see {@link FactorFrame#prepare})
     */
    public static Dataset<Row> frame(Dataset<Row> candles, int... horizons) {
        Dataset<Row> prepared = FactorFrame.prepare(candles, List.of());
        List<Column> cols = new ArrayList<>(List.of(col(FactorFrame.MARKET), col(FactorFrame.INTERVAL),
                col(FactorFrame.SYMBOL), col(FactorFrame.TS)));
        for (int h : horizons) {
            cols.add(column(h));
        }
        return prepared.select(cols.toArray(Column[]::new));
    }
}
