package dev.retort.diff;

import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterSequence;
import dev.retort.op.AlterSequenceOwner;
import dev.retort.op.AlterTableComment;
import dev.retort.op.AlterTablePersistence;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropUnique;
import dev.retort.op.Op;
import dev.retort.op.RenameConstraint;
import dev.retort.op.RenameIndex;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.TableElement;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Computes the operations that turn a current schema (usually the live database) into a target
 * schema (usually the entity model).
 *
 * <p>Comparison goes level by level, the way Alembic's does: at each level what exists only in the
 * target is created, what exists only in the current schema is dropped, and what exists in both is
 * compared one level down. Pure: no I/O, and the returned plan is the whole record of what it
 * decided. A plan that would drop or create a table in place of a partition, a partitioned table or
 * an inheritance child of the other side is refused ({@link OutsideScopeException}), and so is one
 * that would have to drop a schema still holding objects Retort leaves alone ({@link NonEmptySchemaException}),
 * and one whose persistence changes no order makes PostgreSQL accept ({@link PersistenceOrderException}).
 */
public final class Differ {
    private Differ() {}

    public static Plan diff(Schema current, Schema target) {
        return diff(current, target, List.of());
    }

    /** The plan, with the project's column comparison hooks consulted before Retort's own comparison. */
    public static Plan diff(Schema current, Schema target, List<ColumnComparison> comparisons) {
        OutsideScopeException.check(current, target);
        List<Op> ops = new ArrayList<>(NamespaceDiffer.diff(current, target));
        ops.addAll(diffSequences(current.sequences(), followed(current, target)));
        ops.addAll(EnumDiffer.diff(current.enums(), target.enums()));
        ops.addAll(CompositeDiffer.diff(current.types(), target.types()));
        Map<QualifiedName, Table> currentTables = byName(current.tables(), Table::name);
        Map<QualifiedName, Table> targetTables = byName(target.tables(), Table::name);
        for (Table table : target.tables()) {
            Table existing = currentTables.get(table.name());
            if (existing == null) {
                ops.add(new CreateTable(table.withoutForeignKeysAndIndexes()));
                table.indexes().forEach(index -> ops.add(new CreateIndex(table.name(), index)));
                table.foreignKeys().forEach(key -> ops.add(new AddForeignKey(table.name(), key)));
            } else {
                ops.addAll(diffTable(existing, table, comparisons));
            }
        }
        for (Table table : current.tables()) {
            if (!targetTables.containsKey(table.name())) {
                table.foreignKeys().forEach(key -> ops.add(new DropForeignKey(table.name(), key)));
                table.indexes().forEach(index -> ops.add(new DropIndex(table.name(), index)));
                ops.add(new DropTable(table.withoutForeignKeysAndIndexes()));
            }
        }
        Plan plan = Plan.of(EnumDefaults.split(ops));
        return new Plan(PersistenceOrder.order(plan.upgrade(), current, target));
    }

    /**
     * The target's sequences, each owned by a table the plan makes unlogged or logged given the
     * persistence it has now when it follows its table on both sides: {@code ALTER TABLE ... SET
     * LOGGED} (and {@code SET UNLOGGED}) changes the table's sequences too, so the sequence needs no
     * change of its own.
     */
    private static List<Sequence> followed(Schema current, Schema target) {
        Map<QualifiedName, Sequence> currentByName = byName(current.sequences(), Sequence::name);
        List<Sequence> sequences = new ArrayList<>();
        for (Sequence sequence : target.sequences()) {
            Sequence existing = currentByName.get(sequence.name());
            QualifiedName owner = sequence.ownerTable();
            Table before = owner == null ? null : current.table(owner).orElse(null);
            Table after = owner == null ? null : target.table(owner).orElse(null);
            boolean follows = existing != null
                    && before != null
                    && after != null
                    && owner.equals(existing.ownerTable())
                    && before.unlogged() != after.unlogged()
                    && existing.unlogged() == before.unlogged()
                    && sequence.unlogged() == after.unlogged();
            sequences.add(follows ? sequence.withUnlogged(existing.unlogged()) : sequence);
        }
        return sequences;
    }

