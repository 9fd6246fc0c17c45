package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Objects;

/** Sets, changes or removes a schema's comment; {@code from} and {@code to} are null for none. */
public record AlterSchemaComment(String schema, String from, String to) implements Op {
    public AlterSchemaComment {
        requireNonNull(schema, "schema");
        if (Objects.equals(from, to))
            throw new IllegalArgumentException("alter schema " + schema + " comment changes nothing");
    }

    /** The schema's name, as the name of an object in no schema. */
    @Override
    public QualifiedName table() {
        return QualifiedName.of(schema);
    }

    @Override
    public AlterSchemaComment reverse() {
        return new AlterSchemaComment(schema, to, from);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
