package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/**
 * A table column: name, normalised type, nullability and identity.
 *
 * <p>The type is normalised on construction (see {@link Types#normalize}), so two columns whose
 * types PostgreSQL would store identically are equal. Identity columns are always NOT NULL.
 */
public record Column(String name, String type, boolean nullable, Identity identity) implements TableElement {
    public Column {
        requireNonNull(name, "name");
        requireNonNull(identity, "identity");
        if (name.isEmpty()) throw new IllegalArgumentException("empty column name");
        type = Types.normalize(requireNonNull(type, "type"));
        if (identity != Identity.NONE) nullable = false;
    }

    /** A nullable, non-identity column. */
    public Column(String name, String type) {
        this(name, type, true, Identity.NONE);
    }

    public Column notNull() {
        return new Column(name, type, false, identity);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, identity);
    }

    public Column withType(String newType) {
        return new Column(name, newType, nullable, identity);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, newIdentity);
    }

    public Column identityByDefault() {
        return withIdentity(Identity.BY_DEFAULT);
    }

    public Column identityAlways() {
        return withIdentity(Identity.ALWAYS);
    }
}
