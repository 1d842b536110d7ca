package io.quantlake.tearsheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV file of a backtest output directory (CLI.md "Backtest output files"): an exact header line, then
 * rows split on commas (these files never quote). Blank lines are skipped; a UTF-8 byte order mark is
 * ignored. Errors name the file, the 1-based line, the column and the value.
 */
final class OutputCsv {
    private final String name;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private final String[] columns;

    private OutputCsv(String name, String[] columns) {
        this.name = name;
        this.columns = columns;
    }

    /** Reads {@code file}, whose first line must be exactly {@code header}. */
    static OutputCsv read(Path file, String header) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        OutputCsv csv = new OutputCsv(file.toString(), header.split(",", -1));
        String first = text.isEmpty() ? "" : text.get(0);
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        if (!first.equals(header)) {
            throw new IllegalArgumentException(file + " line 1: expected header '" + header + "', got '" + first + "'");
        }
        for (int i = 1; i < text.size(); i++) {
            String line = text.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != csv.columns.length) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + csv.columns.length
                        + " fields (" + header + "), got " + fields.length + ": '" + line + "'");
            }
            csv.rows.add(fields);
            csv.lines.add(i + 1);
        }
        return csv;
    }

    int size() {
        return rows.size();
    }

    /** The physical line number of data row {@code r}. */
    int line(int r) {
        return lines.get(r);
    }

    String text(int r, int col) {
        return rows.get(r)[col];
    }

    /** An ISO-8601 UTC instant such as {@code 2024-01-02T00:00:00Z}, as epoch milliseconds. */
    long time(int r, int col) {
        String v = text(r, col);
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw error(r, col, v, "not an ISO-8601 UTC time such as 2024-01-02T00:00:00Z");
        }
    }

    /** A decimal number; {@code NaN} and {@code Infinity} are accepted as written by the kernel. */
    double number(int r, int col) {
        String v = text(r, col);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(r, col, v, "not a number");
        }
    }

    /** {@code text(r, col)}, which must be one of {@code accepted}. */
    String oneOf(int r, int col, List<String> accepted) {
        String v = text(r, col);
        if (!accepted.contains(v)) {
            throw error(r, col, v, "accepted: " + String.join(", ", accepted));
        }
        return v;
    }

    IllegalArgumentException error(int r, int col, String value, String why) {
        return new IllegalArgumentException(name + " line " + line(r) + " column " + columns[col] + ": '" + value
                + "' is " + (why.startsWith("accepted") ? "not accepted; " : "") + why);
    }
}
