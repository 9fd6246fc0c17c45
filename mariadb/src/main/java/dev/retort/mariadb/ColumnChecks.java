package dev.retort.mariadb;

import dev.retort.diff.Plan;
import dev.retort.op.AddCheck;
import dev.retort.op.AlterColumn;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A plan's drops and column changes made right for MariaDB's column-level checks ({@code qty int CHECK (qty >= 0)}, as
 * Hibernate writes a column's check), which MariaDB names after the column and which no {@code DROP CONSTRAINT} drops
 * (error 1091): only the column's {@code MODIFY} or {@code DROP} does, and every {@code MODIFY} does. So a plan that
 * drops one rewrites its column as it is ({@code reapply}), and a plan that changes a column with one it keeps drops
 * it before the change and adds it again after, as a table's check (the renderer writes such a drop {@code IF
 * EXISTS}: {@link MariaDbSql#within}). The downgrade adds a table's check where the column's was: the same check.
 */
public final class ColumnChecks {
    private ColumnChecks() {}

    /** The plan with those steps; itself when the current tables have no column-level check it touches. */
    public static Plan of(Plan plan, Schema current, Map<QualifiedName, TableDetails> details, Schema target) {
        Set<Named> droppedChecks = new HashSet<>();
        Set<Named> rewritten = new HashSet<>();
        Set<Named> droppedColumns = new HashSet<>();
        Set<QualifiedName> droppedTables = new HashSet<>();
        for (Op op : plan.upgrade()) {
            if (op instanceof DropCheck d && d.constraint().name() != null)
                droppedChecks.add(Named.of(d.table(), d.constraint().name()));
            if (op instanceof AlterColumn a) rewritten.add(Named.of(a.table(), a.columnName()));
            if (op instanceof DropColumn d)
                droppedColumns.add(Named.of(d.table(), d.column().name()));
            if (op instanceof DropTable d) droppedTables.add(d.table());
        }
        List<Op> extra = new ArrayList<>();
        for (Table table : current.tables()) {
            TableDetails tableDetails = details.get(table.name());
            if (tableDetails == null || tableDetails.columnChecks().isEmpty() || droppedTables.contains(table.name()))
                continue;
            for (CheckConstraint check : table.checks()) {
                if (check.name() == null || !tableDetails.columnChecks().contains(check.name())) continue;
                Named column = Named.of(table.name(), check.name());
                Optional<Column> own = table.column(check.name());
                if (own.isEmpty() || droppedColumns.contains(column)) continue;
                if (droppedChecks.contains(column)) {
                    if (!rewritten.contains(column))
                        extra.add(new AlterColumn(table.name(), own.get(), own.get(), true));
                } else if (rewritten.contains(column)) {
                    extra.add(new DropCheck(table.name(), check));
                    extra.add(new AddCheck(table.name(), kept(target, table.name(), check)));
                }
            }
        }
        if (extra.isEmpty()) return plan;
        List<Op> ops = new ArrayList<>(plan.upgrade());
        ops.addAll(extra);
        return Plan.of(ops);
    }

    /** The target's check that the current one is (same expression as printed), or the current one. */
    private static CheckConstraint kept(Schema target, QualifiedName table, CheckConstraint check) {
        return target.table(table).stream()
                .flatMap(t -> t.checks().stream())
                .filter(c -> Objects.equals(printed(c), printed(check)))
                .findFirst()
                .orElse(check);
    }

    private static String printed(CheckConstraint check) {
        return check.canonical() != null ? check.canonical() : check.expression();
    }

    /** A column (or a check named as one) of a table, compared without case, as MariaDB compares column names. */
    private record Named(QualifiedName table, String name) {
        static Named of(QualifiedName table, String name) {
            return new Named(table, name.toLowerCase(Locale.ROOT));
        }
    }
}
