package io.quantlake.cli;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * CSV text of a (small) result: a header line, then one line per row. Timestamps as ISO-8601 UTC,
 * doubles in Java's shortest round-trip form, null as an empty field; fields with a comma, quote or
 * line break are quoted.
 */
final class CsvText {
    private CsvText() {
    }

    static String of(Dataset<Row> result) {
        StringBuilder out = new StringBuilder();
        String[] columns = result.columns();
        for (int c = 0; c < columns.length; c++) {
            out.append(c == 0 ? "" : ",").append(field(columns[c]));
        }
        out.append('\n');
        List<Row> rows = result.collectAsList();
        for (Row row : rows) {
            for (int c = 0; c < columns.length; c++) {
                out.append(c == 0 ? "" : ",").append(field(row.get(c)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String field(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Timestamp ts ? ts.toInstant().toString() : v.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
