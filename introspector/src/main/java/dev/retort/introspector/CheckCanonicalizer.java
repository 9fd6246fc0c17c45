package dev.retort.introspector;

import dev.retort.RetortException;
import dev.retort.runtime.sql.PostgresSql;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every check constraint of a schema its canonical form: the way PostgreSQL prints it back.
 * Each table with checks is created as a temporary table, in a transaction that is rolled back,
 * and its checks are read back through {@code pg_get_constraintdef}. Printing is not idempotent
 * (a printed {@code ARRAY[...]::text[]} prints back with a cast on each element), so this repeats
 * until the form stops changing; both the model and the catalog go through it before they are
 * compared, while migrations keep the expressions as written.
 */
public final class CheckCanonicalizer {
    private static final int MAX_ROUNDS = 4;

    private CheckCanonicalizer() {}

    public static Schema canonicalize(Connection connection, Schema schema) {
        Schema current = schema;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Schema next = round(connection, current);
            if (next.equals(current)) return next;
            current = next;
        }
        return current;
    }

    private static Schema round(Connection connection, Schema model) {
        List<Table> withChecks = model.tables().stream().filter(t -> !t.checks().isEmpty()).toList();
        if (withChecks.isEmpty()) return model;
        try {
            Map<String, Table> byScratchName = new HashMap<>();
            Map<Table, List<CheckConstraint>> canonical = new IdentityHashMap<>();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (int i = 0; i < withChecks.size(); i++) {
                    String scratch = "retort_canon_" + i;
                    Table table = withChecks.get(i);
                    byScratchName.put(scratch, table);
                    create(st, scratch, table);
                }
                try (ResultSet rs = st.executeQuery("SELECT c.relname, con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con "
                        + "JOIN pg_class c ON c.oid = con.conrelid WHERE c.relnamespace = pg_my_temp_schema() AND con.contype = 'c' "
                        + "AND c.relname LIKE 'retort\\_canon\\_%' ORDER BY con.conname")) {
                    while (rs.next()) {
                        Table table = byScratchName.get(rs.getString(1));
                        int index = Integer.parseInt(rs.getString(2).substring("c".length()));
                        CheckConstraint original = table.checks().get(index);
                        canonical.computeIfAbsent(table, k -> new ArrayList<>())
                                .add(original.withCanonical(PostgresIntrospector.checkExpression(rs.getString(3))));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
            List<Table> tables = new ArrayList<>();
            for (Table table : model.tables()) {
                List<CheckConstraint> checks = canonical.get(table);
                tables.add(checks == null ? table : table.withChecks(checks));
            }
            return new Schema(tables, model.sequences());
        } catch (SQLException e) {
            throw new RetortException("reading check constraints back from PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    /** A temporary table with the model table's columns and its checks, named c0, c1, ... in model order. */
    private static void create(Statement st, String scratch, Table table) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) parts.add(PostgresSql.quote(column.name()) + " " + column.type());
        for (int j = 0; j < table.checks().size(); j++) {
            parts.add("CONSTRAINT c" + j + " CHECK (" + table.checks().get(j).key() + ")");
        }
        try {
            st.execute("CREATE TEMPORARY TABLE " + scratch + " (" + String.join(", ", parts) + ") ON COMMIT DROP");
        } catch (SQLException e) {
            throw new RetortException("table " + table.name() + ": PostgreSQL rejects a check constraint of the model: "
                    + e.getMessage().replaceAll("\\s*\\n\\s*", " "), e);
        }
    }
}
