package dev.retort.autogenerate;

import dev.retort.diff.HazardPolicy;
import dev.retort.diff.Plan;
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
import dev.retort.op.Hazard;
import dev.retort.op.InvalidateConstraint;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameConstraint;
import dev.retort.op.RenameIndex;
import dev.retort.op.RenameTable;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import dev.retort.schema.TableElement;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One-line descriptions of operations, for {@code check}, {@code revision --autogenerate} and the
 * integrations that list operations as {@code check} does. The text holds names from the database and
 * the entities as they are: spell it through the target's escaping before it reaches a terminal.
 */
public final class OpText {
    private OpText() {}

    /**
     * The plan's operations as {@code check} lists them under its first line: each on a line indented by
     * two spaces, followed by its hazards indented by four ({@code HAZARD kind: message}).
     */
    public static List<String> listing(Plan plan) {
        return listing(plan, HazardPolicy.POSTGRESQL);
    }

    /** As {@link #listing(Plan)}, the hazards as {@code hazards} (the database's policy) judges them. */
    public static List<String> listing(Plan plan, HazardPolicy hazards) {
        List<String> lines = new ArrayList<>();
        for (Op op : plan.upgrade()) {
            lines.add("  " + describe(op));
            for (Hazard hazard : hazards.hazards(op, plan.upgrade())) lines.add("    " + hazard);
        }
        return lines;
    }

    public static String describe(Op op) {
        String options = options(op);
        return options.isEmpty() ? operation(op) : operation(op) + " (" + options + ")";
    }

