package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Namespace;
import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * Drops a schema the plan has emptied; carries its comment for the reverse. Never {@code CASCADE}: a
 * schema that still holds anything makes it fail, and loses nothing.
 */
public record DropSchema(Namespace schema) implements Op {
    public DropSchema {
        schema = requireNonNull(schema, "schema").withoutMembers();
    }

    /** The schema's name, as the name of an object in no schema. */
    @Override
    public QualifiedName table() {
        return QualifiedName.of(schema.name());
    }

    @Override
    public CreateSchema reverse() {
        return new CreateSchema(schema);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
