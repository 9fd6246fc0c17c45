package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.Column;
import dev.retort.schema.Identity;
import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Set;

/** Adds a column to an existing table. */
public record AddColumn(QualifiedName table, Column column, Set<Option> options) implements ColumnChange {
    public AddColumn {
        requireNonNull(table, "table");
        requireNonNull(column, "column");
        options = Option.check("AddColumn", options, Set.of(Option.IF_NOT_EXISTS));
    }

    public AddColumn(QualifiedName table, Column column) {
        this(table, column, Set.of());
    }

    @Override
    public DropColumn reverse() {
        return new DropColumn(table, column, Option.reversed(options));
    }

    @Override
    public List<Hazard> hazards() {
        if (column.generated() != null) {
            return List.of(new Hazard(
                    Hazard.Kind.TABLE_REWRITE,
                    "adding generated column " + table + "." + column.name() + " rewrites the table"));
        }
        if (column.nullable() || column.defaultValue() != null) return List.of();
        if (column.identity() != Identity.NONE) {
            return List.of(new Hazard(
                    Hazard.Kind.TABLE_REWRITE,
                    "adding identity column " + table + "." + column.name() + " rewrites the table"));
        }
        return List.of(new Hazard(
                Hazard.Kind.FAILS_ON_DATA,
                "adds NOT NULL column " + table + "." + column.name()
                        + " without a default: fails if the table has rows"));
    }
}
