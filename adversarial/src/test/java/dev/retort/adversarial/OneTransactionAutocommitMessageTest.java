package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Retort;
import dev.retort.runtime.Revision;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code transaction.per-migration=false} an autocommit block commits the run so far: a later
 * failure must not claim that the whole run was rolled back.
 */
class OneTransactionAutocommitMessageTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Revision(id = "a00000000001", message = "table")
    public static final class Table implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("CREATE TABLE t1 (id integer)");
        }

        @Override
        public void downgrade(Ops op) {}
    }

    @Revision(id = "b00000000002", revises = "a00000000001", message = "index concurrently")
    public static final class Index implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.autocommit(a -> a.execute("CREATE INDEX CONCURRENTLY t1_id ON t1 (id)"));
        }

        @Override
        public void downgrade(Ops op) {}
    }

    @Revision(id = "c00000000003", revises = "b00000000002", message = "fails")
    public static final class Fails implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("CREATE TABLE t3 (id integer)");
            op.execute("SELECT 1 / 0");
        }

        @Override
        public void downgrade(Ops op) {}
    }

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    private static Retort retort(Class<?>... migrations) {
        return Retort.configure()
                .url(db.url(), null, null)
                .transactionPerMigration(false)
                .migrations(migrations)
                .load();
    }

    @Test
    void failureAfterAnEarlierMigrationsAutocommitBlockSaysWhatStaysApplied() throws SQLException {
        Retort retort = retort(Table.class, Index.class, Fails.class);
        MigrationException e = assertThrows(MigrationException.class, () -> retort.upgrade("head"));
        assertEquals(
                "revision c00000000003 (upgrade): statement 2 failed: SELECT 1 / 0: ERROR: division by zero; the run was rolled "
                        + "back only to the autocommit block of revision b00000000002: its statements 1-1 and every revision before it were "
                        + "committed and stay applied, the version table stays at a00000000001",
                e.getMessage());
        assertEquals(Set.of("a00000000001"), retort.current());
        assertEquals(1, count("SELECT count(*) FROM pg_tables WHERE tablename = 't1'"), "t1 stays");
        assertEquals(1, count("SELECT count(*) FROM pg_indexes WHERE indexname = 't1_id'"), "the block's index stays");
        assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE tablename = 't3'"), "after the block, rolled back");
    }

    @Test
    void withoutAnAutocommitBlockTheWholeRunIsRolledBack() throws SQLException {
        Retort retort = retort(Table.class, FailsAfterTable.class);
        MigrationException e = assertThrows(MigrationException.class, () -> retort.upgrade("head"));
        assertEquals(
                "revision c00000000003 (upgrade): statement 2 failed: SELECT 1 / 0: ERROR: division by zero; the whole run was "
                        + "rolled back, the database stays at base",
                e.getMessage());
        assertEquals(Set.of(), retort.current());
        assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE tablename IN ('t1', 't3')"));
    }

    @Revision(id = "c00000000003", revises = "a00000000001", message = "fails")
    public static final class FailsAfterTable implements Migration {
        @Override
        public void upgrade(Ops op) {
            new Fails().upgrade(op);
        }

        @Override
        public void downgrade(Ops op) {}
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
