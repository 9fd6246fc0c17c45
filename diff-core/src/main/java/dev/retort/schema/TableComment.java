package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/** A table's comment, as an element of its definition ({@code COMMENT ON TABLE}). */
public record TableComment(String text) implements TableElement {
    public TableComment {
        requireNonNull(text, "text");
    }
}
