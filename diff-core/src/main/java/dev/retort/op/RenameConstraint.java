package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;

/**
 * Renames a constraint of a table ({@code ALTER TABLE ... RENAME CONSTRAINT}; a unique constraint's
 * index is renamed with it), keeping it: what a matched unique constraint whose given name differs
 * becomes, instead of being dropped and added again.
 */
public record RenameConstraint(QualifiedName table, String from, String to) implements Op {
    public RenameConstraint {
        requireNonNull(table, "table");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (from.equals(to))
            throw new IllegalArgumentException("rename constraint " + from + " on " + table + " to itself");
    }

    @Override
    public RenameConstraint reverse() {
        return new RenameConstraint(table, to, from);
    }
}
