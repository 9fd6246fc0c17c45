package dev.retort.postgres;

import dev.retort.Dialect;
import dev.retort.SqlDialect;
import dev.retort.VisibleText;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddEnumCasts;
import dev.retort.op.AddExclusion;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterEnum;
import dev.retort.op.AlterSchemaComment;
import dev.retort.op.AlterSequence;
import dev.retort.op.AlterSequenceOwner;
import dev.retort.op.AlterTableComment;
import dev.retort.op.AlterTablePersistence;
import dev.retort.op.AlterType;
import dev.retort.op.ColumnChange;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSchema;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateType;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropEnum;
import dev.retort.op.DropEnumCasts;
import dev.retort.op.DropExclusion;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropSchema;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropType;
import dev.retort.op.DropUnique;
import dev.retort.op.InvalidateConstraint;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameConstraint;
import dev.retort.op.RenameIndex;
import dev.retort.op.RenameTable;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders operations as PostgreSQL statements, every identifier quoted: one dispatch here, the statements of each kind
 * of object in {@link TableSql}, {@link ColumnSql} (a table's column changes combined by {@link AlterTableSql}), {@link ConstraintSql}, {@link IndexSql}, {@link SequenceSql} and
 * {@link EnumSql}, {@link TypeSql}, {@link NamespaceSql}; and the escaping every identifier, literal and comment goes through.
 */
public final class PostgresSql {
    private PostgresSql() {}

    /** This renderer behind the dialect seam, for code that serves more than one database. */
    public static final SqlDialect DIALECT = new SqlDialect() {
        @Override
        public Dialect dialect() {
            return Dialect.POSTGRESQL;
        }

        @Override
        public List<String> statements(Op op) {
            return PostgresSql.statements(op);
        }

        @Override
        public List<String> alterTable(List<? extends ColumnChange> changes) {
            return PostgresSql.alterTable(changes);
        }

        @Override
        public boolean outsideTransaction(Op op) {
            return PostgresSql.outsideTransaction(op);
        }

        @Override
        public boolean transactionalDdl() {
            return true;
        }

        @Override
        public String quote(String identifier) {
            return PostgresSql.quote(identifier);
        }

        @Override
        public String literal(String value) {
            return PostgresSql.literal(value);
        }
    };

    /** The statements that perform one operation, in order. */
    public static List<String> statements(Op op) {
        if (op instanceof CreateTable c) return TableSql.create(c);
        if (op instanceof DropTable d) return TableSql.drop(d);
        if (op instanceof AddColumn a) return AlterTableSql.statements(List.of(a));
        if (op instanceof AlterTableComment c) return TableSql.comment(c);
        if (op instanceof AlterTablePersistence p) return TableSql.persistence(p);
        if (op instanceof DropColumn d) return AlterTableSql.statements(List.of(d));
        if (op instanceof AddExclusion a) return ConstraintSql.addExclusion(a);
        if (op instanceof DropExclusion d) return ConstraintSql.dropExclusion(d);
        if (op instanceof AlterColumn a) return AlterTableSql.statements(List.of(a));
        if (op instanceof AddPrimaryKey a) return ConstraintSql.addPrimaryKey(a);
        if (op instanceof DropPrimaryKey d) return ConstraintSql.dropPrimaryKey(d);
        if (op instanceof AddUnique a) return ConstraintSql.addUnique(a);
        if (op instanceof DropUnique d) return ConstraintSql.dropUnique(d);
        if (op instanceof AddCheck a) return ConstraintSql.addCheck(a);
        if (op instanceof DropCheck d) return ConstraintSql.dropCheck(d);
        if (op instanceof AddForeignKey a) return ConstraintSql.addForeignKey(a);
        if (op instanceof DropForeignKey d) return ConstraintSql.dropForeignKey(d);
        if (op instanceof RenameColumn r) return TableSql.renameColumn(r);
        if (op instanceof RenameTable r) return TableSql.rename(r);
        if (op instanceof CreateIndex c) return IndexSql.create(c);
        if (op instanceof DropIndex d) return IndexSql.drop(d);
        if (op instanceof RenameIndex r) return IndexSql.rename(r);
        if (op instanceof RenameConstraint r) return ConstraintSql.rename(r);
        if (op instanceof CreateEnum c) return EnumSql.create(c);
        if (op instanceof DropEnum d) return EnumSql.drop(d);
        if (op instanceof AlterEnum a) return EnumSql.alter(a);
        if (op instanceof AddEnumCasts a) return EnumSql.addCasts(a);
        if (op instanceof DropEnumCasts d) return EnumSql.dropCasts(d);
        if (op instanceof CreateType c) return TypeSql.create(c);
        if (op instanceof DropType d) return TypeSql.drop(d);
        if (op instanceof AlterType a) return TypeSql.alter(a);
        if (op instanceof CreateSequence c) return SequenceSql.create(c);
        if (op instanceof DropSequence d) return SequenceSql.drop(d);
        if (op instanceof AlterSequenceOwner o) return SequenceSql.alterOwner(o);
        if (op instanceof AlterSequence a) return SequenceSql.alter(a);
        if (op instanceof ValidateConstraint v) return ConstraintSql.validate(v);
        if (op instanceof InvalidateConstraint i) return ConstraintSql.invalidate(i);
        if (op instanceof CreateSchema c) return NamespaceSql.create(c);
        if (op instanceof DropSchema d) return NamespaceSql.drop(d);
        if (op instanceof AlterSchemaComment a) return NamespaceSql.comment(a);
        throw new AssertionError(op);
    }

    /**
     * The statements that perform operations in order, each table's consecutive column changes
     * combined into one {@code ALTER TABLE} ({@link ColumnChange#runs}).
     */
    public static List<String> statements(List<Op> ops) {
        List<String> statements = new ArrayList<>();
        for (List<Op> run : ColumnChange.runs(ops)) {
            if (run.size() == 1) {
                statements.addAll(statements(run.get(0)));
            } else {
                statements.addAll(
                        alterTable(run.stream().map(ColumnChange.class::cast).toList()));
            }
        }
        return statements;
    }

    /**
     * One table's column changes as one {@code ALTER TABLE}: the guards of narrowing type changes
     * before it, comments and identity moves after it ({@link AlterTableSql}).
     */
    public static List<String> alterTable(List<? extends ColumnChange> changes) {
        return AlterTableSql.statements(changes);
    }

    /**
     * Whether what an operation makes can be used only once it is committed: enum labels added with
     * {@code ADD VALUE} ("unsafe use of new value" in the same transaction).
     */
    public static boolean commitBeforeUse(Op op) {
        return op instanceof AlterEnum a && a.from().onlyAddsTo(a.to());
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

    public static String table(QualifiedName name) {
        return name.schema() == null ? quote(name.name()) : quote(name.schema()) + "." + quote(name.name());
    }

    /**
     * The name a table's index or constraint has in the database: its own, else the one it gets when Retort creates it
     * (PostgreSQL's default, or {@code <table>_<hash>_check} for an unnamed check).
     */
    public static String name(QualifiedName table, Object indexOrConstraint) {
        if (indexOrConstraint instanceof Index i) return ObjectNames.indexName(table, i);
        if (indexOrConstraint instanceof PrimaryKey p) return ObjectNames.primaryKeyName(table, p);
        if (indexOrConstraint instanceof UniqueConstraint u) return ObjectNames.uniqueName(table, u);
        if (indexOrConstraint instanceof ForeignKey f) return ObjectNames.foreignKeyName(table, f);
        if (indexOrConstraint instanceof CheckConstraint c) return ObjectNames.checkName(table, c);
        throw new IllegalArgumentException("not an index or constraint: " + indexOrConstraint);
    }

    /** Identifiers quoted and separated by commas: {@code "a", "b"}. */
    static String columnList(List<String> columns) {
        return columns.stream().map(PostgresSql::quote).collect(Collectors.joining(", "));
    }
}
