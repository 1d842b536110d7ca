package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.unix_millis;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.stat.Correlation;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The universe's Pearson correlation matrix of simple close-to-close returns through MLlib's
 * {@link Correlation}.
 *
 * <p>Method: returns {@code r_t = close_t / close_{t−1} − 1} per symbol, kept only where the previous
 * own bar is the immediately preceding bar of the interval (a return across a gap spans several
 * bars and is dropped); pivoted to one row per bar time with one column per symbol; rows where any
 * symbol lacks a return are dropped (complete cases: every symbol's late listing or gap shortens
 * the common sample); assembled to a vector column and passed to {@code Correlation.corr(…,
 * "pearson")}.
 */
public final class ReturnCorrelation {
    private static final String VECTOR = "returns";

    private ReturnCorrelation() {
    }

    /**
     * The correlation matrix of {@code symbols}' returns on {@code market}/{@code interval} bars of
     * {@code candles}; fails naming the symbols when fewer than 2 complete bar times remain.
     */
    public static CorrelationMatrix of(Dataset<Row> candles, Market market, Interval interval, List<String> symbols) {
        if (symbols.size() < 2) {
            throw new IllegalArgumentException("a correlation matrix needs at least 2 symbols, got " + symbols);
        }
        if (symbols.size() != symbols.stream().distinct().count()) {
            throw new IllegalArgumentException("symbols must be distinct: " + symbols);
        }
        Dataset<Row> prepared = FactorFrame.prepare(candles
                .where(col(FactorFrame.MARKET).equalTo(market.code()).and(col(FactorFrame.INTERVAL).equalTo(interval.code())))
                .where(col(FactorFrame.SYMBOL).isin(symbols.toArray())), List.of());
        Column previous = lag(unix_millis(col(FactorFrame.TS)), 1).over(FactorFrame.BY_SYMBOL);
        Column contiguous = unix_millis(col(FactorFrame.TS)).minus(previous).equalTo(interval.millis());
        Dataset<Row> returns = prepared.withColumn("contiguous", contiguous)
                .where(col(FactorFrame.RET).isNotNull().and(col("contiguous")));
        Dataset<Row> wide = returns.groupBy(col(FactorFrame.TS))
                .pivot(col(FactorFrame.SYMBOL), List.copyOf(symbols.stream().map(s -> (Object) s).toList()))
                .agg(first(col(FactorFrame.RET)))
                .na().drop();
        String[] columns = symbols.toArray(String[]::new);
        Dataset<Row> vectors = new VectorAssembler().setInputCols(columns).setOutputCol(VECTOR).transform(wide)
                .select(VECTOR).persist();
        try {
            long rows = vectors.count();
            if (rows < 2) {
                throw new IllegalArgumentException("only " + rows + " bar time(s) where all of " + symbols
                        + " have a return on " + market + " " + interval + "; need at least 2");
            }
            Matrix m = (Matrix) Correlation.corr(vectors, VECTOR, "pearson").head().get(0);
            int n = columns.length;
            double[][] values = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    values[i][j] = m.apply(i, j);
                }
            }
            return new CorrelationMatrix(Arrays.copyOf(columns, n), values, rows);
        } finally {
            vectors.unpersist();
        }
    }
}