    static List<Op> diffSequences(List<Sequence> current, List<Sequence> target) {
        List<Op> ops = new ArrayList<>();
        Map<QualifiedName, Sequence> currentByName = byName(current, Sequence::name);
        Map<QualifiedName, Sequence> targetByName = byName(target, Sequence::name);
        for (Sequence sequence : target) {
            Sequence existing = currentByName.get(sequence.name());
            if (existing == null) {
                ops.add(new CreateSequence(sequence.withoutOwner()));
                if (sequence.ownedBy() != null)
                    ops.add(new AlterSequenceOwner(sequence.name(), null, sequence.ownedBy()));
                continue;
            }
            if (!existing.withoutOwner().equals(sequence.withoutOwner())) {
                ops.add(new AlterSequence(existing.withoutOwner(), sequence.withoutOwner()));
            }
            if (!Objects.equals(existing.ownedBy(), sequence.ownedBy())) {
                if (existing.ownedBy() != null)
                    ops.add(new AlterSequenceOwner(sequence.name(), existing.ownedBy(), null));
                if (sequence.ownedBy() != null)
                    ops.add(new AlterSequenceOwner(sequence.name(), null, sequence.ownedBy()));
            }
        }
        for (Sequence sequence : current) {
            if (targetByName.containsKey(sequence.name())) continue;
            if (sequence.ownedBy() != null) ops.add(new AlterSequenceOwner(sequence.name(), sequence.ownedBy(), null));
            ops.add(new DropSequence(sequence.withoutOwner()));
        }
        return ops;
    }

    static List<Op> diffTable(Table current, Table target) {
        return diffTable(current, target, List.of());
    }

    static List<Op> diffTable(Table current, Table target, List<ColumnComparison> comparisons) {
        List<Op> ops = new ArrayList<>();
        QualifiedName name = target.name();
        Map<String, Column> currentColumns = byName(current.columns(), Column::name);
        Map<String, Column> targetColumns = byName(target.columns(), Column::name);
        Set<String> rebuilt = new HashSet<>();
        for (Column column : target.columns()) {
            Column existing = currentColumns.get(column.name());
            if (existing == null) {
                ops.add(new AddColumn(name, column));
                continue;
            }
            ColumnComparison.Verdict verdict = verdict(comparisons, name, existing, column);
            if (verdict == ColumnComparison.Verdict.SAME) continue;
            if (!existing.sameAs(column)) {
                AlterColumn alter = new AlterColumn(name, existing, column);
                if (alter.rebuilds()) rebuilt.add(column.name());
                ops.add(alter);
            } else if (verdict == ColumnComparison.Verdict.DIFFERENT) {
                ops.add(new AlterColumn(name, existing, column, true));
            }
        }
        for (Column column : current.columns()) {
            if (!targetColumns.containsKey(column.name())) ops.add(new DropColumn(name, column));
        }
        // a column dropped and added again takes its keys, checks and indexes with it: they go and come back
        ColumnDependents before = new ColumnDependents(current, rebuilt);
        ColumnDependents after = new ColumnDependents(target, rebuilt);
        ops.addAll(diffPrimaryKey(name, before.primaryKey, after.primaryKey));
        ops.addAll(diffUniques(name, before.uniques, after.uniques));
        ops.addAll(diffChecks(name, before.checks, after.checks));
        ops.addAll(diffForeignKeys(name, before.foreignKeys, after.foreignKeys));
        ops.addAll(diffIndexes(name, before.indexes, after.indexes));
        if (!rebuilt.isEmpty()) {
            before.dropped.forEach(element -> ops.add(drop(name, element)));
            after.dropped.forEach(element -> ops.add(drop(name, element).reverse()));
        }
        if (!Objects.equals(current.comment(), target.comment())) {
            ops.add(new AlterTableComment(name, current.comment(), target.comment()));
        }
        if (current.unlogged() != target.unlogged()) ops.add(new AlterTablePersistence(name, target.unlogged()));
        return ops;
    }

    private static ColumnComparison.Verdict verdict(
            List<ColumnComparison> comparisons, QualifiedName table, Column database, Column model) {
        for (ColumnComparison comparison : comparisons) {
            ColumnComparison.Verdict verdict = comparison.compare(table, database, model);
            if (verdict != null && verdict != ColumnComparison.Verdict.UNDECIDED) return verdict;
        }
        return ColumnComparison.Verdict.UNDECIDED;
    }

