package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Set;

/**
 * Adds a foreign key; created after the tables and columns it needs. {@code Option.NOT_VALID} and a
 * key that is not valid are one request: either gives the other.
 */
public record AddForeignKey(QualifiedName table, ForeignKey key, Set<Option> options) implements Op {
    public AddForeignKey {
        requireNonNull(table, "table");
        requireNonNull(key, "key");
        options = Option.notValid("AddForeignKey", options, !key.valid());
        if (options.contains(Option.NOT_VALID)) key = key.notValid();
    }

    public AddForeignKey(QualifiedName table, ForeignKey key) {
        this(table, key, Set.of());
    }

    @Override
    public DropForeignKey reverse() {
        return new DropForeignKey(table, key, Option.reversed(options));
    }

    @Override
    public List<Hazard> hazards() {
        if (!key.valid()) return List.of();
        return List.of(
                new Hazard(
                        Hazard.Kind.LONG_LOCK,
                        "adding a foreign key on " + table + " (" + String.join(", ", key.columns())
                                + ") checks every row while both tables are locked against writes, and fails on rows without a match"));
    }
}
