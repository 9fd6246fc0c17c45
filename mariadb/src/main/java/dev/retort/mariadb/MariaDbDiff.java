package dev.retort.mariadb;

import static java.util.Objects.requireNonNull;

import dev.retort.diff.Differ;
import dev.retort.diff.Plan;
import dev.retort.op.AddCheck;
import dev.retort.op.DropCheck;
import dev.retort.op.Op;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.TableFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * What turns one MariaDB database into another: the shared differ's {@link Plan} over the two
 * {@link Schema}s, and, one line each, the changes to what only {@link TableDetails} holds (engine,
 * character set and collation, {@code ON UPDATE}, virtual or stored generation, index prefix lengths) of
 * the tables both have. Those lines are not operations of the shared model: they become statements with the MariaDB SQL
 * renderer ({@link #upgradeSql}, {@link #downgradeSql}). {@code from} and {@code to} are the two catalogs with
 * only the tables compared.
 */
public record MariaDbDiff(Plan plan, List<String> details, MariaDbCatalog from, MariaDbCatalog to) {
    public MariaDbDiff {
        requireNonNull(plan, "plan");
        details = List.copyOf(requireNonNull(details, "details"));
        requireNonNull(from, "from");
        requireNonNull(to, "to");
    }

    /**
     * The statements that turn {@code from} into {@code to}: the plan's upgrade, each table written with
     * {@code to}'s details ({@link #upgradeRenderer}), then the changes to the details of the tables both have
     * ({@link #detailsUpgradeSql}).
     */
    public List<String> upgradeSql() {
        List<String> statements =
                new ArrayList<>(upgradeRenderer().within(plan.upgrade()).statements(plan.upgrade()));
        statements.addAll(detailsUpgradeSql());
        return statements;
    }

    /** The statements that turn {@code to} back into {@code from}: the plan's downgrade, then the details' reverse. */
    public List<String> downgradeSql() {
        List<String> statements = new ArrayList<>(
                MariaDbSql.of(from.details()).within(plan.downgrade()).statements(plan.downgrade()));
        statements.addAll(detailsSql(to, from, plan.downgrade()));
        return statements;
    }

    /** The renderer of the upgrade: it writes what it creates and changes with {@code to}'s table details. */
    public MariaDbSql upgradeRenderer() {
        return MariaDbSql.of(to.details());
    }

    /** The statements that change the details {@link #details} lists, run after the plan's upgrade. */
    public List<String> detailsUpgradeSql() {
        return detailsSql(from, to, plan.upgrade());
    }

    /** The details' statements after {@code ops}, whose check drops and adds are left as they make them. */
    private static List<String> detailsSql(MariaDbCatalog was, MariaDbCatalog is, List<Op> ops) {
        List<String> statements = new ArrayList<>();
        for (Table table : is.schema().tables()) {
            Optional<Table> old = was.schema().table(table.name());
            if (old.isEmpty()) continue;
            TableDetails before = was.details().get(table.name());
            TableDetails after = is.details().get(table.name());
            if (before == null || after == null) continue;
            statements.addAll(DetailSql.statements(table, old.get(), before, after, checksOf(ops, table.name())));
        }
        return statements;
    }

    /** The difference from {@code from} to {@code to}, over the tables and sequences the filter accepts and not left out. */
    public static MariaDbDiff of(
            MariaDbCatalog from, MariaDbCatalog to, TableFilter tables, Set<QualifiedName> leftOut) {
        return of(from, to, tables, leftOut, Differ::diff);
    }

    /**
     * The same, the plan made by {@code differ} (a pipeline's, with its comparison hooks) rather than the bare differ;
     * either way with the foreign keys in the way of its type changes dropped and added again ({@link
     * RetypedForeignKeys}).
     */
    public static MariaDbDiff of(
            MariaDbCatalog from,
            MariaDbCatalog to,
            TableFilter tables,
            Set<QualifiedName> leftOut,
            BiFunction<Schema, Schema, Plan> differ) {
        return of(from, to, tables, leftOut, differ, false);
    }

    /** The same on the server's terms: on MySQL ({@code mysql}), {@link RetypedForeignKeys}'s MySQL keys. */
    public static MariaDbDiff of(
            MariaDbCatalog from,
            MariaDbCatalog to,
            TableFilter tables,
            Set<QualifiedName> leftOut,
            BiFunction<Schema, Schema, Plan> differ,
            boolean mysql) {
        Schema current = tables.apply(from.schema().withoutTables(leftOut));
        Schema target = tables.apply(to.schema().withoutTables(leftOut));
        List<String> details = new ArrayList<>();
        for (Table table : target.tables()) {
            if (current.table(table.name()).isEmpty()) continue;
            TableDetails was = from.details().get(table.name());
            TableDetails is = to.details().get(table.name());
            if (was != null && is != null)
                details.addAll(changes(table, current.table(table.name()).get(), was, is));
        }
        return new MariaDbDiff(
                ColumnChecks.of(
                        RetypedForeignKeys.of(differ.apply(current, target), current, target, mysql),
                        current,
                        from.details(),
                        target),
                details,
                new MariaDbCatalog(from.database(), current, from.details()),
                new MariaDbCatalog(to.database(), target, to.details()));
    }

    public boolean isEmpty() {
        return plan.isEmpty() && details.isEmpty();
    }

    private static List<String> changes(Table table, Table old, TableDetails was, TableDetails is) {
        List<String> lines = new ArrayList<>();
        String name = table.name().toString();
        option(lines, name, "engine", was.engine(), is.engine());
        option(lines, name, "charset", was.charset(), is.charset());
        option(lines, name, "collation", was.collation(), is.collation());
        for (Column column : table.columns()) {
            if (old.column(column.name()).isEmpty()) continue;
            String onUpdateWas = was.onUpdate().get(column.name());
            String onUpdateIs = is.onUpdate().get(column.name());
            if (!Objects.equals(onUpdateWas, onUpdateIs)) {
                lines.add("alter column " + name + "." + column.name() + ": on update " + orNone(onUpdateWas) + " -> "
                        + orNone(onUpdateIs));
            }
            boolean bothGenerated = column.generated() != null
                    && old.column(column.name()).get().generated() != null;
            boolean virtualWas = was.virtualColumns().contains(column.name());
            boolean virtualIs = is.virtualColumns().contains(column.name());
            if (bothGenerated && virtualWas != virtualIs) {
                lines.add("alter column " + name + "." + column.name() + ": generated " + kind(virtualWas) + " -> "
                        + kind(virtualIs));
            }
            boolean invisibleWas = was.invisibleColumns().contains(column.name());
            boolean invisibleIs = is.invisibleColumns().contains(column.name());
            if (invisibleWas != invisibleIs) {
                lines.add("alter column " + name + "." + column.name() + ": " + visibility(invisibleWas) + " -> "
                        + visibility(invisibleIs));
            }
            boolean compressedWas = was.compressedColumns().contains(column.name());
            boolean compressedIs = is.compressedColumns().contains(column.name());
            if (compressedWas != compressedIs) {
                lines.add("alter column " + name + "." + column.name() + ": " + compression(compressedWas) + " -> "
                        + compression(compressedIs));
            }
        }
        Set<String> indexes = new TreeSet<>(was.prefixes().keySet());
        indexes.addAll(is.prefixes().keySet());
        for (String index : indexes) {
            if (!hasIndex(old, index) || !hasIndex(table, index)) continue;
            List<Integer> prefixWas = was.prefixes().get(index);
            List<Integer> prefixIs = is.prefixes().get(index);
            if (!Objects.equals(prefixWas, prefixIs)) {
                lines.add("alter index " + name + "." + index + ": key prefix lengths " + prefixes(prefixWas) + " -> "
                        + prefixes(prefixIs));
            }
        }
        return lines;
    }

    /** The names of the checks of {@code table} that {@code ops} add or drop. */
    private static Set<String> checksOf(List<Op> ops, QualifiedName table) {
        Set<String> names = new HashSet<>();
        for (Op op : ops) {
            CheckConstraint check = op instanceof AddCheck a && a.table().equals(table)
                    ? a.constraint()
                    : op instanceof DropCheck d && d.table().equals(table) ? d.constraint() : null;
            if (check != null && check.name() != null) names.add(check.name());
        }
        return names;
    }

    private static String visibility(boolean invisible) {
        return invisible ? "invisible" : "visible";
    }

    private static String compression(boolean compressed) {
        return compressed ? "compressed" : "not compressed";
    }

    private static void option(List<String> lines, String table, String what, String was, String is) {
        if (!Objects.equals(was, is))
            lines.add("alter table options " + table + ": " + what + " " + orNone(was) + " -> " + orNone(is));
    }

    private static boolean hasIndex(Table table, String name) {
        return table.indexes().stream().anyMatch(i -> name.equals(i.name()))
                || table.uniques().stream().anyMatch(u -> name.equals(u.name()));
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    private static String kind(boolean virtual) {
        return virtual ? "virtual" : "stored";
    }

    private static String prefixes(List<Integer> lengths) {
        if (lengths == null) return "(whole columns)";
        List<String> parts = new ArrayList<>();
        for (Integer length : lengths) parts.add(length == null ? "whole" : Integer.toString(length));
        return "(" + String.join(", ", parts) + ")";
    }
}