    private static Op drop(QualifiedName table, TableElement element) {
        if (element instanceof PrimaryKey key) return new DropPrimaryKey(table, key);
        if (element instanceof UniqueConstraint unique) return new DropUnique(table, unique);
        if (element instanceof CheckConstraint check) return new DropCheck(table, check);
        if (element instanceof ForeignKey key) return new DropForeignKey(table, key);
        if (element instanceof Index index) return new DropIndex(table, index);
        throw new AssertionError(element);
    }

    /**
     * Unique constraints are the same when they cover the same columns in the same order, with the
     * same NULLS, whatever their names; a matched one whose name both sides give (an entity's only when
     * the mapping names it) is renamed, as {@link #renames} does it.
     */
    static List<Op> diffUniques(QualifiedName table, List<UniqueConstraint> current, List<UniqueConstraint> target) {
        List<Op> ops = new ArrayList<>(byShape(
                current,
                target,
                UniqueConstraint::unnamed,
                UniqueConstraint::name,
                u -> new AddUnique(table, u),
                u -> new DropUnique(table, u)));
        Set<Object> changed = new HashSet<>();
        for (Op op : ops) {
            if (op instanceof AddUnique a) changed.add(a.constraint().unnamed());
            if (op instanceof DropUnique d) changed.add(d.constraint().unnamed());
        }
        ops.addAll(renames(
                current,
                target,
                changed,
                UniqueConstraint::unnamed,
                UniqueConstraint::name,
                unique -> true,
                true,
                (from, to) -> new RenameConstraint(table, from, to)));
        return ops;
    }

    /**
     * Check constraints are the same when their conjuncts and inheritance are, whatever their names
     * (and, all together, their number, when every one is inherited and valid); a matched check whose
     * validity differs is validated (or made not valid again).
     */
    static List<Op> diffChecks(QualifiedName table, List<CheckConstraint> current, List<CheckConstraint> target) {
        boolean plain = Stream.concat(current.stream(), target.stream()).allMatch(c -> c.inheritable() && c.valid());
        if (plain && CheckConstraint.meaning(current).equals(CheckConstraint.meaning(target))) return List.of();
        List<Op> ops = byShape(
                current,
                target,
                CheckConstraint::shape,
                CheckConstraint::name,
                c -> new AddCheck(table, c),
                c -> new DropCheck(table, c));
        Set<Object> added = new HashSet<>();
        for (Op op : ops) if (op instanceof AddCheck a) added.add(a.constraint().shape());
        ops.addAll(
                ConstraintValidity.diff(table, current, target, CheckConstraint::shape, CheckConstraint::valid, added));
        return ops;
    }

    /**
     * Indexes are the same when everything but their names is; a matched index whose name differs
     * is renamed when the target's name is meant (not one the mapping made up, {@link
     * Index#implicitName}), as {@link #renames} does it.
     */
    static List<Op> diffIndexes(QualifiedName table, List<Index> current, List<Index> target) {
        List<Op> ops = new ArrayList<>(byShape(
                current,
                target,
                Index::unnamed,
                Index::name,
                i -> new CreateIndex(table, i),
                i -> new DropIndex(table, i)));
        Set<Object> changed = new HashSet<>();
        for (Op op : ops) {
            if (op instanceof CreateIndex c) changed.add(c.index().unnamed());
            if (op instanceof DropIndex d) changed.add(d.index().unnamed());
        }
        ops.addAll(renames(
                current,
                target,
                changed,
                Index::unnamed,
                Index::name,
                index -> !index.implicitName(),
                false,
                (from, to) -> new RenameIndex(table, from, to)));
        return ops;
    }

