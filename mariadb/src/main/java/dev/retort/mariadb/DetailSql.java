package dev.retort.mariadb;

import static dev.retort.mariadb.MariaDbSql.quoted;
import static dev.retort.mariadb.MariaDbSql.word;

import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The statements that change what only {@link TableDetails} holds of a table both sides have, towards
 * {@code is}: {@code ENGINE=}, {@code DEFAULT CHARSET= COLLATE=} (then each text column's {@code MODIFY}, so that the
 * columns already there take the new default as the other side's do), a {@code MODIFY COLUMN} with the full
 * definition for a changed {@code ON UPDATE}, {@code INVISIBLE} or {@code COMPRESSED}, a generated column dropped and added again in its place between
 * virtual and stored (MariaDB refuses that {@code MODIFY}: "not yet supported for generated columns"), and an index dropped and added
 * again in one {@code ALTER TABLE} for changed key prefix lengths. {@code table} is the table as it is
 * once the plan has run.
 */
final class DetailSql {
    private DetailSql() {}

    static List<String> statements(Table table, TableDetails was, TableDetails is) {
        List<String> options = new ArrayList<>();
        if (!Objects.equals(was.engine(), is.engine()) && is.engine() != null)
            options.add("ENGINE=" + word(is.engine(), "engine"));
        boolean charset = !Objects.equals(was.charset(), is.charset()) && is.charset() != null;
        boolean collation = !Objects.equals(was.collation(), is.collation()) && is.collation() != null;
        if (charset || collation) {
            options.add("DEFAULT CHARSET=" + word(is.charset(), "character set")
                    + (is.collation() == null ? "" : " COLLATE=" + word(is.collation(), "collation")));
        }
        List<String> actions = new ArrayList<>();
        if (!options.isEmpty()) actions.add(String.join(" ", options));
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            boolean virtual = column.generated() != null
                    && was.virtualColumns().contains(column.name())
                            != is.virtualColumns().contains(column.name());
            if (virtual) {
                if (indexed(table, column.name()))
                    throw MariaDbSql.refused("way to turn the indexed generated column " + table.name() + "."
                            + column.name() + " between virtual and stored but dropping it, and its indexes with it");
                // MariaDB cannot MODIFY a generated column between virtual and stored: added again where it was
                String place = i == 0
                        ? " FIRST"
                        : " AFTER " + quoted(columns.get(i - 1).name());
                actions.add("DROP COLUMN " + quoted(column.name()));
                actions.add("ADD COLUMN " + ColumnSql.definitionWithItsCheck(table, column, is) + place);
            } else if (!Objects.equals(
                            was.onUpdate().get(column.name()), is.onUpdate().get(column.name()))
                    || differs(was.invisibleColumns(), is.invisibleColumns(), column.name())
                    || differs(was.compressedColumns(), is.compressedColumns(), column.name())) {
                actions.add("MODIFY COLUMN " + ColumnSql.definitionWithItsCheck(table, column, is));
            }
        }
        List<String> statements = new ArrayList<>();
        if (!actions.isEmpty()) statements.add(TableSql.alterTable(table.name()) + " " + String.join(", ", actions));
        if (charset || collation) {
            // the columns already there keep their character set: each text column is written again, now under the
            // table's new default (or its own collation); CONVERT TO would also widen TEXT types
            List<String> modify = new ArrayList<>();
            for (Column column : columns) {
                if (textual(column) && column.generated() == null)
                    modify.add("MODIFY COLUMN " + ColumnSql.definitionWithItsCheck(table, column, is));
            }
            if (!modify.isEmpty()) statements.add(TableSql.alterTable(table.name()) + " " + String.join(", ", modify));
        }
        for (String name : names(was, is)) {
            if (Objects.equals(was.prefixes().get(name), is.prefixes().get(name))) continue;
            rebuilt(table, name, is).ifPresent(statements::add);
        }
        return statements;
    }

    private static boolean differs(Set<String> was, Set<String> is, String column) {
        return was.contains(column) != is.contains(column);
    }

    private static boolean indexed(Table table, String column) {
        return (table.primaryKey() != null && table.primaryKey().columns().contains(column))
                || table.uniques().stream().anyMatch(u -> u.columns().contains(column))
                || table.indexes().stream()
                        .anyMatch(
                                i -> i.keys().stream().anyMatch(k -> k.column().equals(column)));
    }

    private static boolean textual(Column column) {
        return column.type().matches("(var)?char\\(.*|(tiny|medium|long)?text|enum\\(.*|set\\(.*");
    }

    private static List<String> names(TableDetails was, TableDetails is) {
        List<String> names =
                new ArrayList<>(new java.util.TreeSet<>(was.prefixes().keySet()));
        for (String name : new java.util.TreeSet<>(is.prefixes().keySet())) if (!names.contains(name)) names.add(name);
        return names;
    }

    /** The index or unique key dropped and added with the new prefixes, in one statement (never without it). */
    private static Optional<String> rebuilt(Table table, String name, TableDetails is) {
        String drop = TableSql.alterTable(table.name()) + " DROP INDEX " + quoted(name) + ", ADD ";
        for (UniqueConstraint unique : table.uniques()) {
            if (name.equals(unique.name())) return Optional.of(drop + ConstraintSql.unique(table.name(), unique, is));
        }
        for (Index index : table.indexes()) {
            if (!name.equals(index.name())) continue;
            String kind = index.method().equals("fulltext") ? "FULLTEXT " : index.unique() ? "UNIQUE " : "";
            List<String> columns = index.keys().stream().map(Index.Key::column).toList();
            return Optional.of(
                    drop + kind + "INDEX " + quoted(name) + " (" + ConstraintSql.keys(name, columns, is) + ")");
        }
        return Optional.empty();
    }
}
