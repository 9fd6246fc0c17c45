package dev.retort.postgres;

import dev.retort.VisibleText;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddExclusion;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterEnum;
import dev.retort.op.AlterSequence;
import dev.retort.op.AlterSequenceOwner;
import dev.retort.op.AlterTableComment;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropEnum;
import dev.retort.op.DropExclusion;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropUnique;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.IdentityOptions;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.TableName;
import dev.retort.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders operations as PostgreSQL statements, every identifier quoted. */
public final class PostgresSql {
    static final int MAX_IDENTIFIER_BYTES = 63;

    private PostgresSql() {}

    /** The statements that perform one operation, in order. */
    public static List<String> statements(Op op) {
        if (op instanceof CreateTable c) return createTable(c);
        if (op instanceof DropTable d) return List.of("DROP TABLE " + table(d.table()));
        if (op instanceof AddColumn a) {
            String add = a.options().contains(Option.IF_NOT_EXISTS) ? " ADD COLUMN IF NOT EXISTS " : " ADD COLUMN ";
            List<String> statements =
                    new ArrayList<>(List.of(alterTable(a.table()) + add + columnDefinition(a.column())));
            if (a.column().comment() != null)
                statements.add(
                        columnComment(a.table(), a.column().name(), a.column().comment()));
            return statements;
        }
        if (op instanceof AlterTableComment c)
            return List.of("COMMENT ON TABLE " + table(c.table()) + " IS " + text(c.to()));
        if (op instanceof DropColumn d) {
            return List.of(alterTable(d.table()) + " DROP COLUMN "
                    + (d.options().contains(Option.IF_EXISTS) ? "IF EXISTS " : "")
                    + quote(d.column().name()));
        }
        if (op instanceof AddExclusion a) {
            return List.of(alterTable(a.table()) + " ADD CONSTRAINT "
                    + quote(a.constraint().name()) + " EXCLUDE "
                    + VisibleExpression.of(a.constraint().definition()));
        }
        if (op instanceof DropExclusion d)
            return List.of(alterTable(d.table()) + " DROP CONSTRAINT "
                    + quote(d.constraint().name()));
        if (op instanceof AlterColumn a) return alterColumn(a);
        if (op instanceof AddPrimaryKey a)
            return List.of(alterTable(a.table()) + " ADD " + primaryKey(a.table(), a.key()));
        if (op instanceof DropPrimaryKey d) {
            return List.of(alterTable(d.table()) + " DROP CONSTRAINT " + quote(primaryKeyName(d.table(), d.key())));
        }
        if (op instanceof AddUnique a)
            return List.of(alterTable(a.table()) + " ADD " + unique(a.table(), a.constraint()));
        if (op instanceof DropUnique d) {
            return List.of(alterTable(d.table()) + " DROP CONSTRAINT " + quote(uniqueName(d.table(), d.constraint())));
        }
        if (op instanceof AddCheck a)
            return List.of(alterTable(a.table()) + " ADD " + check(a.table(), a.constraint()));
        if (op instanceof DropCheck d) {
            return List.of(alterTable(d.table()) + " DROP CONSTRAINT " + quote(checkName(d.table(), d.constraint())));
        }
        if (op instanceof AddForeignKey a) {
            return List.of(alterTable(a.table()) + " ADD " + foreignKey(a.table(), a.key())
                    + (a.options().contains(Option.NOT_VALID) ? " NOT VALID" : ""));
        }
        if (op instanceof DropForeignKey d) {
            return List.of(alterTable(d.table()) + " DROP CONSTRAINT " + quote(foreignKeyName(d.table(), d.key())));
        }
        if (op instanceof RenameColumn r) {
            return List.of(alterTable(r.table()) + " RENAME COLUMN " + quote(r.from()) + " TO " + quote(r.to()));
        }
        if (op instanceof RenameTable r) return List.of(alterTable(r.table()) + " RENAME TO " + quote(r.to()));
        if (op instanceof CreateIndex c) return List.of(createIndex(c.table(), c.index(), c.options()));
        if (op instanceof DropIndex d) {
            return List.of("DROP INDEX " + (d.options().contains(Option.CONCURRENTLY) ? "CONCURRENTLY " : "")
                    + (d.options().contains(Option.IF_EXISTS) ? "IF EXISTS " : "")
                    + table(new TableName(d.table().schema(), indexName(d.table(), d.index()))));
        }
        if (op instanceof CreateEnum c) return List.of(createEnum(c.type()));
        if (op instanceof DropEnum d)
            return List.of("DROP TYPE " + table(d.type().name()));
        if (op instanceof AlterEnum a) return EnumSql.alter(a);
        if (op instanceof CreateSequence c) {
            return List.of("CREATE SEQUENCE " + table(c.sequence().name()) + " START WITH "
                    + c.sequence().start() + " INCREMENT BY " + c.sequence().increment());
        }
        if (op instanceof DropSequence d)
            return List.of("DROP SEQUENCE " + table(d.sequence().name()));
        if (op instanceof AlterSequenceOwner o) {
            String owner = o.to() == null
                    ? "NONE"
                    : table(new TableName(o.sequence().schema(), o.to().table())) + "." + quote(o.to().column());
            return List.of("ALTER SEQUENCE " + table(o.sequence()) + " OWNED BY " + owner);
        }
        if (op instanceof AlterSequence a) {
            return List.of("ALTER SEQUENCE " + table(a.to().name()) + " START WITH " + a.to().start() + " INCREMENT BY "
                    + a.to().increment());
        }
        throw new AssertionError(op);
    }

