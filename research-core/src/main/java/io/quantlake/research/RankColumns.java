package io.quantlake.research;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Cross-sectional ranks as window Columns over one group of rows (e.g. one factor, horizon and
 * date), all of whose ranked values are non-null.
 */
final class RankColumns {
    /** Number of rows in the group. */
    static final String N = "n";

    private RankColumns() {
    }

    static Column[] columns(List<String> names) {
        Column[] out = new Column[names.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = col(names.get(k));
        }
        return out;
    }

    /**
     * The 1-based ascending rank of {@code v} in its group, ties sharing the average of the positions
     * they occupy: a tie block over positions a … b gets (a + b) / 2. With {@code rank()} ascending
     * giving a and {@code rank()} descending giving N + 1 − b: {@code (a + N + 1 − rank_desc) / 2}.
     */
    static Column averageRank(Column v, Column[] group) {
        WindowSpec whole = Window.partitionBy(group);
        Column n = count(lit(1)).over(whole);
        Column a = rank().over(Window.partitionBy(group).orderBy(v.asc()));
        Column lastTied = n.plus(1).minus(rank().over(Window.partitionBy(group).orderBy(v.desc())));
        return a.plus(lastTied).cast("double").divide(2.0);
    }

    /**
     * Quantile bucket 1 … q of an average rank r among n values: {@code ⌊q · (r − 1) / n⌋ + 1}
     * (1 = lowest values, q = highest); tied values share a bucket, so a bucket may be empty.
     */
    static Column bucket(Column averageRank, Column n, int q) {
        return floor(lit((double) q).multiply(averageRank.minus(1.0)).divide(n)).plus(1).cast("int");
    }

    /**
     * {@code rows} (whose {@code x} and {@code y} are non-null) with {@value #N} = the group's row
     * count, keeping only groups of at least {@code min} rows, and the average ranks of {@code x} and
     * {@code y} within the group as {@code xRank} and {@code yRank}.
     */
    static Dataset<Row> ranked(Dataset<Row> rows, String x, String y, List<String> group, int min,
                               String xRank, String yRank) {
        Column[] g = columns(group);
        return rows.withColumn(N, count(lit(1)).over(Window.partitionBy(g)))
                .where(col(N).geq(min))
                .withColumn(xRank, averageRank(col(x), g))
                .withColumn(yRank, averageRank(col(y), g));
    }
}
