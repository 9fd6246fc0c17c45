package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/**
 * A sequence that is not an identity column's own: its name, start and increment, and the column
 * that owns it ({@code OWNED BY}, as a {@code serial} column owns its sequence), or null.
 */
public record Sequence(QualifiedName name, long start, long increment, Owner ownedBy) implements Comparable<Sequence> {
    public Sequence {
        requireNonNull(name, "name");
        if (increment == 0) throw new IllegalArgumentException("sequence " + name + ": increment 0");
    }

    /** The column owning a sequence; PostgreSQL keeps a sequence in its owner table's schema. */
    public record Owner(String table, String column) {
        public Owner {
            requireNonNull(table, "table");
            requireNonNull(column, "column");
        }

        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    /** A sequence in the default schema, without an owner. */
    public static Sequence of(String name, long start, long increment) {
        return of(new QualifiedName(null, name), start, increment);
    }

    /** A sequence without an owner. */
    public static Sequence of(QualifiedName name, long start, long increment) {
        return new Sequence(name, start, increment, null);
    }

    public Sequence inSchema(String schema) {
        return new Sequence(new QualifiedName(schema, name.name()), start, increment, ownedBy);
    }

    public Sequence ownedBy(String table, String column) {
        return new Sequence(name, start, increment, new Owner(table, column));
    }

    public Sequence withoutOwner() {
        return ownedBy == null ? this : new Sequence(name, start, increment, null);
    }

    /** The owner's table, in the sequence's schema, or null. */
    public QualifiedName ownerTable() {
        return ownedBy == null ? null : new QualifiedName(name.schema(), ownedBy.table());
    }

    @Override
    public int compareTo(Sequence other) {
        return name.compareTo(other.name);
    }
}