    /** Whether an operation must run outside a transaction: a concurrent index build or drop. */
    public static boolean outsideTransaction(Op op) {
        return op.options().contains(Option.CONCURRENTLY);
    }

    /**
     * Quotes an identifier: {@code a"b} becomes {@code "a""b"}; one holding a line break, control,
     * bidi or other hidden character is written {@code U&"a\000ab"} so the script shows it.
     */
    public static String quote(String identifier) {
        if (!VisibleText.hasHidden(identifier)) return '"' + identifier.replace("\"", "\"\"") + '"';
        StringBuilder out = new StringBuilder("U&\"");
        identifier.codePoints().forEach(c -> {
            if (c == '"') out.append("\"\"");
            else if (c == '\\') out.append("\\\\");
            else if (VisibleText.hidden(c)) out.append(String.format("\\+%06x", c));
            else out.appendCodePoint(c);
        });
        return out.append('"').toString();
    }

    /**
     * A string literal, safe whatever {@code standard_conforming_strings} is set to; line breaks
     * and tabs stay, other hidden characters are written as escapes ({@code E'\x1b'}).
     */
    public static String literal(String value) {
        boolean hidden = value.codePoints().anyMatch(c -> c != '\n' && c != '\t' && VisibleText.hidden(c));
        if (!hidden && value.indexOf('\\') < 0) return "'" + value.replace("'", "''") + "'";
        StringBuilder out = new StringBuilder("E'");
        value.codePoints().forEach(c -> {
            if (c == '\'') out.append("''");
            else if (c == '\\') out.append("\\\\");
            else if (c != '\n' && c != '\t' && VisibleText.hidden(c)) out.append(escape(c));
            else out.appendCodePoint(c);
        });
        return out.append('\'').toString();
    }

    /** A backslash escape for E-strings; C1 controls take the four-digit form, since one byte of them alone is not UTF-8. */
    private static String escape(int c) {
        if (c < 0x80) return String.format("\\x%02x", c);
        return c <= 0xFFFF ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
    }

    /** Text for a {@code --} comment: one line, no control, escape sequence or bidi character. */
    public static String comment(String text) {
        return VisibleText.of(text, false);
    }

    public static String table(TableName name) {
        return name.schema() == null ? quote(name.name()) : quote(name.schema()) + "." + quote(name.name());
    }

    static String createEnum(EnumType type) {
        return "CREATE TYPE " + table(type.name()) + " AS ENUM ("
                + type.values().stream().map(PostgresSql::literal).collect(Collectors.joining(", ")) + ")";
    }

