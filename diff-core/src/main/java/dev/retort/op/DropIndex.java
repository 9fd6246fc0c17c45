package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Set;

/** Drops an index; carries it so the reverse can create it again. */
public record DropIndex(QualifiedName table, Index index, Set<Option> options) implements Op {
    public DropIndex {
        requireNonNull(table, "table");
        requireNonNull(index, "index");
        options = Option.check("DropIndex", options, Set.of(Option.CONCURRENTLY, Option.IF_EXISTS));
    }

    public DropIndex(QualifiedName table, Index index) {
        this(table, index, Set.of());
    }

    @Override
    public CreateIndex reverse() {
        return new CreateIndex(table, index, Option.reversed(options));
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
