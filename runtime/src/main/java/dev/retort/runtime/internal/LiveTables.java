package dev.retort.runtime.internal;

import dev.retort.SqlDialect;
import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.op.ColumnChange;
import dev.retort.op.DropColumn;
import dev.retort.runtime.Step;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The live renderers ({@link RunnerDialect#liveSql}) of one run of statements on a connection: a table's live columns
 * are read before the first statement that changes its columns, and read again only when a statement that ran since
 * may have changed what the next one keeps, that is when it changed one of the columns the next one alters, or was
 * anything but column changes (hand-written SQL, a rename, a table dropped and created again). A change of one
 * column leaves the collation, {@code ON UPDATE} and generation of the others as they were.
 */
final class LiveTables {
    private final RunnerDialect dialect;
    private final Connection connection;
    private final Map<QualifiedName, Read> reads = new HashMap<>();

    /** A table's renderer and the columns (lower case) changed since it was read. */
    private record Read(SqlDialect sql, Set<String> changedSince) {}

    LiveTables(RunnerDialect dialect, Connection connection) {
        this.dialect = dialect;
        this.connection = connection;
    }

    /** A statement of {@code step} ran (null: one of unknown origin): what it may have changed is read again when needed. */
    void ran(Step step) {
        if (step instanceof Step.Change change && change.op() instanceof ColumnChange c) changed(c.table(), List.of(c));
        else if (step instanceof Step.ColumnChanges changes) changed(changes.table(), changes.changes());
        else reads.clear();
    }

    /** The live renderer for {@code changes} of {@code table}: the one read before, unless what they alter changed since. */
    SqlDialect renderer(QualifiedName table, List<? extends ColumnChange> changes) {
        Read known = reads.get(table);
        Set<String> altered = new HashSet<>();
        for (ColumnChange change : changes) if (change instanceof AlterColumn a) altered.add(lower(a.columnName()));
        if (known != null && Collections.disjoint(known.changedSince(), altered)) return known.sql();
        SqlDialect sql = dialect.liveSql(connection, table);
        reads.put(table, new Read(sql, new HashSet<>()));
        return sql;
    }

    /**
     * Marks the columns changed in every read of a table of that name: one table may be named with and without its
     * database, and MariaDB compares column names (and, on some servers, table names) without case.
     */
    private void changed(QualifiedName table, List<? extends ColumnChange> changes) {
        for (Map.Entry<QualifiedName, Read> read : reads.entrySet()) {
            if (!read.getKey().name().equalsIgnoreCase(table.name())) continue;
            for (ColumnChange change : changes) read.getValue().changedSince().add(lower(column(change)));
        }
    }

    private static String column(ColumnChange change) {
        if (change instanceof AddColumn a) return a.column().name();
        if (change instanceof DropColumn d) return d.column().name();
        if (change instanceof AlterColumn a) return a.columnName();
        throw new AssertionError(change);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