    /** The hand-written options of an operation, in lower case ({@code concurrently, if not exists}). */
    private static String options(Op op) {
        return Arrays.stream(Option.values())
                .filter(op.options()::contains)
                .map(o -> o.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    private static String operation(Op op) {
        if (op instanceof CreateTable c) return "add table " + c.table();
        if (op instanceof DropTable d) return "drop table " + d.table();
        if (op instanceof AddColumn a)
            return "add column " + a.table() + "." + a.column().name() + " " + column(a.column());
        if (op instanceof DropColumn d)
            return "drop column " + d.table() + "." + d.column().name();
        if (op instanceof AddExclusion a)
            return "add exclusion " + a.table() + " " + a.constraint().name() + " "
                    + a.constraint().definition();
        if (op instanceof DropExclusion d)
            return "drop exclusion " + d.table() + " " + d.constraint().name();
        if (op instanceof AlterColumn a) return "alter column " + a.table() + "." + a.columnName() + ": " + changes(a);
        if (op instanceof AddPrimaryKey a) return "add primary key " + a.table() + primaryKey(a.table(), a.key());
        if (op instanceof DropPrimaryKey d) return "drop primary key " + d.table() + primaryKey(d.table(), d.key());
        if (op instanceof AddUnique a) return "add unique " + a.table() + " " + unique(a.constraint());
        if (op instanceof DropUnique d) return "drop unique " + d.table() + " " + unique(d.constraint());
        if (op instanceof AddCheck a) return "add check " + a.table() + " " + check(a.constraint());
        if (op instanceof DropCheck d) return "drop check " + d.table() + " " + check(d.constraint());
        if (op instanceof AddForeignKey a) return "add foreign key " + foreignKey(a.table(), a.key());
        if (op instanceof DropForeignKey d) return "drop foreign key " + foreignKey(d.table(), d.key());
        if (op instanceof AlterTableComment c)
            return "alter table comment " + c.table() + ": " + quoted(c.from()) + " -> " + quoted(c.to());
        if (op instanceof AlterTablePersistence p)
            return "alter table persistence " + p.table() + ": "
                    + (p.unlogged() ? "logged -> unlogged" : "unlogged -> logged");
        if (op instanceof RenameColumn r) return "rename column " + r.table() + "." + r.from() + " to " + r.to();
        if (op instanceof RenameTable r) return "rename table " + r.table() + " to " + r.to();
        if (op instanceof CreateIndex c) return "add index " + index(c.table(), c.index());
        if (op instanceof DropIndex d) return "drop index " + index(d.table(), d.index());
        if (op instanceof RenameIndex r)
            return r.keepsItsName()
                    ? "keep index " + r.from() + " on " + r.table() + " as the table's own (rename it to its name)"
                    : "rename index " + r.from() + " on " + r.table() + " to " + r.to();
        if (op instanceof RenameConstraint r)
            return "rename constraint " + r.from() + " on " + r.table() + " to " + r.to();
        if (op instanceof CreateEnum c) return "add enum " + c.type().name() + " " + labels(c.type());
        if (op instanceof DropEnum d) return "drop enum " + d.type().name();
        if (op instanceof AddEnumCasts a) return "add casts of enum " + a.type() + ": " + casts(a.type(), a.casts());
        if (op instanceof DropEnumCasts d) return "drop casts of enum " + d.type() + ": " + casts(d.type(), d.casts());
        if (op instanceof AlterEnum a)
            return "alter enum " + a.to().name() + ": " + labels(a.from()) + " -> " + labels(a.to());
        if (op instanceof CreateType c) return "add type " + c.type().name() + " " + attributes(c.type());
        if (op instanceof DropType d) return "drop type " + d.type().name();
        if (op instanceof AlterType a) return "alter type " + a.to().name() + ": " + attributeChanges(a.changes());
        if (op instanceof CreateSequence c) return "add sequence " + sequence(c.sequence());
        if (op instanceof DropSequence d) return "drop sequence " + d.sequence().name();
        if (op instanceof AlterSequenceOwner o) {
            return "alter sequence " + o.sequence() + ": owned by " + (o.from() == null ? "none" : o.from()) + " -> "
                    + (o.to() == null ? "none" : o.to());
        }
        if (op instanceof AlterSequence a)
            return "alter sequence " + a.to().name() + ": " + a.from().options() + " -> " + a.to().options();
        if (op instanceof ValidateConstraint v) return "validate " + constraint(v.table(), v.constraint());
        if (op instanceof InvalidateConstraint i) return "invalidate " + constraint(i.table(), i.constraint());
        if (op instanceof CreateSchema c)
            return "add schema " + c.schema().name()
                    + (c.schema().comment() == null
                            ? ""
                            : " comment " + quoted(c.schema().comment()));
        if (op instanceof DropSchema d) return "drop schema " + d.schema().name();
        if (op instanceof AlterSchemaComment c)
            return "alter schema comment " + c.schema() + ": " + quoted(c.from()) + " -> " + quoted(c.to());
        throw new AssertionError(op);
    }

    private static String check(CheckConstraint check) {
        return check.expression() + (check.inheritable() ? "" : " no inherit") + (check.valid() ? "" : " not valid");
    }

    /** "check t (expression)" or "foreign key t (columns) -> ...": what is validated. */
    private static String constraint(QualifiedName table, TableElement constraint) {
        if (constraint instanceof CheckConstraint c) return "check " + table + " " + check(c);
        return "foreign key " + foreignKey(table, (ForeignKey) constraint);
    }

    private static String unique(UniqueConstraint unique) {
        return "(" + String.join(", ", unique.columns()) + ")"
                + (unique.nullsNotDistinct() ? " nulls not distinct" : "");
    }

    private static String foreignKey(QualifiedName table, ForeignKey key) {
        String text = table + " (" + String.join(", ", key.columns()) + ") -> " + key.referencedTable() + " ("
                + String.join(", ", key.referencedColumns()) + ")";
        if (key.onDelete() != ForeignKey.Action.NO_ACTION)
            text += " on delete " + key.onDelete().sql().toLowerCase(Locale.ROOT);
        if (key.onUpdate() != ForeignKey.Action.NO_ACTION)
            text += " on update " + key.onUpdate().sql().toLowerCase(Locale.ROOT);
        if (key.deferrable()) text += key.initiallyDeferred() ? " deferrable initially deferred" : " deferrable";
        return key.valid() ? text : text + " not valid";
    }

    /** The casts, from varchar first: "varchar -> mood, mood -> varchar". */
    private static String casts(QualifiedName type, Set<EnumType.Cast> casts) {
        List<String> shown = new ArrayList<>();
        if (casts.contains(EnumType.Cast.FROM_VARCHAR)) shown.add("varchar -> " + type);
        if (casts.contains(EnumType.Cast.TO_VARCHAR)) shown.add(type + " -> varchar");
        return String.join(", ", shown);
    }

    /** {@code (zip integer, city text collate "C")} */
    private static String attributes(CompositeType type) {
        return "(" + type.attributes().stream().map(OpText::attribute).collect(Collectors.joining(", ")) + ")";
    }

    private static String attribute(Attribute attribute) {
        return attribute.name() + " " + typeOf(attribute);
    }

    private static String typeOf(Attribute attribute) {
        return attribute.type() + (attribute.collation() == null ? "" : " collate " + attribute.collation());
    }

    /** {@code drop attribute x, alter attribute zip type bigint, add attribute zone varchar(255)} */
    private static String attributeChanges(AlterType.Changes changes) {
        List<String> shown = new ArrayList<>();
        changes.dropped().forEach(a -> shown.add("drop attribute " + a.name()));
        changes.retyped().forEach(a -> shown.add("alter attribute " + a.name() + " type " + typeOf(a)));
        changes.added().forEach(a -> shown.add("add attribute " + attribute(a)));
        return String.join(", ", shown);
    }

    private static String labels(EnumType type) {
        return "(" + type.values().stream().map(OpText::quoted).collect(Collectors.joining(", ")) + ")";
    }

    private static String quoted(String text) {
        return text == null ? "none" : "'" + text + "'";
    }

    private static String index(QualifiedName table, Index index) {
        String keys = index.keys().stream()
                .map(k -> k.column()
                        + (k.opclass() == null ? "" : " " + k.opclass())
                        + (k.descending() ? " desc" : "")
                        + (k.nullsFirst() != k.descending() ? (k.nullsFirst() ? " nulls first" : " nulls last") : ""))
                .collect(Collectors.joining(", "));
        String text = (index.unique() ? "unique " : "") + table + " (" + keys + ")";
        if (!index.method().equals("btree")) text += " using " + index.method();
        if (!index.include().isEmpty()) text += " include (" + String.join(", ", index.include()) + ")";
        if (index.nullsNotDistinct()) text += " nulls not distinct";
        return index.where() == null ? text : text + " where " + index.where();
    }

    private static String sequence(Sequence sequence) {
        return sequence.name() + " " + sequence.options();
    }

    private static String column(Column column) {
        String text = column.type();
        if (column.collation() != null) text += " collate " + column.collation();
        if (column.generated() != null)
            text += " generated as (" + column.generated().expression() + ")";
        if (column.identity() != Identity.NONE) {
            text += " identity "
                    + column.identity().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (column.identityOptions().isDefault() ? "" : " (" + column.identityOptions() + ")");
        }
        if (column.defaultValue() != null)
            text += " default " + column.defaultValue().expression();
        return column.nullable() ? text : text + " NOT NULL";
    }

    private static String identity(Column column) {
        String options = column.identityOptions().isDefault() ? "" : " (" + column.identityOptions() + ")";
        return column.identity().name().toLowerCase(Locale.ROOT) + options;
    }

    private static String changes(AlterColumn op) {
        List<String> changes = new ArrayList<>();
        if (op.reapply() && op.from().sameAs(op.to()))
            return "type and default set again as they are (a comparison hook finds a difference, or on MariaDB the"
                    + " column's own check is to go)";
        if (op.typeChanged())
            changes.add("type " + op.from().type() + " -> " + op.to().type());
        if (op.nullabilityChanged()) changes.add(op.to().nullable() ? "NOT NULL -> nullable" : "nullable -> NOT NULL");
        if (op.commentChanged())
            changes.add("comment " + quoted(op.from().comment()) + " -> "
                    + quoted(op.to().comment()));
        // after a type change the same default text canonicalises differently; it is set again, not changed
        boolean sameText = op.from().defaultValue() != null
                && op.to().defaultValue() != null
                && op.from()
                        .defaultValue()
                        .expression()
                        .equals(op.to().defaultValue().expression());
        if (op.defaultChanged() && !(op.typeChanged() && sameText)) {
            changes.add("default "
                    + (op.from().defaultValue() == null
                            ? "none"
                            : op.from().defaultValue().expression()) + " -> "
                    + (op.to().defaultValue() == null
                            ? "none"
                            : op.to().defaultValue().expression()));
        }
        if (op.generatedChanged()) {
            changes.add("generated "
                    + (op.from().generated() == null
                            ? "none"
                            : "as (" + op.from().generated().expression() + ")") + " -> "
                    + (op.to().generated() == null
                            ? "none"
                            : "as (" + op.to().generated().expression() + ")"));
        }
        if (op.collationChanged()) {
            changes.add("collation "
                    + (op.from().collation() == null ? "default" : op.from().collation()) + " -> "
                    + (op.to().collation() == null ? "default" : op.to().collation()));
        }
        if (op.identityChanged()) {
            changes.add("identity " + identity(op.from()) + " -> " + identity(op.to()));
        }
        return String.join(", ", changes);
    }

    /** A key's columns, after its name when it has one other than PostgreSQL's default. */
    private static String primaryKey(QualifiedName table, PrimaryKey key) {
        String columns = " (" + String.join(", ", key.columns()) + ")";
        boolean given = key.name() != null && !key.name().equals(DefaultNames.of(table.name(), "", "pkey"));
        return given ? " " + key.name() + columns : columns;
    }
}
