package io.quantlake.research;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.spark.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Average ranks with ties, and their cost: ranking two values per group (a study's score and forward return, millions
 * of rows in a minute study) sorts the rows once per value, not twice.
 */
class RankColumnsTest {
    private static final StructType ROWS = new StructType()
            .add("g", DataTypes.StringType, false)
            .add("x", DataTypes.DoubleType, false)
            .add("y", DataTypes.DoubleType, false);

    @Test
    void tiesShareTheAverageOfTheirPositions() {
        // group a: x = 5, 1, 5, 3, 5 → positions 1 (1), 2 (3), 3–5 (the three 5s: 4); y all equal → 3
        List<Row> rows = new ArrayList<>(List.of(RowFactory.create("a", 5.0, 7.0), RowFactory.create("a", 1.0, 7.0),
                RowFactory.create("a", 5.0, 7.0), RowFactory.create("a", 3.0, 7.0), RowFactory.create("a", 5.0, 7.0),
                RowFactory.create("b", 2.0, 1.0), RowFactory.create("b", 2.0, 2.0)));
        Dataset<Row> ranked = RankColumns.ranked(SharedSpark.spark().createDataFrame(rows, ROWS), "x", "y", List.of("g"), 2,
                "xr", "yr").orderBy(col("g"), col("x"), col("y"));
        List<String> got = ranked.select(col("g"), col("x"), col("xr"), col("yr"), col(RankColumns.N)).collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getDouble(1) + " " + r.getDouble(2) + " " + r.getDouble(3) + " " + r.getLong(4))
                .toList();
        assertEquals(List.of("a 1.0 1.0 3.0 5", "a 3.0 2.0 3.0 5", "a 5.0 4.0 3.0 5", "a 5.0 4.0 3.0 5", "a 5.0 4.0 3.0 5",
                "b 2.0 1.5 1.0 2", "b 2.0 1.5 2.0 2"), got);
    }

    @Test
    void rankingTwoValuesSortsTheRowsTwice() {
        Dataset<Row> rows = SharedSpark.spark().createDataFrame(List.of(RowFactory.create("a", 1.0, 2.0)), ROWS);
        String plan = RankColumns.ranked(rows, "x", "y", List.of("g"), 2, "xr", "yr").queryExecution().executedPlan().toString();
        Matcher sort = Pattern.compile("\\bSort \\[").matcher(plan);
        int sorts = 0;
        while (sort.find()) {
            sorts++;
        }
        assertTrue(sorts <= 2, sorts + " sorts of every row to rank x and y:\n" + plan);
    }
}
