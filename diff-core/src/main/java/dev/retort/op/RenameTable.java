package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;

/** Renames a table within its schema, keeping its rows. Written by people; the differ proposes it only in a comment. */
public record RenameTable(QualifiedName table, String to) implements Op {
    public RenameTable {
        requireNonNull(table, "table");
        requireNonNull(to, "to");
        if (table.name().equals(to)) throw new IllegalArgumentException("rename table " + table + " to itself");
    }

    @Override
    public RenameTable reverse() {
        return new RenameTable(new QualifiedName(table.schema(), to), table.name());
    }
}
