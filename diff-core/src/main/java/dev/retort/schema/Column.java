package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * A table column: name, normalised type, nullability, identity, server default and comment.
 *
 * <p>The type is normalised on construction (see {@link Types#normalize}), so two columns whose
 * types PostgreSQL would store identically are equal. Identity columns are always NOT NULL and
 * have no default. Defaults are compared by canonical form ({@link #sameAs}).
 */
public record Column(String name, String type, boolean nullable, Identity identity, ColumnDefault defaultValue,
                     String comment) implements TableElement {
    public Column {
        requireNonNull(name, "name");
        requireNonNull(identity, "identity");
        if (name.isEmpty()) throw new IllegalArgumentException("empty column name");
        type = Types.normalize(requireNonNull(type, "type"));
        if (identity != Identity.NONE) {
            nullable = false;
            if (defaultValue != null) throw new IllegalArgumentException("column " + name + ": an identity column has no default");
        }
        if (comment != null && comment.isEmpty()) comment = null;
    }

    public Column(String name, String type, boolean nullable, Identity identity, ColumnDefault defaultValue) {
        this(name, type, nullable, identity, defaultValue, null);
    }

    public Column(String name, String type, boolean nullable, Identity identity) {
        this(name, type, nullable, identity, null, null);
    }

    /** A nullable, non-identity column without a default. */
    public Column(String name, String type) {
        this(name, type, true, Identity.NONE, null, null);
    }

    public Column notNull() {
        return new Column(name, type, false, identity, defaultValue, comment);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, identity, defaultValue, comment);
    }

    public Column withType(String newType) {
        return new Column(name, newType, nullable, identity, defaultValue, comment);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, newIdentity, newIdentity == Identity.NONE ? defaultValue : null, comment);
    }

    /** This column with a server default (an SQL expression, written as it would be in DDL). */
    public Column defaultValue(String expression) {
        return withDefault(ColumnDefault.of(expression));
    }

    public Column withDefault(ColumnDefault newDefault) {
        return new Column(name, type, nullable, identity, newDefault, comment);
    }

    /** This column with a comment ({@code COMMENT ON COLUMN}); null for none. */
    public Column comment(String text) {
        return new Column(name, type, nullable, identity, defaultValue, text);
    }

    /** Equal but for how the default is written: what the differ compares columns by. */
    public boolean sameAs(Column other) {
        return name.equals(other.name) && type.equals(other.type) && nullable == other.nullable && identity == other.identity
                && Objects.equals(defaultKey(), other.defaultKey()) && Objects.equals(comment, other.comment);
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
