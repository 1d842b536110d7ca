package io.quantlake.research;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.covar_samp;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.var_samp;
import static org.apache.spark.sql.functions.when;

import io.quantlake.factor.FactorFrame;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The Spark side of a factor study: long frames and per-date statistics as Column expressions,
 * window functions and grouped aggregates (no UDF). Every per-date group is one score (and horizon)
 * at one bar time {@code ts}, over the symbols with the values the statistic needs; groups smaller
 * than the spec's {@code minSymbols} are left out.
 */
final class ResearchFrames {
    static final String FACTOR = "factor";
    static final String HORIZON = "horizon";
    static final String SYMBOL = FactorFrame.SYMBOL;
    static final String TS = FactorFrame.TS;
    static final String VALUE = "value";
    static final String FWD = "fwd";
    static final String N = RankColumns.N;
    static final String QUANTILE = "quantile";
    static final String IC = "ic";
    static final String RANK_IC = "rank_ic";
    static final String TOP = "top_mean";
    static final String BOTTOM = "bottom_mean";
    static final String MEAN_FWD = "mean_fwd_return";
    static final String DATES = "dates";
    static final String TURNOVER = "turnover";
    static final String AUTOCORR = "rank_autocorr";
    static final String N_COMMON = "n_common";
    static final String RHO = "rho";
    static final String FACTOR_A = "factor_a";
    static final String FACTOR_B = "factor_b";

    private static final String VALUE_RANK = "value_rank";
    private static final String FWD_RANK = "fwd_rank";
    private static final String PREV_VALUE = "prev_value";

    private ResearchFrames() {
    }

    /**
     * {@code factor, symbol, ts, value}: one row per candle and score with a non-null value (warm-up
     * rows left out), from the wide frame of {@link io.quantlake.factor.FactorEngine#wide}.
     */
    static Dataset<Row> values(Dataset<Row> wide, List<String> names) {
        List<Column> entries = new ArrayList<>();
        for (String n : names) {
            entries.add(struct(lit(n).as(FACTOR), col(n).cast("double").as(VALUE)));
        }
        return explodeEntries(wide, entries, FACTOR, VALUE);
    }

    /** {@code horizon, symbol, ts, fwd}: one row per candle and horizon with a forward return. */
    static Dataset<Row> forward(Dataset<Row> fwdFrame, int[] horizons) {
        List<Column> entries = new ArrayList<>();
        for (int h : horizons) {
            entries.add(struct(lit(h).as(HORIZON), col(ForwardReturns.name(h)).as(FWD)));
        }
        return explodeEntries(fwdFrame, entries, HORIZON, FWD);
    }

    private static Dataset<Row> explodeEntries(Dataset<Row> frame, List<Column> entries, String key, String value) {
        String e = "entry";
        return frame.select(col(SYMBOL), col(TS), explode(array(entries.toArray(Column[]::new))).as(e))
                .select(col(e + "." + key).as(key), col(SYMBOL), col(TS), col(e + "." + value).as(value))
                .where(col(value).isNotNull());
    }

    /**
     * {@code factor, horizon, symbol, ts, value, fwd}: the score at {@code ts} joined by
     * (symbol, ts) to the forward return from {@code ts}'s close; rows with both values only.
     */
    static Dataset<Row> observations(Dataset<Row> values, Dataset<Row> forward) {
        return values.join(forward, new String[] {SYMBOL, TS})
                .select(col(FACTOR), col(HORIZON), col(SYMBOL), col(TS), col(VALUE), col(FWD));
    }

    /** Observations of groups (factor, horizon, ts) of at least {@code min} rows, with n, ranks and quantile. */
    static Dataset<Row> rankedObservations(Dataset<Row> observations, int quantiles, int min) {
        return RankColumns.ranked(observations, VALUE, FWD, List.of(FACTOR, HORIZON, TS), min, VALUE_RANK, FWD_RANK)
                .withColumn(QUANTILE, RankColumns.bucket(col(VALUE_RANK), col(N), quantiles));
    }

    /**
     * Per (factor, horizon, ts): {@code n}, {@code ic} = Pearson(value, fwd), {@code rank_ic} =
     * Pearson of their average ranks (Spearman), and the mean forward return of the top and the bottom
     * quantile ({@code top_mean}, {@code bottom_mean}; null when tied values leave that bucket empty).
     * A correlation is null when either side is constant.
     */
    static Dataset<Row> icPerDate(Dataset<Row> ranked, int quantiles) {
        return ranked.groupBy(col(FACTOR), col(HORIZON), col(TS)).agg(
                count(lit(1)).cast("int").as(N),
                pearson(col(VALUE), col(FWD)).as(IC),
                pearson(col(VALUE_RANK), col(FWD_RANK)).as(RANK_IC),
                avg(when(col(QUANTILE).equalTo(quantiles), col(FWD))).as(TOP),
                avg(when(col(QUANTILE).equalTo(1), col(FWD))).as(BOTTOM));
    }

