package io.quantlake.tearsheet;

import java.util.List;

/** A titled part of a report page holding blocks (notes, tables, charts) in display order. */
public record Section(String title, List<Block> blocks) {
    public Section {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("section title must not be blank, got '" + title + "'");
        }
        blocks = List.copyOf(blocks);
    }

    /** A section of the given blocks. */
    public static Section of(String title, Block... blocks) {
        return new Section(title, List.of(blocks));
    }
}
