package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;

/** Creates a table with its columns and primary key. */
public record CreateTable(Table definition) implements Op {
    public CreateTable {
        requireNonNull(definition, "definition");
    }

    @Override
    public QualifiedName table() {
        return definition.name();
    }

    @Override
    public DropTable reverse() {
        return new DropTable(definition);
    }
}
