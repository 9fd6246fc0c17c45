package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.PartialRun;
import dev.retort.runtime.Retort;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The runtime facade configured with a DataSource on MariaDB, as an application configures it: the connection
 * picks the MariaDB runner, so upgrades and downgrades run there, {@code current} and {@code history} tell them, and
 * a failed statement is recorded as MariaDB's runner records it.
 */
class MariaDbFacadeTest {
    private static final String FIRST = "6a1f0c2b9d01";
    private static final String SECOND = "7c3e5a9f1b02";

    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase();

    @Test
    void upgradesAndDowngradesThroughTheDataSourceWithCurrentAndHistory() throws SQLException {
        Retort retort = Retort.configure()
                .dataSource(new MariaDbDataSource(db.url()))
                .migrationsPackage("com.example.shop.migrations")
                .load();
        assertEquals(Set.of(), retort.current());

        assertEquals(2, retort.upgrade("heads").applied().size());
        assertEquals(Set.of(SECOND), retort.current());
        assertEquals(List.of("customers.email", "customers.id", "customers.name"), columns());

        assertEquals(1, retort.downgrade("-1").applied().size());
        assertEquals(Set.of(FIRST), retort.current());
        assertEquals(List.of("customers.email", "customers.id"), columns());

        retort.downgrade("base");
        assertEquals(Set.of(), retort.current());
        assertEquals(List.of(), columns());

        assertEquals(
                List.of(
                        "upgrade " + FIRST + " done",
                        "upgrade " + SECOND + " done",
                        "downgrade " + SECOND + " done",
                        "downgrade " + FIRST + " done"),
                history(retort));
    }

    @Test
    void aFailedStatementIsRecordedStatementByStatementAsOnlyMariaDbsRunnerDoes() throws SQLException {
        Retort retort = Retort.configure()
                .dataSource(new MariaDbDataSource(db.url()))
                .migrationsPackage("com.example.failing.migrations")
                .load();
        MigrationException e = assertThrows(MigrationException.class, () -> retort.upgrade("heads"));
        assertTrue(
                e.getMessage().endsWith("; no statement of it ran, the version table stays at " + FIRST),
                e::getMessage);
        assertEquals(Set.of(FIRST), retort.current());
        PartialRun partial = retort.partialRun().orElseThrow();
        assertEquals(SECOND, partial.revision());
        assertEquals("failed", partial.status());
        assertEquals(List.of(), partial.ran());
        assertEquals(List.of("upgrade " + FIRST + " done", "upgrade " + SECOND + " failed 0/1"), history(retort));
    }

    /** Each history row: direction, revision, and how far it got ({@code done} when it completed). */
    private static List<String> history(Retort retort) {
        List<String> rows = new ArrayList<>();
        for (HistoryEntry entry : retort.history()) {
            HistoryEntry.Progress progress = entry.progress();
            rows.add(entry.direction() + " " + entry.revision() + " "
                    + (progress == null
                            ? "done"
                            : progress.status() + " " + progress.completed() + "/" + progress.total()));
        }
        return rows;
    }

    private List<String> columns() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'retort_version%'"
                        + " ORDER BY TABLE_NAME, COLUMN_NAME")) {
            while (rs.next()) columns.add(rs.getString(1) + "." + rs.getString(2));
        }
        return columns;
    }
}
