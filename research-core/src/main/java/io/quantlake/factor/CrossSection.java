package io.quantlake.factor;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Cross-sectional operations at one bar time over the symbols present then: each method returns a
 * window Column over the rows of one group ({@link #perTimestamp()}: market, interval, ts; or
 * {@link #perFactorAndTimestamp()} for the long {@code factors} layout) whose argument is non-null.
 * A null argument gives a null result; so does a group with too few values (stated per method).
 * Arguments must be columns already present in the frame (Spark does not nest window functions).
 */
public final class CrossSection {
    private final String[] partition;
    private final WindowSpec group;

    private CrossSection(String... partition) {
        this.partition = partition.clone();
        // the whole group is the frame; rows visited in symbol order so sums are bit-identical whatever the partitioning
        this.group = Window.partitionBy(partitionColumns()).orderBy(col(FactorFrame.SYMBOL))
                .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    }

    private Column[] partitionColumns() {
        Column[] cols = new Column[partition.length];
        for (int i = 0; i < partition.length; i++) {
            cols[i] = col(partition[i]);
        }
        return cols;
    }

    /** Groups by (market, interval, ts): the wide frame, one column per factor. */
    public static CrossSection perTimestamp() {
        return new CrossSection(FactorFrame.MARKET, FactorFrame.INTERVAL, FactorFrame.TS);
    }

    /** Groups by (market, interval, factor, ts): the long layout of the Delta table {@code factors}. */
    public static CrossSection perFactorAndTimestamp() {
        return new CrossSection(FactorFrame.MARKET, FactorFrame.INTERVAL, FactorEngine.FACTOR, FactorFrame.TS);
    }

    /** The group's partition columns. */
    public String[] partition() {
        return partition.clone();
    }

    /** Number of non-null values of {@code v} in the row's group. */
    public Column count(Column v) {
        return org.apache.spark.sql.functions.count(v).over(group);
    }

    /**
     * Percentile rank in [0, 1]: {@code (rank − 1) / (N − 1)}, where rank is the 1-based ascending
     * rank of {@code v} among the N non-null values (ties share the lowest rank, as SQL
     * {@code percent_rank}); 0 is the smallest, 1 the largest. Null when N < 2.
     */
    public Column percentRank(Column v) {
        Column n = count(v);
        Column r = rank().over(Window.partitionBy(partitionColumns()).orderBy(v.asc_nulls_last()));
        return when(v.isNotNull().and(n.geq(2)), r.minus(1).cast("double").divide(n.minus(1)));
    }

    /**
     * Ordinal rank 1 … N in descending order of {@code v}, ties by symbol name ascending — the ranking
     * of CLI.md's {@code market_neutral} (1 = the highest score).
     */
    public Column ordinalDescending(Column v) {
        Column r = row_number().over(Window.partitionBy(partitionColumns()).orderBy(v.desc_nulls_last(), col(FactorFrame.SYMBOL).asc()));
        return when(v.isNotNull(), r);
    }

    /** {@code (v − mean) / sd} with the group's mean and sample standard deviation (ddof 1); null when N < 2 or sd = 0. */
    public Column zscore(Column v) {
        Column sd = stddev_samp(v).over(group);
        return when(v.isNotNull().and(count(v).geq(2)).and(sd.gt(0.0)), v.minus(avg(v).over(group)).divide(sd));
    }

    /**
     * Clips {@code v} to the group's [q_p, q_{1−p}], the quantiles by linear interpolation between
     * order statistics (Spark's exact {@code percentile}, numpy's default: position p·(N − 1) in the
     * sorted values).
     *
     * @param p tail fraction in [0, 0.5)
     */
    public Column winsorizeQuantile(Column v, double p) {
        if (!(p >= 0.0 && p < 0.5)) {
            throw new IllegalArgumentException("winsorize quantile p must be in [0, 0.5), got " + p);
        }
        Column lo = percentile(v, lit(p)).over(group);
        Column hi = percentile(v, lit(1.0 - p)).over(group);
        return when(v.isNotNull(), least(greatest(v, lo), hi));
    }

    /**
     * Clips {@code v} to {@code mean ± k · sd} of the group (ddof 1); null when N < 2.
     *
     * @param k positive number of standard deviations
     */
    public Column winsorizeZ(Column v, double k) {
        if (!(k > 0.0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("winsorize z bound k must be positive and finite, got " + k);
        }
        Column mean = avg(v).over(group);
        Column sd = stddev_samp(v).over(group);
        Column lo = mean.minus(sd.multiply(k));
        Column hi = mean.plus(sd.multiply(k));
        return when(v.isNotNull().and(count(v).geq(2)), least(greatest(v, lo), hi));
    }

    /**
     * Neutralizes {@code y} against {@code x} (e.g. a factor against {@link Beta}): the residual
     * {@code y − a − b·x} of the group's OLS of y on x with intercept, over the m rows where both are
     * non-null, from grouped sums: {@code b = (S_xy − S_x S_y/m) / (S_xx − S_x²/m)},
     * {@code a = (S_y − b S_x)/m}. Null where y or x is null, when m < 3, or when x is constant.
     */
    public Column neutralize(Column y, Column x) {
        Column both = y.isNotNull().and(x.isNotNull());
        Column xs = when(both, x);
        Column ys = when(both, y);
        Column m = org.apache.spark.sql.functions.count(xs).over(group);
        Column sx = sum(xs).over(group);
        Column sy = sum(ys).over(group);
        Column cxx = sum(xs.multiply(xs)).over(group).minus(sx.multiply(sx).divide(m));
        Column cxy = sum(xs.multiply(ys)).over(group).minus(sx.multiply(sy).divide(m));
        Column b = cxy.divide(cxx);
        Column a = sy.minus(b.multiply(sx)).divide(m);
        return when(both.and(m.geq(3)).and(cxx.gt(0.0)), y.minus(a).minus(b.multiply(x)));
    }

    @Override
    public String toString() {
        return "CrossSection" + Arrays.toString(partition);
    }
}