    /**
     * The renames of matched elements whose meant names differ (in more than letter case, where
     * that is no difference), in an
     * order that works: a rename waits for the element holding its new name to be renamed away, and
     * names that only swap stay as they are. Elements the plan drops or adds are not renamed.
     */
    private static <T> List<Op> renames(
            List<T> current,
            List<T> target,
            Set<Object> changed,
            Function<T, Object> shape,
            Function<T, String> name,
            Predicate<T> meant,
            boolean ignoreCase,
            BiFunction<String, String, Op> rename) {
        Set<String> held = new HashSet<>();
        for (T element : current) if (!changed.contains(shape.apply(element))) held.add(name.apply(element));
        Map<Object, T> targetByShape = byName(target, shape);
        Map<T, String> pending = new LinkedHashMap<>();
        for (T element : current) {
            T matched = targetByShape.get(shape.apply(element));
            if (matched == null || changed.contains(shape.apply(element)) || !meant.test(matched)) continue;
            String from = name.apply(element);
            String to = name.apply(matched);
            if (from != null && to != null && !(ignoreCase ? from.equalsIgnoreCase(to) : from.equals(to)))
                pending.put(element, to);
        }
        List<Op> ops = new ArrayList<>();
        for (boolean renamed = true; renamed; ) {
            renamed = false;
            for (Iterator<Map.Entry<T, String>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<T, String> next = it.next();
                if (held.contains(next.getValue())) continue;
                String from = name.apply(next.getKey());
                ops.add(rename.apply(from, next.getValue()));
                held.remove(from);
                held.add(next.getValue());
                it.remove();
                renamed = true;
            }
        }
        return ops;
    }

    /**
     * Foreign keys are the same when everything but their names and validity is; a matched key whose
     * validity differs is validated (or made not valid again).
     */
    static List<Op> diffForeignKeys(QualifiedName table, List<ForeignKey> current, List<ForeignKey> target) {
        List<Op> ops = byShape(
                current,
                target,
                ForeignKey::shape,
                ForeignKey::name,
                k -> new AddForeignKey(table, k),
                k -> new DropForeignKey(table, k));
        Set<Object> added = new HashSet<>();
        for (Op op : ops) if (op instanceof AddForeignKey a) added.add(a.key().shape());
        ops.addAll(ConstraintValidity.diff(table, current, target, ForeignKey::shape, ForeignKey::valid, added));
        return ops;
    }

    /**
     * Matches elements by shape, whatever their names: those only in the target are added, those
     * only in the current schema dropped. A matched element whose name an added one takes (a check
     * {@code x} now called {@code y}, while a new check is called {@code x}) is dropped and added
     * again under its new name, so the names never clash.
     */
    private static <T> List<Op> byShape(
            List<T> current,
            List<T> target,
            Function<T, Object> shape,
            Function<T, String> name,
            Function<T, Op> add,
            Function<T, Op> drop) {
        Map<Object, T> currentByShape = byName(current, shape);
        Map<Object, T> targetByShape = byName(target, shape);
        Set<String> added = new HashSet<>();
        for (T element : target) {
            if (!currentByShape.containsKey(shape.apply(element)) && name.apply(element) != null)
                added.add(name.apply(element));
        }
        Set<Object> moved = new HashSet<>();
        for (T element : current) {
            T matched = targetByShape.get(shape.apply(element));
            String old = name.apply(element);
            if (matched != null && old != null && added.contains(old) && !old.equals(name.apply(matched)))
                moved.add(shape.apply(element));
        }
        List<Op> ops = new ArrayList<>();
        for (T element : target) {
            Object key = shape.apply(element);
            if (!currentByShape.containsKey(key) || moved.contains(key)) ops.add(add.apply(element));
        }
        for (T element : current) {
            Object key = shape.apply(element);
            if (!targetByShape.containsKey(key) || moved.contains(key)) ops.add(drop.apply(element));
        }
        return ops;
    }

    static List<Op> diffPrimaryKey(QualifiedName table, PrimaryKey current, PrimaryKey target) {
        if (current == null && target == null) return List.of();
        if (current != null && current.sameAs(target, table.name())) return List.of();
        List<Op> ops = new ArrayList<>(2);
        Optional.ofNullable(current).ifPresent(key -> ops.add(new DropPrimaryKey(table, key)));
        Optional.ofNullable(target).ifPresent(key -> ops.add(new AddPrimaryKey(table, key)));
        return ops;
    }

    /** Values by key; the first of several with the same key wins (two identical constraints are one). */
    static <K, V> Map<K, V> byName(List<V> values, Function<V, K> key) {
        return values.stream()
                .collect(Collectors.toMap(key, Function.identity(), (first, second) -> first, LinkedHashMap::new));
    }
}
