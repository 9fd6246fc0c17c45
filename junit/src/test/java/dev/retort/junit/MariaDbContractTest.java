package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.example.shop.BrokenDowngrade;
import com.example.shop.DriftedEntities;
import com.example.shop.FailingUpgrade;
import com.example.shop.ForkedHistory;
import com.example.shop.Shop;
import com.example.shop.ShopAsIs;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;

/**
 * The sample project's contract run through the JUnit Platform with {@code retort.test.url} a MariaDB server: the
 * same migrations and entities as on PostgreSQL pass, each broken variant fails its named check with MariaDB's
 * message, every scratch database is gone afterwards, and the database the URL names is left as it was.
 */
class MariaDbContractTest {
    /** The database the URL names: the checks create their scratch databases beside it, on its server. */
    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server: MariaDB here, MySQL in {@link MySqlContractTest}. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase();
    }

    @Test
    void theSampleProjectPassesEveryCheckOnMariaDb() throws SQLException {
        EngineExecutionResults results = run(Shop.class);
        assertEquals(
                Map.of(
                        "singleHead", "SUCCESSFUL",
                        "upgradesFromBase", "SUCCESSFUL",
                        "entitiesMatchMigrations", "SUCCESSFUL",
                        "downgradesRestore", "SUCCESSFUL"),
                RetortContractFailureTest.outcomes(results));
        assertScratchDatabasesDropped(results, 3);
        assertEquals(List.of(), tables(db.name()), "the database the URL names untouched");
    }

    @Test
    void anEntityChangedWithoutAMigrationFailsEntitiesMatchMigrations() throws SQLException {
        EngineExecutionResults results = run(DriftedEntities.class);
        assertEquals(
                Map.of(
                        "singleHead",
                        "SUCCESSFUL",
                        "upgradesFromBase",
                        "SUCCESSFUL",
                        "downgradesRestore",
                        "SUCCESSFUL",
                        "entitiesMatchMigrations",
                        "FAILED: the entities and the migrations disagree: at heads, check finds new upgrade operations"
                                + " (generate a revision with 'retort revision --autogenerate -m MESSAGE'):\n"
                                + "  add column customers.phone varchar(30)"),
                RetortContractFailureTest.outcomes(results));
        assertScratchDatabasesDropped(results, 3);
    }

    @Test
    void aWrongDowngradeFailsDowngradesRestoreNamingTheRevisionAndTheDifference() throws SQLException {
        EngineExecutionResults results = run(BrokenDowngrade.class);
        assertEquals(
                Map.of(
                        "singleHead",
                        "SUCCESSFUL",
                        "upgradesFromBase",
                        "SUCCESSFUL",
                        "entitiesMatchMigrations",
                        "SUCCESSFUL",
                        "downgradesRestore",
                        "FAILED: revision 7c3e5a9f1b02: its downgrade does not restore the schema its upgrade started"
                                + " from (com.example.broken.migrations.R7c3e5a9f1b02_AddCustomerName); to restore it,"
                                + " its downgrade would also need to:\n"
                                + "  drop column customers.name\n"
                                + "    HAZARD data-loss: drops column customers.name and its data"),
                RetortContractFailureTest.outcomes(results));
        assertScratchDatabasesDropped(results, 3);
    }

    @Test
    void twoHeadsFailSingleHeadAndTheStairwayWalksBothBranches() throws SQLException {
        EngineExecutionResults results = run(ForkedHistory.class);
        Map<String, String> outcomes = RetortContractFailureTest.outcomes(results);
        assertEquals(
                "FAILED: expected a single head, the history has 2: 7c3e5a9f1b02, 8d2b4f6a0c03; join them with"
                        + " 'retort merge -m MESSAGE heads'",
                outcomes.get("singleHead"));
        assertEquals("SUCCESSFUL", outcomes.get("upgradesFromBase"));
        assertEquals("SUCCESSFUL", outcomes.get("downgradesRestore"));
        assertEquals(
                "FAILED: the entities and the migrations disagree: at heads, check finds new upgrade operations"
                        + " (generate a revision with 'retort revision --autogenerate -m MESSAGE'):\n"
                        + "  drop index customers (email)",
                outcomes.get("entitiesMatchMigrations"));
        assertScratchDatabasesDropped(results, 3);
    }

    @Test
    void aFailingUpgradeFailsUpgradesFromBaseAndTheStairwayWithMariaDbsError() throws SQLException {
        EngineExecutionResults results = run(FailingUpgrade.class);
        Map<String, String> outcomes = RetortContractFailureTest.outcomes(results);
        assertEquals("SUCCESSFUL", outcomes.get("singleHead"));
        // MariaDB's message names the connection and the scratch database, both new for each check
        String failed = "revision 7c3e5a9f1b02 \\(upgrade\\): statement 1 of 1 failed: ALTER TABLE `customer` ADD"
                + " COLUMN `name` varchar\\(100\\) NULL: \\(conn=\\d+\\) Table 'retort_test_[0-9a-f]{16}\\.customer'"
                + " doesn't exist; no statement of it ran, the version table stays at 6a1f0c2b9d01";
        assertMatches("FAILED: upgrade heads from base failed: " + failed, outcomes.get("upgradesFromBase"));
        assertMatches(
                "FAILED: upgrade heads before comparing with the entities failed: " + failed,
                outcomes.get("entitiesMatchMigrations"));
        assertMatches(
                "FAILED: " + failed + " \\(com\\.example\\.failing\\.migrations\\.R7c3e5a9f1b02_AddCustomerName\\)",
                outcomes.get("downgradesRestore"));
        assertScratchDatabasesDropped(results, 3);
    }

    @Test
    void onTheDatabaseAsItIsTheChecksRunInItAndLeaveItAtBase() throws SQLException {
        EngineExecutionResults results = run(ShopAsIs.class);
        assertEquals(
                Map.of(
                        "singleHead", "SUCCESSFUL",
                        "upgradesFromBase", "SUCCESSFUL",
                        "entitiesMatchMigrations", "SUCCESSFUL",
                        "downgradesRestore", "SUCCESSFUL"),
                RetortContractFailureTest.outcomes(results));
        assertScratchDatabasesDropped(results, 0);
        assertEquals(List.of(), strings("SELECT version_num FROM retort_version"), "back at base");
        assertEquals(
                List.of("retort_version", "retort_version_history"), tables(db.name()), "the migrations' tables gone");
    }

    private EngineExecutionResults run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(contract))
                .configurationParameter(RetortExtension.URL_PARAMETER, db.url())
                .execute();
    }

    private static void assertMatches(String pattern, String actual) {
        assertTrue(
                actual != null && actual.matches("(?s)" + pattern),
                () -> "expected " + pattern + "\n but was " + actual);
    }

    /** The scratch databases the checks said they created (one per check that needs a database), none left. */
    private void assertScratchDatabasesDropped(EngineExecutionResults results, int expected) throws SQLException {
        List<String> created = results.allEvents().stream()
                .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> e.getRequiredPayload(ReportEntry.class)
                        .getKeyValuePairs()
                        .get(RetortExtension.SCRATCH_ENTRY))
                .toList();
        assertEquals(expected, created.size(), "scratch databases created: " + created);
        for (String name : created) {
            assertTrue(name.matches("retort_test_[0-9a-f]{16}"), name);
            assertFalse(exists(db, name), "scratch database " + name + " was dropped");
        }
    }

    static boolean exists(MariaDbTestDatabase db, String database) throws SQLException {
        try (Connection c = db.connect();
                PreparedStatement st =
                        c.prepareStatement("SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private List<String> tables(String database) throws SQLException {
        try (Connection c = db.connect();
                PreparedStatement st = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME")) {
            st.setString(1, database);
            return strings(st);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection c = db.connect();
                PreparedStatement st = c.prepareStatement(sql)) {
            return strings(st);
        }
    }

    private static List<String> strings(PreparedStatement st) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) values.add(rs.getString(1));
        }
        return values;
    }
}
