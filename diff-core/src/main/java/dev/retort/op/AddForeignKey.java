package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.ForeignKey;
import dev.retort.schema.TableName;
import java.util.List;

/** Adds a foreign key; created after the tables and columns it needs. */
public record AddForeignKey(TableName table, ForeignKey key) implements Op {
    public AddForeignKey {
        requireNonNull(table, "table");
        requireNonNull(key, "key");
    }

    @Override
    public DropForeignKey reverse() {
        return new DropForeignKey(table, key);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of(new Hazard(Hazard.Kind.LONG_LOCK, "adding a foreign key on " + table + " (" + String.join(", ", key.columns())
                + ") checks every row while both tables are locked against writes, and fails on rows without a match"));
    }
}
