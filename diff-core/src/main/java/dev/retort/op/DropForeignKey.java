package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.ForeignKey;
import dev.retort.schema.TableName;
import java.util.List;

/** Drops a foreign key; carries it so the reverse can add it again. */
public record DropForeignKey(TableName table, ForeignKey key) implements Op {
    public DropForeignKey {
        requireNonNull(table, "table");
        requireNonNull(key, "key");
    }

    @Override
    public AddForeignKey reverse() {
        return new AddForeignKey(table, key);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
