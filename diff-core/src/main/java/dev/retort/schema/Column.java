package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/**
 * A table column: name, normalised type, nullability, identity and server default.
 *
 * <p>The type is normalised on construction (see {@link Types#normalize}), so two columns whose
 * types PostgreSQL would store identically are equal. Identity columns are always NOT NULL and
 * have no default. Defaults are compared by canonical form ({@link #sameAs}).
 */
public record Column(String name, String type, boolean nullable, Identity identity, ColumnDefault defaultValue)
        implements TableElement {
    public Column {
        requireNonNull(name, "name");
        requireNonNull(identity, "identity");
        if (name.isEmpty()) throw new IllegalArgumentException("empty column name");
        type = Types.normalize(requireNonNull(type, "type"));
        if (identity != Identity.NONE) {
            nullable = false;
            if (defaultValue != null) throw new IllegalArgumentException("column " + name + ": an identity column has no default");
        }
    }

    public Column(String name, String type, boolean nullable, Identity identity) {
        this(name, type, nullable, identity, null);
    }

    /** A nullable, non-identity column without a default. */
    public Column(String name, String type) {
        this(name, type, true, Identity.NONE, null);
    }

    public Column notNull() {
        return new Column(name, type, false, identity, defaultValue);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, identity, defaultValue);
    }

    public Column withType(String newType) {
        return new Column(name, newType, nullable, identity, defaultValue);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, newIdentity, newIdentity == Identity.NONE ? defaultValue : null);
    }

    /** This column with a server default (an SQL expression, written as it would be in DDL). */
    public Column defaultValue(String expression) {
        return withDefault(ColumnDefault.of(expression));
    }

    public Column withDefault(ColumnDefault newDefault) {
        return new Column(name, type, nullable, identity, newDefault);
    }

    /** Equal but for how the default is written: what the differ compares columns by. */
    public boolean sameAs(Column other) {
        return name.equals(other.name) && type.equals(other.type) && nullable == other.nullable && identity == other.identity
                && java.util.Objects.equals(defaultKey(), other.defaultKey());
    }

    /** The default's canonical form, or null without a default. */
    public String defaultKey() {
        return defaultValue == null ? null : defaultValue.key();
    }

    public Column identityByDefault() {
        return withIdentity(Identity.BY_DEFAULT);
    }

    public Column identityAlways() {
        return withIdentity(Identity.ALWAYS);
    }
}
