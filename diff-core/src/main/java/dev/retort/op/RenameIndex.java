package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;

/**
 * Renames an index of a table ({@code ALTER INDEX ... RENAME TO}), keeping it built: what a matched
 * index whose meant name differs becomes, instead of being dropped and built again. On MariaDB and MySQL a rename to
 * its own name ({@link #keepsItsName}) makes an index InnoDB made for a foreign key the table's own, which a key added
 * again on its columns then uses instead of replacing it with one named after the key; PostgreSQL runs nothing for it.
 */
public record RenameIndex(QualifiedName table, String from, String to) implements Op {
    public RenameIndex {
        requireNonNull(table, "table");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
    }

    /** Whether this is a rename to the index's own name (see above). */
    public boolean keepsItsName() {
        return from.equals(to);
    }

    @Override
    public RenameIndex reverse() {
        return new RenameIndex(table, to, from);
    }
}
