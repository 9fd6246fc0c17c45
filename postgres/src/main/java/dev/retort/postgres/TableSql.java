package dev.retort.postgres;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.quote;
import static dev.retort.postgres.PostgresSql.table;

import dev.retort.Dialect;
import dev.retort.SqlDialect;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AlterTableComment;
import dev.retort.op.AlterTablePersistence;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropTable;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/** The statements that create, drop, rename and comment on tables, and what adding and dropping a column puts in an {@link AlterTableSql}. */
final class TableSql {
    private TableSql() {}

    /**
     * The CREATE TABLE, then its {@code NOT VALID} checks and foreign keys (which CREATE TABLE would
     * validate), then its comments.
     */
    static List<String> create(CreateTable op) {
        List<String> statements = new ArrayList<>(List.of(createStatement(op)));
        for (CheckConstraint check : op.definition().checks()) {
            if (!check.valid()) statements.addAll(ConstraintSql.addCheck(new AddCheck(op.table(), check)));
        }
        for (ForeignKey key : op.definition().foreignKeys()) {
            if (!key.valid()) statements.addAll(ConstraintSql.addForeignKey(new AddForeignKey(op.table(), key)));
        }
        if (op.definition().comment() != null) {
            statements.add("COMMENT ON TABLE " + table(op.table()) + " IS "
                    + text(op.definition().comment()));
        }
        for (Column column : op.definition().columns()) {
            if (column.comment() != null) statements.add(columnComment(op.table(), column.name(), column.comment()));
        }
        return statements;
    }

    private static String createStatement(CreateTable op) {
        if (!op.definition().options().isNone())
            throw new SqlDialect.UnsupportedOnDialect(
                    Dialect.POSTGRESQL, "table engines or default character sets (table " + op.table() + ")");
        List<String> lines = new ArrayList<>();
        for (Column column : op.definition().columns()) lines.add(ColumnSql.definition(column));
        PrimaryKey key = op.definition().primaryKey();
        if (key != null) lines.add(ConstraintSql.primaryKey(op.table(), key));
        for (UniqueConstraint unique : op.definition().uniques()) lines.add(ConstraintSql.unique(op.table(), unique));
        for (CheckConstraint check : op.definition().checks()) {
            if (check.valid()) lines.add(ConstraintSql.check(op.table(), check));
        }
        for (ForeignKey foreignKey : op.definition().foreignKeys()) {
            if (foreignKey.valid()) lines.add(ConstraintSql.foreignKey(op.table(), foreignKey));
        }
        String create = op.definition().unlogged() ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ";
        return create + table(op.table()) + " (\n    " + String.join(",\n    ", lines) + "\n)";
    }

    static List<String> drop(DropTable op) {
        return List.of("DROP TABLE " + table(op.table()));
    }

    static List<String> rename(RenameTable op) {
        return List.of(alterTable(op.table()) + " RENAME TO " + quote(op.to()));
    }

    static List<String> comment(AlterTableComment op) {
        return List.of("COMMENT ON TABLE " + table(op.table()) + " IS " + text(op.to()));
    }

    static List<String> persistence(AlterTablePersistence op) {
        return List.of(alterTable(op.table()) + (op.unlogged() ? " SET UNLOGGED" : " SET LOGGED"));
    }

    static AlterTableSql.Parts addColumn(AddColumn op) {
        String add = op.options().contains(Option.IF_NOT_EXISTS) ? "ADD COLUMN IF NOT EXISTS " : "ADD COLUMN ";
        List<String> after = op.column().comment() == null
                ? List.of()
                : List.of(columnComment(
                        op.table(), op.column().name(), op.column().comment()));
        return AlterTableSql.Parts.actions(List.of(add + ColumnSql.definition(op.column())), after);
    }

    static AlterTableSql.Parts dropColumn(DropColumn op) {
        String drop = "DROP COLUMN " + (op.options().contains(Option.IF_EXISTS) ? "IF EXISTS " : "")
                + quote(op.column().name());
        return AlterTableSql.Parts.actions(List.of(drop), List.of());
    }

    static List<String> renameColumn(RenameColumn op) {
        return List.of(alterTable(op.table()) + " RENAME COLUMN " + quote(op.from()) + " TO " + quote(op.to()));
    }

    static String alterTable(QualifiedName name) {
        return "ALTER TABLE " + table(name);
    }

    static String columnComment(QualifiedName table, String column, String comment) {
        return "COMMENT ON COLUMN " + table(table) + "." + quote(column) + " IS " + text(comment);
    }

    private static String text(String comment) {
        return comment == null ? "NULL" : literal(comment);
    }
}
