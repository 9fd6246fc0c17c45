package dev.retort.schema;

import static java.util.Objects.requireNonNull;

/** A standalone sequence (not one owned by an identity or serial column): its name, start and increment. */
public record Sequence(TableName name, long start, long increment) implements Comparable<Sequence> {
    public Sequence {
        requireNonNull(name, "name");
        if (increment == 0) throw new IllegalArgumentException("sequence " + name + ": increment 0");
    }

    public static Sequence of(String name, long start, long increment) {
        return new Sequence(new TableName(null, name), start, increment);
    }

    public Sequence inSchema(String schema) {
        return new Sequence(new TableName(schema, name.name()), start, increment);
    }

    @Override
    public int compareTo(Sequence other) {
        return name.compareTo(other.name);
    }
}
