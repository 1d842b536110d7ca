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
}
