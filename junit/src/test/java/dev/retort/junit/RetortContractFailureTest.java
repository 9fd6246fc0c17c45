package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.example.shop.BrokenDowngrade;
import com.example.shop.DriftedEntities;
import com.example.shop.FailingUpgrade;
import com.example.shop.ForkedHistory;
import com.example.shop.ShopAsIs;
import dev.retort.fixtures.db.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * The sample project's contract run through the JUnit Platform, as a build runs it: the entity changed
 * without a migration and the wrong downgrade each fail their named test with a message saying what is
 * wrong, the other tests pass, and every scratch database is gone afterwards.
 */
class RetortContractFailureTest {
    /** Only a server to point {@code retort.test.url} at: the checks create their scratch databases beside it. */
    @RegisterExtension
    static final TestDatabase server = new TestDatabase();

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
                outcomes(results));
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
                outcomes(results));
        assertScratchDatabasesDropped(results, 3);
    }

    @Test
    void twoHeadsFailSingleHeadAndTheStairwayWalksBothBranches() throws SQLException {
        EngineExecutionResults results = run(ForkedHistory.class);
        Map<String, String> outcomes = outcomes(results);
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
    void aFailingUpgradeFailsUpgradesFromBaseAndTheStairwayWithTheStatementsError() throws SQLException {
        EngineExecutionResults results = run(FailingUpgrade.class);
        Map<String, String> outcomes = outcomes(results);
        assertEquals("SUCCESSFUL", outcomes.get("singleHead"));
        String failed = "revision 7c3e5a9f1b02 (upgrade): statement 1 failed: ALTER TABLE \"customer\" ADD COLUMN"
                + " \"name\" varchar(100): ERROR: relation \"customer\" does not exist";
        assertEquals("FAILED: upgrade heads from base failed: " + failed, outcomes.get("upgradesFromBase"));
        assertEquals(
                "FAILED: upgrade heads before comparing with the entities failed: " + failed,
                outcomes.get("entitiesMatchMigrations"));
        assertEquals(
                "FAILED: " + failed + " (com.example.failing.migrations.R7c3e5a9f1b02_AddCustomerName)",
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
                outcomes(results));
        assertScratchDatabasesDropped(results, 0);
        assertEquals(List.of(), server.query("SELECT version_num FROM retort_version"), "back at base");
        assertEquals(
                List.of("retort_version", "retort_version_history"),
                server.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"),
                "the migrations' tables gone");
        server.reset();
    }

    static EngineExecutionResults run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(contract))
                .configurationParameter(RetortExtension.URL_PARAMETER, server.url())
                .execute();
    }

    /** Each test's display name and how it ended: {@code SUCCESSFUL}, or {@code FAILED: } and the message. */
    static Map<String, String> outcomes(EngineExecutionResults results) {
        Map<String, String> outcomes = new TreeMap<>();
        for (Event event : results.testEvents().finished().list()) {
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            outcomes.put(
                    event.getTestDescriptor().getDisplayName(),
                    result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                            ? "SUCCESSFUL"
                            : result.getStatus() + ": "
                                    + result.getThrowable()
                                            .map(Throwable::getMessage)
                                            .orElse(""));
        }
        return outcomes;
    }

    /** The scratch databases the checks said they created (one per check that needs a database), none left. */
    static void assertScratchDatabasesDropped(EngineExecutionResults results, int expected) throws SQLException {
        List<String> created = results.allEvents().stream()
                .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> e.getRequiredPayload(ReportEntry.class)
                        .getKeyValuePairs()
                        .get(RetortExtension.SCRATCH_ENTRY))
                .toList();
        assertEquals(expected, created.size(), "scratch databases created: " + created);
        for (String name : created) {
            assertFalse(name.isEmpty());
            assertEquals(
                    List.of(),
                    server.query("SELECT datname FROM pg_database WHERE datname = '" + name + "'"),
                    "scratch database " + name + " was dropped");
        }
    }
}
