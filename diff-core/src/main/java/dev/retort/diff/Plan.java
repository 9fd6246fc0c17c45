package dev.retort.diff;

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
import dev.retort.op.Hazard;
import dev.retort.op.InvalidateConstraint;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameConstraint;
import dev.retort.op.RenameIndex;
import dev.retort.op.RenameTable;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.TableElement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * An ordered list of upgrade operations; the downgrade is the reversed list of reversed operations.
 *
 * <p>{@link #of} puts operations in an order PostgreSQL can execute: new schemas are created (and
 * schemas' comments changed) first; foreign keys that go are
 * dropped, sequences released from their owning columns and enum types' casts dropped first; then sequences and enum types are created or changed (and an enum's casts added after it); composite types are created or changed (after the enum types they may use); new tables are created; each existing
 * table changes (old unique constraints and primary key dropped before columns change, new ones
 * added after, checks validated after they are added); tables that go are dropped; foreign keys are added (and validated), and sequences given their owning columns, once every table and key they
 * need exists (so cycles need no special case); composite types that go are dropped, then sequences and enum types that go, and the schemas the plan empties, last. Sorting is
 * stable, so columns are added in declaration order; a column default that names a label an enum
 * change removes changes just before it ({@link EnumDefaults}). An operation the ordering has no rank for is an
 * error ({@link AssertionError}), never put in some default place.
 */
public record Plan(List<Op> upgrade) {
    public static final Plan EMPTY = new Plan(List.of());

    public Plan {
        upgrade = List.copyOf(requireNonNull(upgrade, "upgrade"));
    }

    /** Orders the given operations into an executable plan. */
    public static Plan of(List<Op> ops) {
        List<Op> ordered = new ArrayList<>(ops);
        ordered.sort(Comparator.comparingInt((Op op) -> rank(op).phase())
                .thenComparing(Op::table)
                .thenComparingInt(op -> rank(op).step()));
        return new Plan(EnumDefaults.order(ordered));
    }

