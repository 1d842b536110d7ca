package io.quantlake.tearsheet;

/** A paragraph of plain text (escaped when rendered), e.g. how a chart was computed. */
public record Note(String text) implements Block {
    public Note {
        if (text == null) {
            throw new IllegalArgumentException("note text must not be null");
        }
    }
}
