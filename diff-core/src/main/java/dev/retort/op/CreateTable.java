package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Table;
import dev.retort.schema.TableName;

/** Creates a table with its columns and primary key. */
public record CreateTable(Table definition) implements Op {
    public CreateTable {
        requireNonNull(definition, "definition");
    }

    @Override
    public TableName table() {
        return definition.name();
    }

    @Override
    public DropTable reverse() {
        return new DropTable(definition);
    }
}
