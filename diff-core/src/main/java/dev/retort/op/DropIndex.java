package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Index;
import dev.retort.schema.TableName;
import java.util.List;

/** Drops an index; carries it so the reverse can create it again. */
public record DropIndex(TableName table, Index index) implements Op {
    public DropIndex {
        requireNonNull(table, "table");
        requireNonNull(index, "index");
    }

    @Override
    public CreateIndex reverse() {
        return new CreateIndex(table, index);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