    private static String columnComment(TableName table, String column, String comment) {
        return "COMMENT ON COLUMN " + table(table) + "." + quote(column) + " IS " + text(comment);
    }

    private static String text(String comment) {
        return comment == null ? "NULL" : literal(comment);
    }

    /** The CREATE TABLE, then its comments. */
    private static List<String> createTable(CreateTable op) {
        List<String> statements = new ArrayList<>(List.of(createTableStatement(op)));
        if (op.definition().comment() != null) {
            statements.add("COMMENT ON TABLE " + table(op.table()) + " IS "
                    + text(op.definition().comment()));
        }
        for (Column column : op.definition().columns()) {
            if (column.comment() != null) statements.add(columnComment(op.table(), column.name(), column.comment()));
        }
        return statements;
    }

    private static String createTableStatement(CreateTable op) {
        List<String> lines = new ArrayList<>();
        for (Column column : op.definition().columns()) lines.add(columnDefinition(column));
        PrimaryKey key = op.definition().primaryKey();
        if (key != null) lines.add(primaryKey(op.table(), key));
        for (UniqueConstraint unique : op.definition().uniques()) lines.add(unique(op.table(), unique));
        for (CheckConstraint check : op.definition().checks()) lines.add(check(op.table(), check));
        for (ForeignKey foreignKey : op.definition().foreignKeys()) lines.add(foreignKey(op.table(), foreignKey));
        return "CREATE TABLE " + table(op.table()) + " (\n    " + String.join(",\n    ", lines) + "\n)";
    }

    private static String columnDefinition(Column column) {
        StringBuilder sql =
                new StringBuilder(quote(column.name())).append(' ').append(VisibleExpression.of(column.type()));
        if (column.collation() != null) sql.append(" COLLATE ").append(VisibleExpression.of(column.collation()));
        if (column.generated() != null)
            sql.append(" GENERATED ALWAYS AS (")
                    .append(VisibleExpression.of(column.generated().expression()))
                    .append(") STORED");
        if (column.defaultValue() != null)
            sql.append(" DEFAULT ")
                    .append(VisibleExpression.of(column.defaultValue().expression()));
        if (column.identity() != Identity.NONE) sql.append(' ').append(identity(column));
        if (!column.nullable()) sql.append(" NOT NULL");
        return sql.toString();
    }

    private static String identity(Column column) {
        String options = column.identityOptions().isDefault()
                ? ""
                : " (" + column.identityOptions().sql() + ")";
        return (column.identity() == Identity.ALWAYS
                        ? "GENERATED ALWAYS AS IDENTITY"
                        : "GENERATED BY DEFAULT AS IDENTITY")
                + options;
    }

