package io.quantlake.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * The lines of one CSV source (a file or a zip entry): an optional or required header, then data rows
 * (split on commas later, as Spark columns: the formats read here never quote). Line numbers are 1-based physical lines, header
 * included; blank lines are skipped (they hold no row); a UTF-8 byte order mark is ignored.
 */
final class CsvText {
    /** One data line: its line number and the text as read. */
    record Row(long line, String raw) {
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

    /** The next data line (its 1-based line number and text), or null at the end. */
    Row next() throws IOException {
        String text = pending != null ? pending : nextNonBlank();
        pending = null;
        return text == null ? null : new Row(line, text);
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
