package dev.retort.op;

import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Set;

/**
 * One schema change. The same records are produced by the differ, rendered by codegen, built by
 * the migration DSL and executed as SQL; each knows its inverse and its hazards.
 */
public sealed interface Op
        permits CreateTable,
                DropTable,
                ColumnChange,
                AddPrimaryKey,
                DropPrimaryKey,
                AddUnique,
                DropUnique,
                AddCheck,
                DropCheck,
                AddForeignKey,
                DropForeignKey,
                CreateIndex,
                DropIndex,
                CreateSequence,
                DropSequence,
                AlterSequence,
                AlterSequenceOwner,
                RenameColumn,
                RenameTable,
                RenameIndex,
                RenameConstraint,
                AlterTableComment,
                AlterTablePersistence,
                CreateEnum,
                DropEnum,
                AlterEnum,
                AddEnumCasts,
                DropEnumCasts,
                CreateType,
                DropType,
                AlterType,
                AddExclusion,
                DropExclusion,
                ValidateConstraint,
                InvalidateConstraint,
                CreateSchema,
                DropSchema,
                AlterSchemaComment {

    /** The table (or, for sequence operations, the sequence; for schema operations, the schema as a name in none) this operation changes. */
    QualifiedName table();

    /** The operation that undoes this one; {@code op.reverse().reverse().equals(op)}. */
    Op reverse();

    /** The hand-written options it runs with ({@code CONCURRENTLY}, {@code IF EXISTS}, ...); none for most operations. */
    default Set<Option> options() {
        return Set.of();
    }

    /** What a reviewer must know before this runs; empty when it is harmless. */
    default List<Hazard> hazards() {
        return List.of();
    }
}
