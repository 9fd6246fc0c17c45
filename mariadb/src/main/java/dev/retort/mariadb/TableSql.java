package dev.retort.mariadb;

import static dev.retort.mariadb.MariaDbSql.quoted;
import static dev.retort.mariadb.MariaDbSql.refused;
import static dev.retort.mariadb.MariaDbSql.table;
import static dev.retort.mariadb.MariaDbSql.text;
import static dev.retort.mariadb.MariaDbSql.word;

import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterTableComment;
import dev.retort.op.ColumnChange;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropTable;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.TableOptions;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that create, drop, rename and comment on tables, and a table's column changes as one
 * {@code ALTER TABLE} of comma-separated {@code ADD COLUMN}, {@code DROP COLUMN} and {@code MODIFY
 * COLUMN}: a comment, default or nullability change is a {@code MODIFY} with the column's full definition.
 */
final class TableSql {
    private TableSql() {}

    /** The CREATE TABLE with its keys, checks and foreign keys, then its table options: engine, charset, comment. */
    static List<String> create(CreateTable op, TableDetails details) {
        Table table = op.definition();
        if (table.unlogged()) throw refused("unlogged tables (table " + table.name() + ")");
        List<String> lines = new ArrayList<>();
        // a check the details say is a column's own is written there again, so the table is created as read
        for (Column column : table.columns()) lines.add(ColumnSql.definitionWithItsCheck(table, column, details));
        if (table.primaryKey() != null) lines.add(ConstraintSql.primaryKey(table.primaryKey()));
        for (UniqueConstraint unique : table.uniques()) lines.add(ConstraintSql.unique(table.name(), unique, details));
        for (CheckConstraint check : table.checks())
            if (ColumnSql.ownCheck(table, check, details) == null) lines.add(ConstraintSql.check(table.name(), check));
        for (ForeignKey key : table.foreignKeys()) lines.add(ConstraintSql.foreignKey(table.name(), key));
        StringBuilder sql = new StringBuilder("CREATE TABLE ")
                .append(table(table.name()))
                .append(" (\n    ")
                .append(String.join(",\n    ", lines))
                .append("\n)");
        // what the definition states (a migration written from a dropped table), else the details
        TableOptions stated = table.options();
        String engine = stated.engine() != null ? stated.engine() : details == null ? null : details.engine();
        boolean statesCharset = stated.charset() != null || stated.collation() != null;
        String charset = statesCharset ? stated.charset() : details == null ? null : details.charset();
        String collation = statesCharset ? stated.collation() : details == null ? null : details.collation();
        if (engine != null) sql.append(" ENGINE=").append(word(engine, "engine"));
        if (charset != null) sql.append(" DEFAULT CHARSET=").append(word(charset, "character set"));
        if (collation != null) sql.append(" COLLATE=").append(word(collation, "collation"));
        if (table.comment() != null) sql.append(" COMMENT=").append(text(table.comment()));
        return List.of(sql.toString());
    }

    static List<String> drop(DropTable op) {
        return List.of("DROP TABLE " + table(op.table()));
    }

    static List<String> rename(RenameTable op) {
        QualifiedName to = new QualifiedName(op.table().schema(), op.to());
        return List.of("RENAME TABLE " + table(op.table()) + " TO " + table(to));
    }

    /** {@code COMMENT=''} is how MariaDB drops a table's comment. */
    static List<String> comment(AlterTableComment op) {
        return List.of(alterTable(op.table()) + " COMMENT=" + text(op.to() == null ? "" : op.to()));
    }

    static List<String> renameColumn(RenameColumn op) {
        return List.of(alterTable(op.table()) + " RENAME COLUMN " + quoted(op.from()) + " TO " + quoted(op.to()));
    }

    /** The column changes of one table as one statement; one change reads on one line, several one action a line. */
    static List<String> alterColumns(List<? extends ColumnChange> changes, TableDetails details, KeptColumns kept) {
        QualifiedName table = changes.get(0).table();
        List<String> actions = new ArrayList<>();
        for (ColumnChange change : changes) {
            if (!change.table().equals(table))
                throw new IllegalArgumentException(
                        "column changes of " + change.table() + " cannot join those of " + table);
            actions.add(action(change, details, kept));
        }
        String start = changes.size() == 1 ? " " : "\n    ";
        return List.of(alterTable(table) + start + String.join(",\n    ", actions));
    }

    private static String action(ColumnChange change, TableDetails details, KeptColumns kept) {
        if (change instanceof AddColumn a) {
            String add = a.options().contains(Option.IF_NOT_EXISTS) ? "ADD COLUMN IF NOT EXISTS " : "ADD COLUMN ";
            return add + ColumnSql.definition(a.table(), a.column(), details);
        }
        if (change instanceof DropColumn d)
            return "DROP COLUMN " + (d.options().contains(Option.IF_EXISTS) ? "IF EXISTS " : "")
                    + quoted(d.column().name());
        if (change instanceof AlterColumn a) return modify(a, details, kept);
        throw new AssertionError(change);
    }

    /**
     * A changed column's {@code MODIFY COLUMN} with the whole of its new definition, keeping what the live column has
     * ({@link ColumnSql#modified}); a conversion by hand is refused.
     */
    private static String modify(AlterColumn op, TableDetails details, KeptColumns kept) {
        if (op.using() != null)
            throw refused("USING conversion for a type change (column " + op.table() + "." + op.columnName()
                    + "): MODIFY COLUMN converts the values itself");
        return "MODIFY COLUMN " + ColumnSql.modified(op.table(), op, details, kept);
    }

    static String alterTable(QualifiedName name) {
        return "ALTER TABLE " + table(name);
    }
}