    /**
     * One ALTER TABLE with every change to the column, so they take one lock and at most one rewrite;
     * a newly added identity is then moved past the values already in the column.
     */
    private static List<String> alterColumn(AlterColumn op) {
        String column = quote(op.columnName());
        String alter = "ALTER COLUMN " + column + " ";
        if (op.rebuilds()) {
            // the column's keys, checks and indexes are dropped before and added after by their own operations
            List<String> statements = new ArrayList<>(List.of(
                    alterTable(op.table()) + " DROP COLUMN " + column + ", ADD COLUMN " + columnDefinition(op.to())));
            if (op.to().comment() != null)
                statements.add(
                        columnComment(op.table(), op.columnName(), op.to().comment()));
            return statements;
        }
        List<String> actions = new ArrayList<>();
        if (op.generatedChanged()) actions.add(alter + "DROP EXPRESSION");
        Identity from = op.from().identity();
        Identity to = op.to().identity();
        // a default is dropped before a type change (PostgreSQL may not cast it) and set again after
        boolean resetDefault = op.defaultChanged() || op.typeChanged();
        if (resetDefault && op.from().defaultValue() != null) actions.add(alter + "DROP DEFAULT");
        if (from != Identity.NONE && to == Identity.NONE) actions.add(alter + "DROP IDENTITY");
        if (op.typeChanged() || op.collationChanged()) {
            String type = VisibleExpression.of(op.to().type());
            String collate = op.to().collation() == null
                    ? ""
                    : " COLLATE " + VisibleExpression.of(op.to().collation());
            actions.add(alter + "TYPE " + type + collate
                    + TypeConversion.using(
                            op.columnName(), op.from().type(), op.to().type()));
        }
        if (resetDefault && op.to().defaultValue() != null)
            actions.add(alter + "SET DEFAULT "
                    + VisibleExpression.of(op.to().defaultValue().expression()));
        if (op.nullabilityChanged()) actions.add(alter + (op.to().nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        if (from != Identity.NONE && to != Identity.NONE && from != to) {
            actions.add(alter + (to == Identity.ALWAYS ? "SET GENERATED ALWAYS" : "SET GENERATED BY DEFAULT"));
        }
        if (from != Identity.NONE
                && to != Identity.NONE
                && !op.from().identityOptions().equals(op.to().identityOptions())) {
            actions.add(alter + String.join(" ", op.to().identityOptions().setClauses()));
        }
        if (from == Identity.NONE && to != Identity.NONE) actions.add(alter + "ADD " + identity(op.to()));
        List<String> statements = new ArrayList<>();
        if (op.typeChanged())
            TypeConversion.guard(
                            op.table(),
                            op.columnName(),
                            op.from().type(),
                            op.to().type())
                    .ifPresent(statements::add);
        if (!actions.isEmpty()) statements.add(alterTable(op.table()) + " " + String.join(", ", actions));
        if (op.commentChanged())
            statements.add(columnComment(op.table(), op.columnName(), op.to().comment()));
        if (to != Identity.NONE
                && (from == Identity.NONE
                        || !op.from().identityOptions().equals(op.to().identityOptions()))) {
            // the identity's next value goes past the values already in the column
            IdentityOptions options = op.to().identityOptions();
            long start = options.effectiveStart();
            String next = options.descending()
                    ? "least(min(" + column + ") - 1, " + start + ")"
                    : "greatest(max(" + column + ") + 1, " + start + ")";
            statements.add("SELECT setval(pg_get_serial_sequence(" + literal(table(op.table())) + ", "
                    + literal(op.columnName()) + "), coalesce(" + next + ", " + start + "), false) FROM "
                    + table(op.table()));
        }
        return statements;
    }

    private static String alterTable(TableName name) {
        return "ALTER TABLE " + table(name);
    }

    private static String primaryKey(TableName table, PrimaryKey key) {
        return "CONSTRAINT " + quote(primaryKeyName(table, key)) + " PRIMARY KEY (" + columns(key.columns()) + ")";
    }

    private static String unique(TableName table, UniqueConstraint unique) {
        return "CONSTRAINT " + quote(uniqueName(table, unique)) + " UNIQUE"
                + (unique.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "") + " (" + columns(unique.columns()) + ")";
    }

    private static String check(TableName table, CheckConstraint check) {
        return "CONSTRAINT " + quote(checkName(table, check)) + " CHECK (" + VisibleExpression.of(check.expression())
                + ")";
    }

    /**
     * The constraint's name, or {@code <table>_<hash>_check}: unnamed checks have no column list to
     * name them by, so a short hash of the expression keeps several on one table apart.
     */
    static String checkName(TableName table, CheckConstraint check) {
        if (check.name() != null) return check.name();
        String hash = Integer.toHexString(check.expression().hashCode() & 0xfffffff);
        return defaultName(table.name(), hash, "check");
    }

    private static String foreignKey(TableName table, ForeignKey key) {
        StringBuilder sql = new StringBuilder("CONSTRAINT ")
                .append(quote(foreignKeyName(table, key)))
                .append(" FOREIGN KEY (")
                .append(columns(key.columns()))
                .append(") REFERENCES ")
                .append(table(key.referencedTable()))
                .append(" (")
                .append(columns(key.referencedColumns()))
                .append(')');
        if (key.onDelete() != ForeignKey.Action.NO_ACTION)
            sql.append(" ON DELETE ").append(key.onDelete().sql());
        if (key.onUpdate() != ForeignKey.Action.NO_ACTION)
            sql.append(" ON UPDATE ").append(key.onUpdate().sql());
        if (key.deferrable()) sql.append(" DEFERRABLE").append(key.initiallyDeferred() ? " INITIALLY DEFERRED" : "");
        return sql.toString();
    }

    private static String createIndex(TableName table, Index index) {
        return createIndex(table, index, java.util.Set.of());
    }

    private static String createIndex(TableName table, Index index, java.util.Set<Option> options) {
        StringBuilder sql = new StringBuilder("CREATE ")
                .append(index.unique() ? "UNIQUE " : "")
                .append("INDEX ")
                .append(options.contains(Option.CONCURRENTLY) ? "CONCURRENTLY " : "")
                .append(options.contains(Option.IF_NOT_EXISTS) ? "IF NOT EXISTS " : "")
                .append(quote(indexName(table, index)))
                .append(" ON ")
                .append(table(table));
        if (!index.method().equals("btree")) sql.append(" USING ").append(index.method());
        List<String> keys = new ArrayList<>();
        for (Index.Key key : index.keys()) {
            String text = key.isExpression() ? VisibleExpression.of(key.column()) : quote(key.column());
            if (key.opclass() != null) text += " " + key.opclass();
            if (key.descending()) text += key.nullsFirst() ? " DESC" : " DESC NULLS LAST";
            else if (key.nullsFirst()) text += " NULLS FIRST";
            keys.add(text);
        }
        sql.append(" (").append(String.join(", ", keys)).append(')');
        if (!index.include().isEmpty())
            sql.append(" INCLUDE (").append(columns(index.include())).append(')');
        if (index.nullsNotDistinct()) sql.append(" NULLS NOT DISTINCT");
        if (index.where() != null) sql.append(" WHERE ").append(VisibleExpression.of(index.where()));
        return sql.toString();
    }

    /** The index's name, or PostgreSQL's default {@code <table>_<columns>_idx} ({@code expr} for expressions). */
    static String indexName(TableName table, Index index) {
        if (index.name() != null) return index.name();
        String columns = index.keys().stream()
                .map(k -> k.isExpression() ? "expr" : k.column())
                .collect(Collectors.joining("_"));
        return defaultName(table.name(), columns, "idx");
    }

    private static String columns(List<String> columns) {
        return columns.stream().map(PostgresSql::quote).collect(Collectors.joining(", "));
    }

    /** The key's name, or PostgreSQL's default {@code <table>_pkey}. */
    static String primaryKeyName(TableName table, PrimaryKey key) {
        return key.name() != null ? key.name() : defaultName(table.name(), "", "pkey");
    }

    /** The constraint's name, or PostgreSQL's default {@code <table>_<columns>_key}. */
    static String uniqueName(TableName table, UniqueConstraint unique) {
        return unique.name() != null
                ? unique.name()
                : defaultName(table.name(), String.join("_", unique.columns()), "key");
    }

    /** The key's name, or PostgreSQL's default {@code <table>_<columns>_fkey}. */
    static String foreignKeyName(TableName table, ForeignKey key) {
        return key.name() != null ? key.name() : defaultName(table.name(), String.join("_", key.columns()), "fkey");
    }

    /**
     * The name PostgreSQL gives an unnamed constraint ({@code makeObjectName}): table, columns and
     * label joined by underscores, the longer of table and columns cut until the whole fits in 63 bytes.
     */
    static String defaultName(String table, String columns, String label) {
        int overhead = label.length() + 1 + (columns.isEmpty() ? 0 : 1);
        int tableBytes = bytes(table);
        int columnBytes = bytes(columns);
        while (tableBytes + columnBytes > MAX_IDENTIFIER_BYTES - overhead) {
            if (tableBytes > columnBytes) tableBytes--;
            else columnBytes--;
        }
        String name = truncate(table, tableBytes);
        if (!columns.isEmpty()) name += "_" + truncate(columns, columnBytes);
        return name + "_" + label;
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    static String truncate(String name, int maxBytes) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) return name;
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int cp : name.codePoints().toArray()) {
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) break;
            cut.appendCodePoint(cp);
            bytes += size;
        }
        return cut.toString();
    }
}