    /**
     * Per (factor, horizon, quantile): the mean over dates of the bucket's mean forward return at each
     * date ({@code mean_fwd_return}), and the number of dates where the bucket had members.
     */
    static Dataset<Row> quantileMeans(Dataset<Row> ranked) {
        String dateMean = "date_mean";
        return ranked.groupBy(col(FACTOR), col(HORIZON), col(QUANTILE), col(TS)).agg(avg(col(FWD)).as(dateMean))
                .groupBy(col(FACTOR), col(HORIZON), col(QUANTILE))
                .agg(avg(col(dateMean)).as(MEAN_FWD), count(lit(1)).cast("int").as(DATES));
    }

    /**
     * Per (factor, ts) over the dates with at least {@code min} values: {@code n}; {@code turnover} =
     * 1 − |top_t ∩ top_prev| / |top_t| for the top quantile by value against the factor's previous such
     * date; and {@code rank_autocorr} = Spearman(value_t, value_prev) over the {@code n_common} symbols
     * valued at both (null when fewer than {@code min}). Both null at the factor's first date. The
     * previous date is found by numbering the factor's dates ({@code dense_rank}) and lagging each
     * symbol's own rows: a symbol whose previous row is older than the previous date was not in that
     * cross-section.
     */
    static Dataset<Row> stability(Dataset<Row> values, int quantiles, int min) {
        String rank = "rank";
        String dateNo = "date_no";
        String prevDateNo = "prev_date_no";
        String prevQuantile = "prev_quantile";
        Column[] g = {col(FACTOR), col(TS)};
        WindowSpec bySymbol = Window.partitionBy(col(FACTOR), col(SYMBOL)).orderBy(col(TS));
        Dataset<Row> ranked = values.withColumn(N, count(lit(1)).over(Window.partitionBy(g)))
                .where(col(N).geq(min))
                .withColumn(rank, RankColumns.averageRank(col(VALUE), g))
                .withColumn(QUANTILE, RankColumns.bucket(col(rank), col(N), quantiles))
                .withColumn(dateNo, dense_rank().over(Window.partitionBy(col(FACTOR)).orderBy(col(TS))))
                .withColumn(prevDateNo, lag(col(dateNo), 1).over(bySymbol))
                .withColumn(PREV_VALUE, lag(col(VALUE), 1).over(bySymbol))
                .withColumn(prevQuantile, lag(col(QUANTILE), 1).over(bySymbol));
        // the symbol's previous valued row is at the factor's previous date
        Column adjacent = col(prevDateNo).equalTo(col(dateNo).minus(1));
        Column top = col(QUANTILE).equalTo(quantiles);
        Column tops = count(when(top, lit(1)));
        Column stayed = count(when(top.and(adjacent).and(col(prevQuantile).equalTo(quantiles)), lit(1)));
        Dataset<Row> dates = ranked.groupBy(g).agg(
                max(col(N)).cast("int").as(N),
                when(max(col(dateNo)).gt(1).and(tops.gt(0)), lit(1.0).minus(stayed.cast("double").divide(tops))).as(TURNOVER));
        Dataset<Row> autocorr = spearman(ranked.where(adjacent), VALUE, PREV_VALUE, List.of(FACTOR, TS), min)
                .select(col(FACTOR), col(TS), col(N).as(N_COMMON), col(RHO).as(AUTOCORR));
        return dates.join(autocorr, new String[] {FACTOR, TS}, "left");
    }

    /**
     * Per pair of scores ({@code factor_a < factor_b}) and date: {@code rho} = Spearman of the two
     * scores over the {@code n} symbols valued by both (dates with fewer than {@code min} left out).
     */
    static Dataset<Row> correlationsPerDate(Dataset<Row> values, int min) {
        String a = "value_a";
        String b = "value_b";
        Dataset<Row> pairs = values.select(col(FACTOR).as(FACTOR_A), col(SYMBOL), col(TS), col(VALUE).as(a))
                .join(values.select(col(FACTOR).as(FACTOR_B), col(SYMBOL), col(TS), col(VALUE).as(b)), new String[] {SYMBOL, TS})
                .where(col(FACTOR_A).lt(col(FACTOR_B)));
        return spearman(pairs, a, b, List.of(FACTOR_A, FACTOR_B, TS), min);
    }

    /** Per group of at least {@code min} rows: {@code n} and {@code rho} = Spearman(x, y), ties averaged. */
    static Dataset<Row> spearman(Dataset<Row> rows, String x, String y, List<String> group, int min) {
        String xr = x + "_rank";
        String yr = y + "_rank";
        return RankColumns.ranked(rows, x, y, group, min, xr, yr)
                .groupBy(RankColumns.columns(group))
                .agg(count(lit(1)).cast("int").as(N), pearson(col(xr), col(yr)).as(RHO));
    }

    /**
     * Pearson correlation of a group as an aggregate: {@code covar_samp(x, y) / √(var_samp(x) · var_samp(y))},
     * clipped to [−1, 1] against rounding; null when either side is constant (Spark's own {@code corr}
     * divides by zero there, an error under ANSI mode). Groups hold at least 3 rows.
     */
    static Column pearson(Column x, Column y) {
        Column vx = var_samp(x);
        Column vy = var_samp(y);
        Column r = covar_samp(x, y).divide(sqrt(vx.multiply(vy)));
        return when(vx.gt(0.0).and(vy.gt(0.0)), least(lit(1.0), greatest(lit(-1.0), r)));
    }
}
