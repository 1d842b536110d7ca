package io.quantlake.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * The lines of one CSV source (a file or a zip entry): an optional or required header, then data rows
 * split on commas (the formats read here never quote). Line numbers are 1-based physical lines, header
 * included; blank lines are skipped (they hold no row); a UTF-8 byte order mark is ignored.
 */
final class CsvText {
    /** One data row: its line number, the text as read and its fields. */
    record Row(long line, String raw, String[] fields) {
    }

    private final BufferedReader in;
    private final String source;
    private long line;
    private String pending;

    CsvText(BufferedReader in, String source) {
        this.in = in;
        this.source = source;
    }

    String source() {
        return source;
    }

    /**
     * Reads the header: the index in {@code accepted} of the first line when it is one of them. Without a
     * header ({@code required} false and the first line starts with a digit or '-'), returns -1 and keeps the
     * line as the first row. Anything else is an {@link IngestException} naming the line found.
     */
    int header(List<String> accepted, boolean required) throws IOException {
        String first = nextNonBlank();
        if (first == null) {
            return -1;
        }
        if (line == 1 && first.charAt(0) == '\uFEFF') {
            first = first.substring(1);
        }
        int index = accepted.indexOf(first);
        if (index >= 0) {
            return index;
        }
        char c = first.charAt(0);
        if (!required && (c == '-' || (c >= '0' && c <= '9'))) {
            pending = first;
            return -1;
        }
        throw new IngestException(source + " line " + line + ": expected header '" + String.join("' or '", accepted)
                + "'" + (required ? "" : " or none") + ", got '" + first + "'");
    }

    /** Parses one row; a {@link RowRejection} quarantines it. */
    @FunctionalInterface
    interface RowHandler {
        void row(Row row, FieldParser fields) throws RowRejection;
    }

    /**
     * Hands every remaining data row to {@code handler} with this source's {@link FieldParser}, counting it in
     * {@code collector} and quarantining it there when the handler rejects it.
     */
    void forEachRow(IngestCollector collector, RowHandler handler) throws IOException {
        FieldParser fields = new FieldParser(source);
        for (Row r = next(); r != null; r = next()) {
            collector.countRow();
            try {
                handler.row(r, fields);
            } catch (RowRejection e) {
                collector.reject(e, source, r.line(), r.raw());
            }
        }
    }

    /** The next data row, or null at the end. */
    Row next() throws IOException {
        String text = pending != null ? pending : nextNonBlank();
        pending = null;
        return text == null ? null : new Row(line, text, text.split(",", -1));
    }

    private String nextNonBlank() throws IOException {
        String s;
        do {
            s = in.readLine();
            if (s == null) {
                return null;
            }
            line++;
        } while (s.isBlank());
        return s;
    }
}
