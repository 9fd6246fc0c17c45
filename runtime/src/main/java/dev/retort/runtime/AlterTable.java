package dev.retort.runtime;

import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.op.ColumnChange;
import dev.retort.op.DropColumn;
import dev.retort.op.Option;
import dev.retort.op.Using;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The column changes of one table that {@code op.alterTable} runs as one {@code ALTER TABLE}: one
 * lock, at most one rewrite. Each call records one operation, as the {@link Ops} call of the same
 * name does.
 */
public final class AlterTable {
    private final QualifiedName table;
    private final List<ColumnChange> changes = new ArrayList<>();

    AlterTable(QualifiedName table) {
        this.table = table;
    }

    /** Adds a column; {@code Option.IF_NOT_EXISTS} makes it {@code ADD COLUMN IF NOT EXISTS}. */
    public void addColumn(Column column, Option... options) {
        changes.add(new AddColumn(table, column, Set.of(options)));
    }

    /** Drops a column, described as it is so that it can be added again; {@code Option.IF_EXISTS} as for {@link Ops#dropColumn}. */
    public void dropColumn(Column column, Option... options) {
        changes.add(new DropColumn(table, column, Set.of(options)));
    }

    /** Changes a column from its current definition to a new one of the same name. */
    public void alterColumn(Column from, Column to) {
        changes.add(new AlterColumn(table, from, to));
    }

    /** Changes a column's type with a conversion written by hand, as {@link Ops#alterColumn(String, Column, Column, Using)}. */
    public void alterColumn(Column from, Column to, Using using) {
        changes.add(new AlterColumn(table, from, to, false, Objects.requireNonNull(using, "using")));
    }

    /** Sets a column's type and default again, as they are: what a comparison hook's "different" verdict asks for. */
    public void reapplyColumn(Column from, Column to) {
        changes.add(new AlterColumn(table, from, to, true));
    }

    Step.ColumnChanges step() {
        return new Step.ColumnChanges(table, changes);
    }
}
