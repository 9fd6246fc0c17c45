package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Set;

/**
 * Drops a foreign key; carries it so the reverse can add it again, {@code NOT VALID} when it was
 * not valid ({@code Option.NOT_VALID} says the same).
 */
public record DropForeignKey(QualifiedName table, ForeignKey key, Set<Option> options) implements Op {
    public DropForeignKey {
        requireNonNull(table, "table");
        requireNonNull(key, "key");
        options = Option.notValid("DropForeignKey", options, !key.valid());
        if (options.contains(Option.NOT_VALID)) key = key.notValid();
    }

    public DropForeignKey(QualifiedName table, ForeignKey key) {
        this(table, key, Set.of());
    }

    @Override
    public AddForeignKey reverse() {
        return new AddForeignKey(table, key, Option.reversed(options));
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
