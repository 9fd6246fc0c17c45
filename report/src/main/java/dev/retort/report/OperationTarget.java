package dev.retort.report;

import static java.util.Objects.requireNonNull;

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
import dev.retort.op.InvalidateConstraint;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameConstraint;
import dev.retort.op.RenameIndex;
import dev.retort.op.RenameTable;
import dev.retort.op.ValidateConstraint;
import dev.retort.postgres.PostgresSql;
import dev.retort.schema.QualifiedName;

/**
 * The object an operation changes, as a report names it: its type ({@code table}, {@code column}, {@code constraint},
 * {@code index}, {@code sequence}, {@code enum}, {@code type}), its schema-qualified table, sequence, enum or composite
 * type, and, as
 * applicable, the column, the constraint's or index's name (as created, when it has none of its own) and a rename's new
 * name. {@link #of} gives a table; each wither sets one more part.
 */
record OperationTarget(String type, QualifiedName qualified, String column, String name, String renamedTo) {
    OperationTarget {
        requireNonNull(type, "type");
        requireNonNull(qualified, "qualified");
    }

    /**
     * Whether {@link #qualified} names a table (else the sequence, enum or composite type itself, also its {@link
     * #name}, or, for a schema, the schema alone).
     */
    boolean onTable() {
        return !type.equals("sequence") && !type.equals("enum") && !type.equals("type") && !type.equals("schema");
    }

    static OperationTarget of(QualifiedName table) {
        return new OperationTarget("table", table, null, null, null);
    }

    OperationTarget withColumn(String newColumn) {
        return new OperationTarget("column", qualified, newColumn, name, renamedTo);
    }

    OperationTarget named(String newType, String newName) {
        return new OperationTarget(newType, qualified, column, newName, renamedTo);
    }

    OperationTarget withRenamedTo(String newName) {
        return new OperationTarget(type, qualified, column, name, newName);
    }

    /** The object one operation changes. */
    static OperationTarget changedBy(Op op) {
        QualifiedName t = op.table();
        if (op instanceof CreateTable
                || op instanceof DropTable
                || op instanceof AlterTableComment
                || op instanceof AlterTablePersistence) return of(t);
        if (op instanceof RenameTable r) return of(t).withRenamedTo(r.to());
        if (op instanceof AddColumn a) return of(t).withColumn(a.column().name());
        if (op instanceof DropColumn d) return of(t).withColumn(d.column().name());
        if (op instanceof AlterColumn a) return of(t).withColumn(a.columnName());
        if (op instanceof RenameColumn r) return of(t).withColumn(r.from()).withRenamedTo(r.to());
        if (op instanceof AddPrimaryKey a) return constraint(t, a.key());
        if (op instanceof DropPrimaryKey d) return constraint(t, d.key());
        if (op instanceof AddUnique a) return constraint(t, a.constraint());
        if (op instanceof DropUnique d) return constraint(t, d.constraint());
        if (op instanceof AddCheck a) return constraint(t, a.constraint());
        if (op instanceof DropCheck d) return constraint(t, d.constraint());
        if (op instanceof AddForeignKey a) return constraint(t, a.key());
        if (op instanceof DropForeignKey d) return constraint(t, d.key());
        if (op instanceof AddExclusion a)
            return of(t).named("constraint", a.constraint().name());
        if (op instanceof DropExclusion d)
            return of(t).named("constraint", d.constraint().name());
        if (op instanceof CreateIndex c) return of(t).named("index", PostgresSql.name(t, c.index()));
        if (op instanceof DropIndex d) return of(t).named("index", PostgresSql.name(t, d.index()));
        if (op instanceof RenameIndex r) return of(t).named("index", r.from()).withRenamedTo(r.to());
        if (op instanceof RenameConstraint r)
            return of(t).named("constraint", r.from()).withRenamedTo(r.to());
        if (op instanceof CreateSequence || op instanceof DropSequence) return sequence(t);
        if (op instanceof AlterSequence || op instanceof AlterSequenceOwner) return sequence(t);
        if (op instanceof CreateEnum || op instanceof DropEnum || op instanceof AlterEnum) return enumType(t);
        if (op instanceof AddEnumCasts || op instanceof DropEnumCasts) return enumType(t);
        if (op instanceof CreateType || op instanceof DropType || op instanceof AlterType)
            return new OperationTarget("type", t, null, t.name(), null);
        if (op instanceof ValidateConstraint v) return constraint(t, v.constraint());
        if (op instanceof InvalidateConstraint i) return constraint(t, i.constraint());
        if (op instanceof CreateSchema || op instanceof DropSchema || op instanceof AlterSchemaComment)
            return new OperationTarget("schema", new QualifiedName(t.name(), t.name()), null, t.name(), null);
        throw new AssertionError(op);
    }

    private static OperationTarget constraint(QualifiedName table, Object constraint) {
        return of(table).named("constraint", PostgresSql.name(table, constraint));
    }

    private static OperationTarget sequence(QualifiedName sequence) {
        return new OperationTarget("sequence", sequence, null, sequence.name(), null);
    }

    private static OperationTarget enumType(QualifiedName type) {
        return new OperationTarget("enum", type, null, type.name(), null);
    }
}
