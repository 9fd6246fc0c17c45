package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.Differ;
import dev.retort.diff.Plan;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.op.AddForeignKey;
import dev.retort.op.DropForeignKey;
import dev.retort.op.Op;
import dev.retort.schema.Schema;
import dev.retort.schema.TableFilter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MySQL refuses to make a column a foreign key uses {@code NOT NULL} in an {@code ALTER TABLE} that copies the table
 * (error 1832), where MariaDB runs it (found by genie's round trip on MySQL, {@code realapps/genie-mysql}): on MySQL the
 * key is dropped before the change and added again after it, and the plan runs; MariaDB's plan is left as it was.
 */
class MySqlKeyedNotNullTest {
    @RegisterExtension
    final MariaDbTestDatabase db = MariaDbTestDatabase.mysql(2);

    @Test
    void aKeyedColumnMadeNotNullBesideACopyingChangeRunsWithItsKeyDroppedAndAddedAround() throws Exception {
        db.execute(0, """
                CREATE TABLE p (id bigint PRIMARY KEY);
                CREATE TABLE c (id bigint PRIMARY KEY, pid bigint DEFAULT NULL, flag tinyint(1) NOT NULL,
                  KEY c_pid_index (pid), CONSTRAINT c_pid_fk FOREIGN KEY (pid) REFERENCES p (id) ON DELETE RESTRICT);
                INSERT INTO p VALUES (1);
                INSERT INTO c VALUES (1, 1, 0)
                """);
        db.execute(1, """
                CREATE TABLE p (id bigint PRIMARY KEY);
                CREATE TABLE c (id bigint PRIMARY KEY, pid bigint NOT NULL, flag bit(1) NOT NULL,
                  KEY c_pid_index (pid), CONSTRAINT c_pid_fk FOREIGN KEY (pid) REFERENCES p (id) ON DELETE RESTRICT)
                """);
        Schema current = read(0);
        Schema target = read(1);
        Plan plain = Differ.diff(current, target);
        assertEquals(plain, RetypedForeignKeys.of(plain, current, target), "MariaDB's plan is left as it was");
        SQLException refused = assertThrows(SQLException.class, () -> run(plain));
        assertEquals(1832, refused.getErrorCode(), refused::getMessage);

        // diff between the two MySQL databases writes the same (diff --sql, drift)
        MariaDbCatalog from;
        MariaDbCatalog to;
        try (Connection c0 = db.connect(0);
                Connection c1 = db.connect(1)) {
            from = MariaDbIntrospector.read(c0);
            to = MariaDbIntrospector.read(c1);
        }
        List<Op> diffed = MariaDbDiff.of(from, to, TableFilter.ALL, java.util.Set.of(), Differ::diff, true)
                .plan()
                .upgrade();
        assertTrue(diffed.get(0) instanceof DropForeignKey, diffed::toString);
        assertTrue(diffed.get(diffed.size() - 1) instanceof AddForeignKey, diffed::toString);

        // written before the run: the key dropped first and added again last, the rows kept, the target reached
        Plan mysql = RetypedForeignKeys.of(plain, current, target, true);
        List<Op> ops = mysql.upgrade();
        assertTrue(ops.get(0) instanceof DropForeignKey, ops::toString);
        assertTrue(ops.get(ops.size() - 1) instanceof AddForeignKey, ops::toString);
        run(mysql);
        assertEquals(List.of("1 1"), db.query("SELECT concat(id, ' ', pid) FROM c"));
        assertTrue(
                Differ.diff(read(0), target).isEmpty(),
                () -> Differ.diff(readUnchecked(), target).toString());
    }

    private void run(Plan plan) throws SQLException {
        try (Connection c = db.connect(0);
                Statement st = c.createStatement()) {
            for (String sql : MariaDbSql.DIALECT.within(plan.upgrade()).statements(plan.upgrade()))
                st.execute(MySqlExistence.resolve(c, sql));
        }
    }

    private Schema read(int database) throws SQLException {
        try (Connection c = db.connect(database)) {
            return MariaDbIntrospector.read(c).schema();
        }
    }

    private Schema readUnchecked() {
        try {
            return read(0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
