package dev.retort.runtime.internal;

import dev.retort.VisibleText;
import dev.retort.mariadb.ForeignKeyTracker;
import dev.retort.mariadb.ForeignKeyTracker.TableMatch;
import dev.retort.mariadb.ForeignKeyTracker.TrackedKey;
import dev.retort.mariadb.InnoDbInstant;
import dev.retort.mariadb.RetypedForeignKeys;
import dev.retort.op.AlterColumn;
import dev.retort.op.DropColumn;
import dev.retort.op.Op;
import dev.retort.runtime.MigrationException;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration direction's type changes that MariaDB would stop halfway: it refuses to change the type or collation of
 * a column a foreign key uses, at either end, even with {@code foreign_key_checks = 0} (errors 1832 and 1833), and
 * by then the statements before it have committed. The live keys are read once and followed through the operations
 * in order by a {@code ForeignKeyTracker} (dropped, added, their columns and tables renamed), so a change is refused
 * only when a key still uses its column at that point; the keys a plan drops and adds around its type changes
 * ({@code RetypedForeignKeys}) pass. MySQL refuses the same (error 3780; 1832 for a {@code varchar} it would copy), but
 * widens a {@code varchar} under a key where it widens it in place: its longest value stays on the same side of 255
 * bytes in the live column's character set.
 */
final class KeyedTypeChanges {
    private KeyedTypeChanges() {}

    /** Throws before anything runs when one of {@code operations} would meet MariaDB's refusal. */
    static void refuse(Connection connection, String revision, List<Op> operations) throws SQLException {
        refuse(connection, revision, operations, false);
    }

    /** The same on MySQL's terms with {@code mysql}. */
    static void refuse(Connection connection, String revision, List<Op> operations, boolean mysql) throws SQLException {
        if (operations.stream().noneMatch(op -> op instanceof AlterColumn a && RetypedForeignKeys.refusedUnderAKey(a)))
            return;
        // the live keys are the connection's database's: matched by table name, whatever schema an operation names
        ForeignKeyTracker keys = new ForeignKeyTracker(TableMatch.NAME, live(connection));
        for (Op op : operations) {
            if (op instanceof AlterColumn a && RetypedForeignKeys.refusedUnderAKey(a)) {
                TrackedKey key = keys.keyUsing(a.table(), a.columnName());
                if (key != null && !(mysql && widensInPlace(connection, a)))
                    throw refusal(revision, a, key, keys.on(key, a.table()) && key.hasColumn(a.columnName()), mysql);
            } else if (!(op instanceof DropColumn)) {
                // a drop leaves the keys as they are: MariaDB refuses to drop a column a key uses (errors 1828, 1829,
                // 1553), even with foreign_key_checks = 0
                keys.apply(op);
            }
        }
    }

    /** The database's foreign keys in one read, their columns in order; a key to another database has no referenced end here. */
    private static List<TrackedKey> live(Connection connection) throws SQLException {
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
        List<TrackedKey> keys = new ArrayList<>();
        columns.forEach((id, rows) -> keys.add(new TrackedKey(
                id.get(1),
                QualifiedName.of(id.get(0)),
                rows.stream().map(r -> r[0]).toList(),
                rows.get(0)[1] == null ? null : QualifiedName.of(rows.get(0)[1]),
                rows.stream().map(r -> r[2]).toList())));
        return keys;
    }

    /**
     * Whether MySQL widens the {@code varchar} in place, which it does under a key: its longest value stays on the same
     * side of 255 bytes, in the live column's bytes a character (utf8mb4's 4 when the column is not found by the name
     * the change gives it).
     */
    private static boolean widensInPlace(Connection connection, AlterColumn change) throws SQLException {
        Matcher from = VARCHAR.matcher(change.from().type());
        Matcher to = VARCHAR.matcher(change.to().type());
        if (change.collationChanged() || !from.matches() || !to.matches()) return false;
        long before = Long.parseLong(from.group(1));
        long after = Long.parseLong(to.group(1));
        if (after < before) return false;
        long bytes = 4;
        try (PreparedStatement st = connection.prepareStatement("SELECT CHARACTER_OCTET_LENGTH DIV"
                + " CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = ? AND COLUMN_NAME = ? AND CHARACTER_MAXIMUM_LENGTH > 0")) {
            st.setString(1, change.table().name());
            st.setString(2, change.columnName());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) bytes = rs.getLong(1);
            }
        }
        return InnoDbInstant.mySqlKeepsLengthBytes(before, after, (int) bytes);
    }

    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");

    private static MigrationException refusal(
            String revision, AlterColumn change, TrackedKey key, boolean referencing, boolean mysql) {
        boolean collation = change.collationChanged()
                && change.from().type().equalsIgnoreCase(change.to().type());
        boolean varchars = VARCHAR.matcher(change.from().type()).matches()
                && VARCHAR.matcher(change.to().type()).matches();
        String code = !mysql
                ? ", even with foreign_key_checks = 0 (error " + (referencing ? 1832 : 1833) + ")"
                : collation || varchars
                        ? " (error " + (collation ? 3780 : 1832) + ")"
                        : ", even with foreign_key_checks = 0 (error 3780)";
        String what = collation ? "the collation of " : "the type of ";
        return new MigrationException(
                revision,
                "revision " + revision + ": changing " + what + change.table().name() + "." + change.columnName()
                        + " would stop the migration halfway: " + (mysql ? "MySQL" : "MariaDB")
                        + " refuses it while foreign key "
                        + VisibleText.of(key.name() == null ? "" : key.name(), false) + " ("
                        + VisibleText.of(key.table().name(), false) + " ("
                        + VisibleText.of(String.join(", ", key.columns()), false) + ") -> "
                        + VisibleText.of(
                                key.referenced() == null
                                        ? "null"
                                        : key.referenced().name(),
                                false) + " ("
                        + VisibleText.of(String.join(", ", key.referencedColumns()), false)
                        + ")) uses the column" + code + "; drop the key before"
                        + " the change and add it again after (op.dropForeignKey, op.addForeignKey), as revision"
                        + " --autogenerate writes it",
                null);
    }
}
