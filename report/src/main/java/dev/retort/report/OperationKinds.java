package dev.retort.report;

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
import java.util.Map;

/**
 * The stable name of each operation type in the reports ({@code "add-column"}): a class may be renamed, its kind
 * stays. {@code OperationKindsTest} fails when an operation type has none, so whoever adds one names it here.
 */
public final class OperationKinds {
    private static final Map<Class<? extends Op>, String> KINDS = Map.ofEntries(
            Map.entry(CreateTable.class, "create-table"),
            Map.entry(DropTable.class, "drop-table"),
            Map.entry(RenameTable.class, "rename-table"),
            Map.entry(AlterTableComment.class, "alter-table-comment"),
            Map.entry(AlterTablePersistence.class, "alter-table-persistence"),
            Map.entry(AddColumn.class, "add-column"),
            Map.entry(DropColumn.class, "drop-column"),
            Map.entry(AlterColumn.class, "alter-column"),
            Map.entry(RenameColumn.class, "rename-column"),
            Map.entry(AddPrimaryKey.class, "add-primary-key"),
            Map.entry(DropPrimaryKey.class, "drop-primary-key"),
            Map.entry(AddUnique.class, "add-unique"),
            Map.entry(DropUnique.class, "drop-unique"),
            Map.entry(AddCheck.class, "add-check"),
            Map.entry(DropCheck.class, "drop-check"),
            Map.entry(AddForeignKey.class, "add-foreign-key"),
            Map.entry(DropForeignKey.class, "drop-foreign-key"),
            Map.entry(AddExclusion.class, "add-exclusion"),
            Map.entry(DropExclusion.class, "drop-exclusion"),
            Map.entry(CreateIndex.class, "create-index"),
            Map.entry(DropIndex.class, "drop-index"),
            Map.entry(RenameIndex.class, "rename-index"),
            Map.entry(RenameConstraint.class, "rename-constraint"),
            Map.entry(CreateSequence.class, "create-sequence"),
            Map.entry(DropSequence.class, "drop-sequence"),
            Map.entry(AlterSequence.class, "alter-sequence"),
            Map.entry(AlterSequenceOwner.class, "alter-sequence-owner"),
            Map.entry(CreateEnum.class, "create-enum"),
            Map.entry(DropEnum.class, "drop-enum"),
            Map.entry(AlterEnum.class, "alter-enum"),
            Map.entry(AddEnumCasts.class, "add-enum-casts"),
            Map.entry(DropEnumCasts.class, "drop-enum-casts"),
            Map.entry(CreateType.class, "create-type"),
            Map.entry(DropType.class, "drop-type"),
            Map.entry(AlterType.class, "alter-type"),
            Map.entry(ValidateConstraint.class, "validate-constraint"),
            Map.entry(InvalidateConstraint.class, "invalidate-constraint"),
            Map.entry(CreateSchema.class, "create-schema"),
            Map.entry(DropSchema.class, "drop-schema"),
            Map.entry(AlterSchemaComment.class, "alter-schema-comment"));

    private OperationKinds() {}

    /** The kind of an operation, as the reports write it. */
    public static String of(Op op) {
        String kind = KINDS.get(op.getClass());
        if (kind == null)
            throw new AssertionError("no report kind for " + op.getClass().getSimpleName());
        return kind;
    }

    /** Every kind by operation type. */
    public static Map<Class<? extends Op>, String> all() {
        return KINDS;
    }
}
