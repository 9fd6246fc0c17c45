package dev.retort.diff;

import static java.util.Objects.requireNonNull;

import dev.retort.op.AddCheck;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.ColumnChange;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.DropCheck;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.DropUnique;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lock-safe forms of one direction's operations ({@code safety = online}), split into blocks
 * that run in the migration's transaction and blocks that run in autocommit. Only tables that
 * exist before the operations run and stay after them are touched: a table the same list creates
 * holds no rows, one it drops goes with its rows, and both keep the plain forms.
 *
 * <ul>
 *   <li>an index is created {@code CONCURRENTLY}, in an autocommit block of its own, right after
 *       {@code DROP INDEX CONCURRENTLY IF EXISTS} of its name: a concurrent build that failed leaves
 *       an {@code INVALID} index behind, which the next run drops and builds again (the comparison
 *       found no index of that name, so one there at run time is such a leftover); an index is
 *       dropped {@code CONCURRENTLY} in a block of its own;
 *   <li>a foreign key or check is added {@code NOT VALID} in the transaction, and validated at the
 *       end, each in an autocommit block of its own: the {@code ADD} commits first, so its lock is
 *       held for a moment, and {@code VALIDATE CONSTRAINT} reads the rows in a transaction of its
 *       own under a lock that lets writes through (validating in the {@code ADD}'s transaction
 *       would keep the {@code ADD}'s lock for the whole scan); last, so that a validation that fails
 *       on rows finds every other statement committed; a constraint the comparison found not valid
 *       is validated so too;
 *   <li>{@code SET NOT NULL} on a column whose type stays is preceded by a check {@code "c" IS NOT
 *       NULL} added {@code NOT VALID} and validated in an autocommit block (in place, not at the
 *       end), which PostgreSQL 12+ takes as proof instead of scanning, and followed by dropping that
 *       check in the transaction of the {@code SET NOT NULL}; the checks go around the table's whole
 *       run of column changes, which stays one {@code ALTER TABLE};
 *   <li>a unique constraint or primary key is built as a unique index of the constraint's name,
 *       {@code CONCURRENTLY} (with the same drop of a leftover first), then added {@code USING
 *       INDEX}; an unnamed unique constraint is given the name its index is built under
 *       ({@link DefaultNames#uniqueName}), and so is an unnamed one the other direction drops: on
 *       MariaDB, which would name an unnamed one after its first column, the downgrade then drops
 *       the index the upgrade built (PostgreSQL's SQL is the same either way).
 * </ul>
 *
 * Each direction is given its own forms (the downgrade is the plain downgrade made safe, not the
 * reverse of the safe upgrade), so a downgrade drops a constraint the upgrade added with one
 * statement.
 */
public final class OnlineForms {
    /** Operations that run together: in the migration's transaction, or in one autocommit block. */
    public record Block(boolean autocommit, List<Op> ops) {
        public Block {
            ops = List.copyOf(requireNonNull(ops, "ops"));
            if (ops.isEmpty()) throw new IllegalArgumentException("empty block");
        }
    }

    private final Set<QualifiedName> createdOrDropped;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Op> transaction = new ArrayList<>();
    private final List<ValidateConstraint> validations = new ArrayList<>();

    private OnlineForms(List<Op> ops) {
        createdOrDropped = ops.stream()
                .filter(op -> op instanceof CreateTable || op instanceof DropTable)
                .map(Op::table)
                .collect(Collectors.toSet());
    }

    /** One direction's operations, in order, as the blocks of their lock-safe forms. */
    public static List<Block> of(List<Op> ops) {
        OnlineForms forms = new OnlineForms(ops);
        for (List<Op> run : ColumnChange.runs(ops)) forms.add(run);
        forms.flush();
        for (ValidateConstraint validation : forms.validations) forms.autocommit(validation);
        return List.copyOf(forms.blocks);
    }

    /** The operations of blocks, in order, as one list (what hazards are judged among). */
    public static List<Op> flatten(List<Block> blocks) {
        return blocks.stream().flatMap(b -> b.ops().stream()).toList();
    }

    /** The plain forms: every operation in the migration's transaction ({@code safety = simple}). */
    public static List<Block> plain(List<Op> ops) {
        return ops.isEmpty() ? List.of() : List.of(new Block(false, ops));
    }

    /** The check a safe {@code SET NOT NULL} on {@code column} adds, validates and drops. */
    public static CheckConstraint notNullCheck(QualifiedName table, String column) {
        String quoted = '"' + column.replace("\"", "\"\"") + '"';
        return CheckConstraint.of(quoted + " IS NOT NULL")
                .named(DefaultNames.shortened(table.name(), column, "nn_check"));
    }

    /**
     * The column whose safe {@code SET NOT NULL} {@code check} is ({@link #notNullCheck}: its expression and name),
     * or null for any other check: what a renderer without such checks (MariaDB) recognises the path by.
     */
    public static String notNullColumn(QualifiedName table, CheckConstraint check) {
        String expression = check.expression();
        String suffix = "\" IS NOT NULL";
        if (!expression.startsWith("\"") || !expression.endsWith(suffix)) return null;
        String quoted = expression.substring(1, expression.length() - suffix.length());
        if (quoted.replace("\"\"", "").contains("\"")) return null;
        String column = quoted.replace("\"\"", "\"");
        return notNullCheck(table, column).name().equals(check.name()) ? column : null;
    }

    private void add(List<Op> run) {
        Op first = run.get(0);
        if (createdOrDropped.contains(first.table())) {
            transaction.addAll(run);
        } else if (first instanceof ColumnChange) {
            columnChanges(run);
        } else {
            add(first);
        }
    }

    private void add(Op op) {
        if (op instanceof CreateIndex c && c.options().isEmpty()) {
            build(c.table(), c.index());
        } else if (op instanceof DropIndex d && d.options().isEmpty()) {
            autocommit(new DropIndex(d.table(), d.index(), Set.of(Option.CONCURRENTLY)));
        } else if (op instanceof AddForeignKey a && a.key().valid()) {
            transaction.add(new AddForeignKey(a.table(), a.key(), Set.of(Option.NOT_VALID)));
            validations.add(new ValidateConstraint(a.table(), a.key()));
        } else if (op instanceof AddCheck a && a.constraint().valid()) {
            transaction.add(new AddCheck(a.table(), a.constraint().notValid()));
            validations.add(new ValidateConstraint(a.table(), a.constraint()));
        } else if (op instanceof ValidateConstraint v) {
            validations.add(v);
        } else if (op instanceof AddUnique a && a.options().isEmpty()) {
            UniqueConstraint unique = a.constraint();
            String name = DefaultNames.uniqueName(a.table(), unique);
            build(a.table(), uniqueIndex(name, unique.columns()).withNullsNotDistinct(unique.nullsNotDistinct()));
            transaction.add(new AddUnique(a.table(), unique.named(name), Set.of(Option.USING_INDEX)));
        } else if (op instanceof DropUnique d && d.constraint().name() == null) {
            transaction.add(new DropUnique(
                    d.table(), d.constraint().named(DefaultNames.uniqueName(d.table(), d.constraint())), d.options()));
        } else if (op instanceof AddPrimaryKey a && a.options().isEmpty()) {
            PrimaryKey key = a.key();
            String name =
                    key.name() != null ? key.name() : DefaultNames.of(a.table().name(), "", "pkey");
            build(a.table(), uniqueIndex(name, key.columns()));
            transaction.add(new AddPrimaryKey(a.table(), key, Set.of(Option.USING_INDEX)));
        } else {
            transaction.add(op);
        }
    }

    /** A table's run of column changes: every safe {@code SET NOT NULL} of it checked first, the checks dropped after. */
    private void columnChanges(List<Op> run) {
        List<CheckConstraint> checks = new ArrayList<>();
        for (Op op : run) {
            if (op instanceof AlterColumn a && a.setsNotNull() && !a.typeChanged() && !a.rebuilds())
                checks.add(notNullCheck(a.table(), a.columnName()));
        }
        QualifiedName table = run.get(0).table();
        for (CheckConstraint check : checks) transaction.add(new AddCheck(table, check.notValid()));
        for (CheckConstraint check : checks) autocommit(new ValidateConstraint(table, check));
        transaction.addAll(run);
        for (CheckConstraint check : checks) transaction.add(new DropCheck(table, check));
    }

    /** {@code CREATE [UNIQUE] INDEX CONCURRENTLY}, after dropping a leftover of the same name, in one autocommit block. */
    private void build(QualifiedName table, Index index) {
        flush();
        blocks.add(new Block(
                true,
                List.of(
                        new DropIndex(table, index, EnumSet.of(Option.CONCURRENTLY, Option.IF_EXISTS)),
                        new CreateIndex(table, index, Set.of(Option.CONCURRENTLY)))));
    }

    private static Index uniqueIndex(String name, List<String> columns) {
        return Index.of(columns.stream().map(Index.Key::of).toList()).asUnique().named(name);
    }

    private void autocommit(Op op) {
        flush();
        blocks.add(new Block(true, List.of(op)));
    }

    private void flush() {
        if (transaction.isEmpty()) return;
        blocks.add(new Block(false, transaction));
        transaction.clear();
    }
}
