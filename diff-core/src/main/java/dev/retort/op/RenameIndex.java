package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;

/**
 * Renames an index of a table ({@code ALTER INDEX ... RENAME TO}), keeping it built: what a matched
 * index whose meant name differs becomes, instead of being dropped and built again.
 */
public record RenameIndex(QualifiedName table, String from, String to) implements Op {
    public RenameIndex {
        requireNonNull(table, "table");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (from.equals(to)) throw new IllegalArgumentException("rename index " + from + " on " + table + " to itself");
    }

    @Override
    public RenameIndex reverse() {
        return new RenameIndex(table, to, from);
    }
}
