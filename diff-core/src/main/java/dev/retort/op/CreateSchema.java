package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Namespace;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** Creates a schema, with its comment. */
public record CreateSchema(Namespace schema) implements Op {
    public CreateSchema {
        schema = requireNonNull(schema, "schema").withoutMembers();
    }

    /** The schema's name, as the name of an object in no schema. */
    @Override
    public QualifiedName table() {
        return QualifiedName.of(schema.name());
    }

    @Override
    public DropSchema reverse() {
        return new DropSchema(schema);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
