package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Creates an index on an existing table. */
public record CreateIndex(QualifiedName table, Index index, Set<Option> options) implements Op {
    public CreateIndex {
        requireNonNull(table, "table");
        requireNonNull(index, "index");
        options = Option.check("create index", options, Set.of(Option.CONCURRENTLY, Option.IF_NOT_EXISTS));
    }

    public CreateIndex(QualifiedName table, Index index) {
        this(table, index, Set.of());
    }

    @Override
    public DropIndex reverse() {
        return new DropIndex(table, index, Option.reversed(options));
    }

    @Override
    public List<Hazard> hazards() {
        if (options.contains(Option.CONCURRENTLY) && index.unique()) {
            return List.of(new Hazard(
                    Hazard.Kind.FAILS_ON_DATA,
                    "building unique index " + (index.name() == null ? "" : index.name() + " ") + "on " + table
                            + " fails on duplicates (writes go on), leaving an INVALID index to drop"));
        }
        if (options.contains(Option.CONCURRENTLY)) return List.of();
        return List.of(
                new Hazard(
                        Hazard.Kind.LONG_LOCK,
                        "building index on " + table + " ("
                                + index.keys().stream().map(Index.Key::column).collect(Collectors.joining(", "))
                                + ") blocks writes to it; for a large table, build it with CREATE INDEX CONCURRENTLY in op.autocommit, in a migration of its own"));
    }
}
