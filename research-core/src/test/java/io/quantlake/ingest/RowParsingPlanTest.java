package io.quantlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.spark.SharedSpark;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The parse projection evaluates each field's pattern once per row ({@link RowChecks}): the optimized plan of
 * {@link RowParsing#parse} holds one regex match per field read by pattern, however many checks read the field.
 * (Built from the earlier checks' conditions, each check repeated the fields before it: dozens of matches a row.)
 */
class RowParsingPlanTest {
    private static final Pattern RLIKE = Pattern.compile("RLIKE", Pattern.CASE_INSENSITIVE);

    private static int regexMatches(FileJob.Format format) {
        return regexMatches(format, parsed -> parsed);
    }

    private static int regexMatches(FileJob.Format format, java.util.function.UnaryOperator<Dataset<Row>> use) {
        // rows from an RDD, as SparkIngest reads them (a local relation would be folded away by the optimizer)
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(SharedSpark.spark().sparkContext()).emptyRDD();
        Dataset<Row> none = SharedSpark.spark().createDataFrame(rows, FileLines.SCHEMA);
        String key = "spark.sql.debug.maxToStringFields";
        String before = SharedSpark.spark().conf().get(key, "25");
        SharedSpark.spark().conf().set(key, "100000"); // the whole projection lists, not "... 40 more fields"
        String plan;
        try {
            plan = use.apply(RowParsing.parse(none, format)).queryExecution().optimizedPlan().toString();
        } finally {
            SharedSpark.spark().conf().set(key, before);
        }
        Matcher m = RLIKE.matcher(plan);
        int n = 0;
        while (m.find()) {
            n++;
        }
        if (n == 0) {
            throw new AssertionError("no regex match in the plan:\n" + plan);
        }
        return n;
    }

    @Test
    void klineFieldsAreMatchedOnceEach() {
        // open_time, open, high, low, close, volume, close_time, quote_volume, count, taker base, taker quote
        assertEquals(11, regexMatches(FileJob.Format.ARCHIVE_KLINES));
    }

    @Test
    void csvCandleFieldsAreMatchedOnceEach() {
        // open_time as an integer and as ISO-8601, open, high, low, close, volume
        assertEquals(7, regexMatches(FileJob.Format.CSV_CANDLES));
    }

    @Test
    void rowsFilteredAfterTheParseAreNotParsedAgain() {
        // a filter on the parse's outputs must not be pushed below the parse projection with its expressions
        // inlined: the fields would be matched once for the filter and once more for the output
        assertEquals(11, regexMatches(FileJob.Format.ARCHIVE_KLINES, parsed -> RowParsing.where(parsed,
                        org.apache.spark.sql.functions.col("event").isNull()
                                .and(org.apache.spark.sql.functions.col("reason").isNull()))
                .select("market", "interval", "symbol", "open_time", "open", "close")));
    }
}
