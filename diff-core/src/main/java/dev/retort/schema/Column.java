package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * A table column: name, normalised type, nullability, identity, server default, comment, the
 * expression of a generated (stored) column, and a collation other than the type's default.
 *
 * <p>The type is normalised on construction (see {@link Types#normalize}), so two columns whose
 * types hold the same values compare the same ({@link #sameAs}). Where the normalised form would
 * be stored differently from the type as written ({@code timestamp}, which PostgreSQL stores
 * without a precision, normalised to {@code timestamp(6)}), the spelling is kept beside it
 * ({@link Types#storedSpelling}), and SQL and generated code write it ({@link #sqlType}): what a
 * downgrade restores is what the database had. Identity columns are always NOT NULL and
 * have no default. Defaults and generation expressions are compared by canonical form
 * ({@link #sameAs}). A collation is SQL as it follows {@code COLLATE}: quoted where PostgreSQL
 * would quote it, schema-qualified unless it is in {@code pg_catalog}. MariaDB's {@link ColumnOptions} ({@code ON
 * UPDATE}, {@code VIRTUAL}, {@code INVISIBLE}, {@code COMPRESSED}) are carried, not compared.
 *
 * <p>{@link #of} gives the usual column; each wither, and each of the migration DSL's words
 * ({@code notNull}, {@code defaultValue}, {@code comment}, {@code collate}, ...), changes one thing.
 */
public record Column(
        String name,
        String type,
        boolean nullable,
        Identity identity,
        ColumnDefault defaultValue,
        String comment,
        ColumnDefault generated,
        String collation,
        IdentityOptions identityOptions,
        String spelling,
        ColumnOptions options)
        implements TableElement {
    /** A column without MariaDB's options ({@link ColumnOptions#NONE}). */
    public Column(
            String name,
            String type,
            boolean nullable,
            Identity identity,
            ColumnDefault defaultValue,
            String comment,
            ColumnDefault generated,
            String collation,
            IdentityOptions identityOptions,
            String spelling) {
        this(
                name,
                type,
                nullable,
                identity,
                defaultValue,
                comment,
                generated,
                collation,
                identityOptions,
                spelling,
                ColumnOptions.NONE);
    }

    public Column {
        requireNonNull(name, "name");
        requireNonNull(identity, "identity");
        if (name.isEmpty()) throw new IllegalArgumentException("empty column name");
        String written = requireNonNull(type, "type");
        type = Types.normalize(written);
        if (spelling == null) {
            spelling = Types.storedSpelling(written);
        } else if (!Types.normalize(spelling).equals(type)) {
            throw new IllegalArgumentException("column " + name + ": spelling " + spelling + " is not type " + type);
        }
        if (identity != Identity.NONE) {
            nullable = false;
            if (defaultValue != null)
                throw new IllegalArgumentException("column " + name + ": an identity column has no default");
        }
        if (generated != null && (identity != Identity.NONE || defaultValue != null)) {
            throw new IllegalArgumentException(
                    "column " + name + ": a generated column has no default and no identity");
        }
        if (comment != null && comment.isEmpty()) comment = null;
        if (collation != null && collation.isBlank()) collation = null;
        if (identityOptions == null || identity == Identity.NONE) identityOptions = IdentityOptions.DEFAULT;
        if (options == null) options = ColumnOptions.NONE;
        // VIRTUAL is how a generation expression is kept: a column that loses its expression is stored
        if (generated == null && options.virtual()) options = options.withVirtual(false);
    }

    /** A nullable, non-identity column without a default, comment, generation expression or collation. */
    public static Column of(String name, String type) {
        return new Column(name, type, true, Identity.NONE, null, null, null, null, IdentityOptions.DEFAULT, null);
    }

    public Column notNull() {
        return withNullable(false);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(
                name,
                type,
                newNullable,
                identity,
                defaultValue,
                comment,
                generated,
                collation,
                identityOptions,
                spelling,
                options);
    }

    public Column withName(String newName) {
        return new Column(
                newName,
                type,
                nullable,
                identity,
                defaultValue,
                comment,
                generated,
                collation,
                identityOptions,
                spelling,
                options);
    }

    public Column withType(String newType) {
        return new Column(
                name,
                newType,
                nullable,
                identity,
                defaultValue,
                comment,
                generated,
                collation,
                identityOptions,
                null,
                options);
    }

    /** This column with its type written as normalised, as the differ compares it. */
    public Column withoutSpelling() {
        return withType(type);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(
                name,
                type,
                nullable,
                newIdentity,
                newIdentity == Identity.NONE ? defaultValue : null,
                comment,
                newIdentity == Identity.NONE ? generated : null,
                collation,
                identityOptions,
                spelling,
                options);
    }

    /** This column with a server default (an SQL expression, written as it would be in DDL). */
    public Column defaultValue(String expression) {
        return withDefault(ColumnDefault.of(expression));
    }

    public Column withDefault(ColumnDefault newDefault) {
        return new Column(
                name,
                type,
                nullable,
                identity,
                newDefault,
                comment,
                generated,
                collation,
                identityOptions,
                spelling,
                options);
    }

    /** This column with a comment ({@code COMMENT ON COLUMN}); null for none. */
    public Column comment(String text) {
        return new Column(
                name,
                type,
                nullable,
                identity,
                defaultValue,
                text,
                generated,
                collation,
                identityOptions,
                spelling,
                options);
    }

    /** This column generated from an expression ({@code GENERATED ALWAYS AS (...) STORED}); null for a plain column. */
    public Column generatedAs(String expression) {
        return withGenerated(expression == null ? null : ColumnDefault.of(expression));
    }

    public Column withGenerated(ColumnDefault expression) {
        return new Column(
                name,
                type,
                nullable,
                identity,
                defaultValue,
                comment,
                expression,
                collation,
                identityOptions,
                spelling,
                options);
    }

    /** This column with a collation ({@code COLLATE}); null for the type's default. */
    public Column collate(String newCollation) {
        return new Column(
                name,
                type,
                nullable,
                identity,
                defaultValue,
                comment,
                generated,
                newCollation,
                identityOptions,
                spelling,
                options);
    }

    /** This identity column with sequence options other than the defaults. */
    public Column withIdentityOptions(IdentityOptions newIdentityOptions) {
        return new Column(
                name,
                type,
                nullable,
                identity,
                defaultValue,
                comment,
                generated,
                collation,
                newIdentityOptions,
                spelling,
                options);
    }

    /** This column with MariaDB's options ({@link ColumnOptions#NONE} for none). */
    public Column withOptions(ColumnOptions newOptions) {
        return new Column(
                name,
                type,
                nullable,
                identity,
                defaultValue,
                comment,
                generated,
                collation,
                identityOptions,
                spelling,
                newOptions);
    }

    /** This column set again on every update of its row: {@code ON UPDATE current_timestamp()} (MariaDB, MySQL). */
    public Column onUpdate(String expression) {
        return withOptions(options.withOnUpdate(expression));
    }

    /** This generated column computed when read rather than stored ({@code VIRTUAL}; MariaDB, MySQL). */
    public Column virtual() {
        if (generated == null)
            throw new IllegalArgumentException("column " + name + ": virtual() needs generatedAs(...) before it");
        return withOptions(options.withVirtual(true));
    }

    /** This column left out of {@code SELECT *} ({@code INVISIBLE}; MariaDB, MySQL). */
    public Column invisible() {
        return withOptions(options.withInvisible(true));
    }

    /** This column's values stored compressed ({@code COMPRESSED}; MariaDB). */
    public Column compressed() {
        return withOptions(options.withCompressed(true));
    }

    /** The type as SQL writes it to create this column as the database or the migration has it: the spelling, else the normalised type. */
    public String sqlType() {
        return spelling != null ? spelling : type;
    }

    /** Equal but for how the type, default and generation expression are written: what the differ compares columns by. */
    public boolean sameAs(Column other) {
        return name.equals(other.name)
                && type.equals(other.type)
                && nullable == other.nullable
                && identity == other.identity
                && Objects.equals(defaultKey(), other.defaultKey())
                && Objects.equals(comment, other.comment)
                && Objects.equals(generatedKey(), other.generatedKey())
                && Objects.equals(collation, other.collation)
                && identityOptions.equals(other.identityOptions);
    }

    /** The generation expression's canonical form, or null for a plain column. */
    public String generatedKey() {
        return generated == null ? null : generated.key();
    }

    /** The default's canonical form, or null without a default or with a NULL constant for one. */
    public String defaultKey() {
        return defaultValue == null || defaultValue.isNull() ? null : defaultValue.key();
    }

    public Column identityByDefault() {
        return withIdentity(Identity.BY_DEFAULT);
    }

    public Column identityAlways() {
        return withIdentity(Identity.ALWAYS);
    }
}
