package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An index that does not back a constraint: its keys (columns or expressions, each with its sort
 * order), uniqueness, method, covered columns, predicate and NULLS NOT DISTINCT. Compared by
 * everything but its name ({@link #unnamed()}), which is carried to drop it, and followed by a
 * rename when it is meant: {@code implicitName} marks a name the mapping's naming strategy made up
 * (Hibernate's {@code IDX...} for an {@code @Index} without a name), which no index is renamed to.
 * {@link #on} and {@link #of} give a plain btree index; each wither changes one part.
 */
public record Index(
        String name,
        List<Key> keys,
        boolean unique,
        String method,
        List<String> include,
        String where,
        boolean nullsNotDistinct,
        boolean implicitName)
        implements TableElement {
    /**
     * One key: a column name or, in parentheses, an expression; descending or not; nulls first or
     * last; an operator class other than the type's default (SQL, as PostgreSQL prints it), or
     * null; and, on MariaDB and MySQL, the length of the column's prefix it indexes ({@code note(20)}), or null for
     * the whole column. PostgreSQL's defaults are spelled out (DESC implies NULLS FIRST, ASC NULLS LAST), so
     * {@code DESC} and {@code DESC NULLS FIRST} are the same key. A prefix is carried where a migration states it
     * (autogenerate writes a dropped index's, so that the downgrade creates it as it was), not compared.
     */
    public record Key(String column, boolean descending, boolean nullsFirst, String opclass, Integer prefix) {
        public Key {
            requireNonNull(column, "column");
            if (column.isEmpty()) throw new IllegalArgumentException("empty index key");
            if (opclass != null && opclass.isBlank()) opclass = null;
            if (prefix != null && prefix < 1)
                throw new IllegalArgumentException(
                        "index key " + column + ": prefix length " + prefix + " is not positive");
        }

        public Key(String column, boolean descending, boolean nullsFirst, String opclass) {
            this(column, descending, nullsFirst, opclass, null);
        }

        public Key(String column, boolean descending, boolean nullsFirst) {
            this(column, descending, nullsFirst, null, null);
        }

        public static Key of(String column) {
            return new Key(column, false, false);
        }

        public Key desc() {
            return new Key(column, true, true, opclass, prefix);
        }

        public Key nullsFirst(boolean first) {
            return new Key(column, descending, first, opclass, prefix);
        }

        /** This key with an operator class ({@code text_pattern_ops}, {@code jsonb_path_ops}, ...). */
        public Key opclass(String name) {
            return new Key(column, descending, nullsFirst, name, prefix);
        }

        /** This key over the column's first {@code length} characters ({@code note(20)}; MariaDB, MySQL). */
        public Key prefix(int length) {
            return new Key(column, descending, nullsFirst, opclass, length);
        }

        /** This key over the whole column. */
        public Key withoutPrefix() {
            return new Key(column, descending, nullsFirst, opclass, null);
        }

        /** Whether the key is an expression rather than a column name. */
        public boolean isExpression() {
            return column.startsWith("(");
        }
    }

    public Index {
        keys = List.copyOf(requireNonNull(keys, "keys"));
        include = List.copyOf(requireNonNull(include, "include"));
        method = method == null || method.isBlank() ? "btree" : method;
        if (keys.isEmpty()) throw new IllegalArgumentException("index without keys");
        if (name != null && name.isEmpty()) name = null;
        if (where != null && where.isBlank()) where = null;
        if (!unique) nullsNotDistinct = false;
        if (name == null) implicitName = false;
    }

    public Index(
            String name,
            List<Key> keys,
            boolean unique,
            String method,
            List<String> include,
            String where,
            boolean nullsNotDistinct) {
        this(name, keys, unique, method, include, where, nullsNotDistinct, false);
    }

    /** A plain btree index over columns, ascending. */
    public static Index on(String... columns) {
        return of(List.of(columns).stream().map(Key::of).toList());
    }

    /** A plain, unnamed btree index over keys, each with its own sort order. */
    public static Index of(List<Key> keys) {
        return new Index(null, keys, false, "btree", List.of(), null, false);
    }

    public Index named(String newName) {
        return new Index(newName, keys, unique, method, include, where, nullsNotDistinct);
    }

    /** This index with a name the mapping's naming strategy made up, not one a person gave it. */
    public Index withImplicitName(boolean newImplicitName) {
        return new Index(name, keys, unique, method, include, where, nullsNotDistinct, newImplicitName);
    }

    public Index asUnique() {
        return withUnique(true);
    }

    public Index withUnique(boolean newUnique) {
        return new Index(name, keys, newUnique, method, include, where, nullsNotDistinct, implicitName);
    }

    public Index using(String newMethod) {
        return new Index(name, keys, unique, newMethod, include, where, nullsNotDistinct, implicitName);
    }

    public Index including(String... columns) {
        return withInclude(List.of(columns));
    }

    /** This index covering other columns ({@code INCLUDE}). */
    public Index withInclude(List<String> columns) {
        return new Index(name, keys, unique, method, columns, where, nullsNotDistinct, implicitName);
    }

    public Index where(String predicate) {
        return new Index(name, keys, unique, method, include, predicate, nullsNotDistinct, implicitName);
    }

    public Index withNullsNotDistinct() {
        return withNullsNotDistinct(true);
    }

    public Index withNullsNotDistinct(boolean newNullsNotDistinct) {
        return new Index(name, keys, unique, method, include, where, newNullsNotDistinct, implicitName);
    }

    public Index withKeys(List<Key> newKeys) {
        return new Index(name, newKeys, unique, method, include, where, nullsNotDistinct, implicitName);
    }

    /** The index without its name: what two indexes are compared by. */
    public Index unnamed() {
        return named(null);
    }
}