    public List<Op> downgrade() {
        List<Op> reversed = new ArrayList<>(upgrade.size());
        for (Op op : upgrade) reversed.add(op.reverse());
        Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    public boolean isEmpty() {
        return upgrade.isEmpty();
    }

    /**
     * The hazards of an operation among the operations it runs with: a foreign key or index added to
     * a table that the same list creates locks nothing that holds rows, so it is not marked; a {@code
     * SET NOT NULL} that the same list first proves with a validated {@code IS NOT NULL} check
     * ({@link OnlineForms#notNullCheck}) scans nothing, so its long lock is not marked.
     */
    public static List<Hazard> hazards(Op op, List<Op> context) {
        boolean onNewTable = (op instanceof AddForeignKey || op instanceof CreateIndex)
                && context.stream()
                        .anyMatch(other ->
                                other instanceof CreateTable c && c.table().equals(op.table()));
        if (onNewTable) return List.of();
        if (op instanceof AlterColumn a && a.setsNotNull()) {
            ValidateConstraint proof =
                    new ValidateConstraint(a.table(), OnlineForms.notNullCheck(a.table(), a.columnName()));
            if (context.contains(proof) || swapsInValidatedShadow(a, context)) {
                List<Hazard> rest = new ArrayList<>(op.hazards());
                rest.remove(a.notNullHazard());
                return List.copyOf(rest);
            }
        }
        return op.hazards();
    }

    /**
     * Whether the column is an expand/contract shadow renamed to its name in the same list, whose
     * not-null check the list then drops ({@link Retype#contract}): the expand step validated it, so
     * {@code SET NOT NULL} scans nothing.
     */
    private static boolean swapsInValidatedShadow(AlterColumn a, List<Op> context) {
        for (Op other : context) {
            if (!(other instanceof RenameColumn r) || !r.table().equals(a.table()) || !r.to().equals(a.columnName()))
                continue;
            DropCheck drop = new DropCheck(a.table(), OnlineForms.notNullCheck(a.table(), r.from()));
            if (context.contains(drop)) return true;
        }
        return false;
    }

    /** Where an operation goes: its phase, then its step among one existing table's changes. */
    record Rank(int phase, int step) {}

    private static final Rank SCHEMAS = new Rank(-1, 0);
    private static final Rank DROP_FOREIGN_KEYS = new Rank(0, 0);
    private static final Rank DROP_ENUM_CASTS = new Rank(0, 1);
    private static final Rank SEQUENCES_AND_ENUMS = new Rank(1, 0);
    private static final Rank ENUM_CASTS = new Rank(1, 1);
    private static final Rank COMPOSITE_TYPES = new Rank(2, 0);
    private static final Rank CREATE_TABLES = new Rank(3, 0);
    private static final Rank DROP_TABLES = new Rank(5, 0);
    private static final Rank ADD_FOREIGN_KEYS = new Rank(6, 0);
    private static final Rank DROP_COMPOSITE_TYPES = new Rank(7, 0);
    private static final Rank DROP_SEQUENCES_AND_ENUMS = new Rank(8, 0);
    private static final Rank DROP_SCHEMAS = new Rank(9, 0);

    /** A change to an existing table, at its step. */
    private static Rank inTable(int step) {
        return new Rank(4, step);
    }

    /** A foreign key is validated (or made not valid again) with the foreign keys, a check after the checks are added. */
    private static Rank validity(TableElement constraint) {
        return constraint instanceof ForeignKey ? ADD_FOREIGN_KEYS : inTable(7);
    }

    /** Every operation's rank; one that has none is a programming error, not something to put anywhere. */
    static Rank rank(Op op) {
        if (op instanceof DropForeignKey) return DROP_FOREIGN_KEYS;
        if (op instanceof AlterSequenceOwner o) return o.claims() ? ADD_FOREIGN_KEYS : DROP_FOREIGN_KEYS;
        if (op instanceof CreateSequence) return SEQUENCES_AND_ENUMS;
        if (op instanceof AlterSequence) return SEQUENCES_AND_ENUMS;
        if (op instanceof CreateEnum) return SEQUENCES_AND_ENUMS;
        if (op instanceof AlterEnum) return SEQUENCES_AND_ENUMS;
        if (op instanceof AddEnumCasts) return ENUM_CASTS;
        if (op instanceof DropEnumCasts) return DROP_ENUM_CASTS;
        if (op instanceof CreateType) return COMPOSITE_TYPES;
        if (op instanceof AlterType) return COMPOSITE_TYPES;
        if (op instanceof CreateTable) return CREATE_TABLES;
        if (op instanceof DropUnique) return inTable(0);
        if (op instanceof DropCheck) return inTable(0);
        if (op instanceof DropIndex) return inTable(0);
        if (op instanceof DropExclusion) return inTable(0);
        if (op instanceof AddExclusion) return inTable(0);
        if (op instanceof RenameColumn) return inTable(0);
        if (op instanceof RenameTable) return inTable(0);
        if (op instanceof RenameIndex) return inTable(0);
        if (op instanceof RenameConstraint) return inTable(0);
        if (op instanceof AlterTableComment) return inTable(0);
        if (op instanceof AlterTablePersistence) return inTable(0);
        if (op instanceof DropPrimaryKey) return inTable(1);
        if (op instanceof AddColumn) return inTable(2);
        if (op instanceof AlterColumn) return inTable(3);
        if (op instanceof DropColumn) return inTable(4);
        if (op instanceof AddPrimaryKey) return inTable(5);
        if (op instanceof AddUnique) return inTable(6);
        if (op instanceof AddCheck) return inTable(7);
        if (op instanceof CreateIndex) return inTable(8);
        if (op instanceof DropTable) return DROP_TABLES;
        if (op instanceof AddForeignKey) return ADD_FOREIGN_KEYS;
        if (op instanceof DropSequence) return DROP_SEQUENCES_AND_ENUMS;
        if (op instanceof DropEnum) return DROP_SEQUENCES_AND_ENUMS;
        if (op instanceof DropType) return DROP_COMPOSITE_TYPES;
        if (op instanceof ValidateConstraint v) return validity(v.constraint());
        if (op instanceof InvalidateConstraint i) return validity(i.constraint());
        if (op instanceof CreateSchema) return SCHEMAS;
        if (op instanceof AlterSchemaComment) return SCHEMAS;
        if (op instanceof DropSchema) return DROP_SCHEMAS;
        throw new AssertionError(op);
    }
}
