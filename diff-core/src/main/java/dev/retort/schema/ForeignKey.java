package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A foreign key: its columns, the table and columns it references, its actions and deferrability,
 * and whether the rows are known to satisfy it (not for one added {@code NOT VALID} and not yet
 * validated). Matched by everything but its name, which is carried to drop it, and its validity (a
 * matched key that differs only in validity is validated). {@link #of} (or, as migrations write
 * it, {@link Columns#references}) gives a plain, valid key; each wither changes one part.
 */
public record ForeignKey(
        String name,
        List<String> columns,
        QualifiedName referencedTable,
        List<String> referencedColumns,
        Action onDelete,
        Action onUpdate,
        boolean deferrable,
        boolean initiallyDeferred,
        boolean valid)
        implements TableElement {
    /** What happens to referencing rows when the referenced row goes or changes. */
    public enum Action {
        NO_ACTION("NO ACTION"),
        RESTRICT("RESTRICT"),
        CASCADE("CASCADE"),
        SET_NULL("SET NULL"),
        SET_DEFAULT("SET DEFAULT");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    public ForeignKey {
        columns = List.copyOf(requireNonNull(columns, "columns"));
        requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(requireNonNull(referencedColumns, "referencedColumns"));
        requireNonNull(onDelete, "onDelete");
        requireNonNull(onUpdate, "onUpdate");
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key " + columns + " -> " + referencedTable + referencedColumns
                    + ": needs as many referenced columns as columns");
        }
        if (name != null && name.isEmpty()) name = null;
        if (!deferrable) initiallyDeferred = false;
    }

    /** The start of a foreign key: {@code Columns.of("author_id").references("authors", "id")}. */
    public record Columns(List<String> columns) {
        public static Columns of(String... columns) {
            return new Columns(List.of(columns));
        }

        public ForeignKey references(String table, String... referenced) {
            return references(new QualifiedName(null, table), referenced);
        }

        public ForeignKey referencesIn(String schema, String table, String... referenced) {
            return references(new QualifiedName(schema, table), referenced);
        }

        private ForeignKey references(QualifiedName table, String... referenced) {
            return ForeignKey.of(columns, table, List.of(referenced));
        }
    }

    /** An unnamed key without actions ({@code NO ACTION}) that is not deferrable. */
    public static ForeignKey of(List<String> columns, QualifiedName referencedTable, List<String> referencedColumns) {
        return new ForeignKey(
                null,
                columns,
                referencedTable,
                referencedColumns,
                Action.NO_ACTION,
                Action.NO_ACTION,
                false,
                false,
                true);
    }

    public ForeignKey named(String newName) {
        return new ForeignKey(
                newName,
                columns,
                referencedTable,
                referencedColumns,
                onDelete,
                onUpdate,
                deferrable,
                initiallyDeferred,
                valid);
    }

    public ForeignKey onDelete(Action action) {
        return new ForeignKey(
                name,
                columns,
                referencedTable,
                referencedColumns,
                action,
                onUpdate,
                deferrable,
                initiallyDeferred,
                valid);
    }

    public ForeignKey onUpdate(Action action) {
        return new ForeignKey(
                name,
                columns,
                referencedTable,
                referencedColumns,
                onDelete,
                action,
                deferrable,
                initiallyDeferred,
                valid);
    }

    public ForeignKey deferrable(boolean initially) {
        return new ForeignKey(
                name, columns, referencedTable, referencedColumns, onDelete, onUpdate, true, initially, valid);
    }

    /** This key as added {@code NOT VALID}: the rows already there are not known to satisfy it. */
    public ForeignKey notValid() {
        return withValid(false);
    }

    /** This key once validated. */
    public ForeignKey validated() {
        return withValid(true);
    }

    private ForeignKey withValid(boolean newValid) {
        return new ForeignKey(
                name,
                columns,
                referencedTable,
                referencedColumns,
                onDelete,
                onUpdate,
                deferrable,
                initiallyDeferred,
                newValid);
    }

    /** The same key without its name. */
    public ForeignKey unnamed() {
        return named(null);
    }

    /** What two keys are matched by: everything but their names and validity. */
    public ForeignKey shape() {
        return named(null).validated();
    }
}
