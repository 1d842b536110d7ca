package io.quantlake.tearsheet;

import java.util.ArrayList;
import java.util.List;

/** A plain table: a header and rows of cell text (escaped when rendered); every row has the header's width. */
public record Table(List<String> header, List<List<String>> rows) implements Block {
    public Table {
        header = List.copyOf(header);
        if (header.isEmpty()) {
            throw new IllegalArgumentException("table header must have at least one column");
        }
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = List.copyOf(rows.get(r));
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table row " + r + " has " + row.size() + " cells, header "
                        + header + " has " + header.size());
            }
            copy.add(row);
        }
        rows = List.copyOf(copy);
    }

    /**
     * The table as console text: columns separated by two spaces and padded to their widest cell, the first
     * column left-aligned and the others right-aligned; one line per row after the header, each ending in a newline.
     */
    public String text() {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        for (List<String> row : rows) {
            line(out, row, width);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        for (int c = 0; c < width.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            out.append(c == 0 ? cell + pad : "  " + pad + cell);
        }
        out.append('\n');
    }
}
