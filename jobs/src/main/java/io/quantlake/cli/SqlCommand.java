package io.quantlake.cli;

import io.quantlake.lake.Lake;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sql "QUERY" [--csv]}: Spark SQL over the lake, where every Delta table of the lake is a
 * view by its name. {@code --csv} prints exactly a header line and one line per row on stdout.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Spark SQL over the lake; every Delta table is a view by its name (candles, funding_rates, ...)")
final class SqlCommand implements Runnable {
    @Mixin
    LakeOptions lake;

    @Parameters(index = "0", paramLabel = "QUERY", description = "the SQL query")
    String query;

    @Option(names = "--csv", description = "print CSV: a header line, then one line per row")
    boolean csv;

    @Option(names = "--max-rows", defaultValue = "1000", description = "rows shown in table mode (default 1000)")
    int maxRows;

    @Override
    public void run() {
        Lake l = lake.openExisting();
        List<String> views = l.registerViews();
        Dataset<Row> result;
        try {
            result = l.spark().sql(query);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("query failed: " + OneLineErrors.message(e)
                    + " (views: " + String.join(", ", views) + ")", e);
        }
        if (csv) {
            System.out.print(CsvText.of(result));
        } else {
            result.show(maxRows, false);
        }
        System.out.flush();
    }
}
