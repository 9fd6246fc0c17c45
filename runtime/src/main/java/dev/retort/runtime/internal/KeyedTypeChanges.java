package dev.retort.runtime.internal;

import dev.retort.VisibleText;
import dev.retort.mariadb.RetypedForeignKeys;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateTable;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.runtime.MigrationException;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A migration direction's type changes that MariaDB would stop halfway: it refuses to change the type or collation of
 * a column a foreign key uses, at either end, even with {@code foreign_key_checks = 0} (errors 1832 and 1833), and
 * by then the statements before it have committed. The live keys are read once and followed through the operations
 * in order (dropped, added, their columns and tables renamed), so a change is refused only when a key still uses its
 * column at that point; the keys a plan drops and adds around its type changes ({@code RetypedForeignKeys}) pass.
 */
final class KeyedTypeChanges {
    private KeyedTypeChanges() {}

    /** A key as the operations before the change leave it: its table and columns at both ends. */
    private record Key(
            String name, String table, List<String> columns, String referenced, List<String> referencedColumns) {
        Key renamedColumn(String inTable, String from, String to) {
            return new Key(
                    name,
                    table,
                    table.equals(inTable) ? renamed(columns, from, to) : columns,
                    referenced,
                    inTable.equals(referenced) ? renamed(referencedColumns, from, to) : referencedColumns);
        }

        Key renamedTable(String from, String to) {
            return new Key(
                    name,
                    table.equals(from) ? to : table,
                    columns,
                    from.equals(referenced) ? to : referenced,
                    referencedColumns);
        }

        private static List<String> renamed(List<String> columns, String from, String to) {
            return columns.stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList();
        }

        static boolean uses(List<String> columns, String column) {
            return columns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
        }
    }

    /** Throws before anything runs when one of {@code operations} would meet MariaDB's refusal. */
    static void refuse(Connection connection, String revision, List<Op> operations) throws SQLException {
        if (operations.stream().noneMatch(op -> op instanceof AlterColumn a && RetypedForeignKeys.refusedUnderAKey(a)))
            return;
        List<Key> keys = live(connection);
        for (Op op : operations) {
            if (op instanceof DropForeignKey d) {
                keys.removeIf(k -> k.table().equals(d.table().name())
                        && k.name().equalsIgnoreCase(d.key().name()));
            } else if (op instanceof AddForeignKey a) {
                keys.add(key(a.table(), a.key()));
            } else if (op instanceof CreateTable c) {
                for (ForeignKey key : c.definition().foreignKeys())
                    keys.add(key(c.definition().name(), key));
            } else if (op instanceof DropTable d) {
                keys.removeIf(k -> k.table().equals(d.definition().name().name()));
            } else if (op instanceof RenameColumn r) {
                keys.replaceAll(k -> k.renamedColumn(r.table().name(), r.from(), r.to()));
            } else if (op instanceof RenameTable r) {
                keys.replaceAll(k -> k.renamedTable(r.table().name(), r.to()));
            } else if (op instanceof AlterColumn a && RetypedForeignKeys.refusedUnderAKey(a)) {
                String table = a.table().name();
                String column = a.columnName();
                for (Key key : keys) {
                    boolean referencing = key.table().equals(table) && Key.uses(key.columns(), column);
                    boolean referenced = table.equals(key.referenced()) && Key.uses(key.referencedColumns(), column);
                    if (referencing || referenced) throw refusal(revision, a, key, referencing);
                }
            }
        }
    }

    private static Key key(QualifiedName table, ForeignKey key) {
        return new Key(
                key.name() == null ? "" : key.name(),
                table.name(),
                key.columns(),
                key.referencedTable().name(),
                key.referencedColumns());
    }

    /** The database's foreign keys in one read, their columns in order; a key to another database has no referenced end here. */
    private static List<Key> live(Connection connection) throws SQLException {
        Map<List<String>, List<String[]>> columns = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS name,"
                        + " COLUMN_NAME AS column_name, REFERENCED_TABLE_SCHEMA = DATABASE() AS here,"
                        + " REFERENCED_TABLE_NAME AS referenced, REFERENCED_COLUMN_NAME AS referenced_column"
                        + " FROM information_schema.KEY_COLUMN_USAGE"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL"
                        + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION")) {
            while (rs.next()) {
                String referenced = rs.getBoolean("here") ? rs.getString("referenced") : null;
                columns.computeIfAbsent(
                                List.of(rs.getString("table_name"), rs.getString("name")), k -> new ArrayList<>())
                        .add(new String[] {rs.getString("column_name"), referenced, rs.getString("referenced_column")});
            }
        }
        List<Key> keys = new ArrayList<>();
        columns.forEach((id, rows) -> keys.add(new Key(
                id.get(1),
                id.get(0),
                rows.stream().map(r -> r[0]).toList(),
                rows.get(0)[1],
                rows.stream().map(r -> r[2]).toList())));
        return keys;
    }

    private static MigrationException refusal(String revision, AlterColumn change, Key key, boolean referencing) {
        String what = change.collationChanged()
                        && change.from().type().equalsIgnoreCase(change.to().type())
                ? "the collation of "
                : "the type of ";
        return new MigrationException(
                revision,
                "revision " + revision + ": changing " + what + change.table().name() + "." + change.columnName()
                        + " would stop the migration halfway: MariaDB refuses it while foreign key "
                        + VisibleText.of(key.name(), false) + " (" + VisibleText.of(key.table(), false) + " ("
                        + VisibleText.of(String.join(", ", key.columns()), false) + ") -> "
                        + VisibleText.of(String.valueOf(key.referenced()), false) + " ("
                        + VisibleText.of(String.join(", ", key.referencedColumns()), false)
                        + ")) uses the column, even with"
                        + " foreign_key_checks = 0 (error " + (referencing ? 1832 : 1833) + "); drop the key before"
                        + " the change and add it again after (op.dropForeignKey, op.addForeignKey), as revision"
                        + " --autogenerate writes it",
                null);
    }
}
