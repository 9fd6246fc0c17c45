package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Set;

/** Drops a column; carries the whole column so the reverse can add it again. */
public record DropColumn(QualifiedName table, Column column, Set<Option> options) implements ColumnChange {
    public DropColumn {
        requireNonNull(table, "table");
        requireNonNull(column, "column");
        options = Option.check("DropColumn", options, Set.of(Option.IF_EXISTS));
    }

    public DropColumn(QualifiedName table, Column column) {
        this(table, column, Set.of());
    }

    @Override
    public AddColumn reverse() {
        return new AddColumn(table, column, Option.reversed(options));
    }

    @Override
    public List<Hazard> hazards() {
        return List.of(
                new Hazard(Hazard.Kind.DATA_LOSS, "drops column " + table + "." + column.name() + " and its data"));
    }
}
