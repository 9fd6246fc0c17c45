package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.util.List;

/** Drops a table; carries the whole definition so the reverse can create it again. */
public record DropTable(Table definition) implements Op {
    public DropTable {
        requireNonNull(definition, "definition");
    }

    @Override
    public QualifiedName table() {
        return definition.name();
    }

    @Override
    public CreateTable reverse() {
        return new CreateTable(definition);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of(new Hazard(Hazard.Kind.DATA_LOSS, "drops table " + table() + " and all its rows"));
    }
}
