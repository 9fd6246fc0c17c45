package dev.retort.runtime;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.enumType;
import static dev.retort.runtime.Ops.index;
import static dev.retort.runtime.Ops.primaryKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.op.AddColumn;
import dev.retort.op.DropEnum;
import dev.retort.op.DropIndex;
import dev.retort.op.Op;
import dev.retort.runtime.StairwayResult.Outcome;
import dev.retort.runtime.StairwayResult.Step;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** The stairway on PostgreSQL: a sound history walks through, each kind of wrong downgrade is named with what it left. */
class StairwayTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
    }

    @Test
    void aSoundHistoryWalksUpDownAndUpAgainAndAForwardOnlyRevisionIsAppliedOnly() {
        StairwayResult result =
                retort(Create.class, AddNameAndIndex.class, Backfill.class).stairway();
        assertTrue(result.passed(), result.toString());
        assertEquals(
                List.of("a00000000001 RESTORED", "a00000000002 RESTORED", "a00000000003 FORWARD_ONLY"),
                result.steps().stream()
                        .map(s -> s.revision() + " " + s.outcome())
                        .toList());
        assertEquals(
                List.of("a00000000003"),
                result.forwardOnly().stream().map(Step::revision).toList());
    }

    @Test
    void anIndexTheDowngradeDoesNotDropIsNamed() {
        Step failure = failure(retort(Create.class, IndexLeftBehind.class).stairway());
        assertEquals("a00000000002", failure.revision());
        assertEquals(Outcome.NOT_RESTORED, failure.outcome());
        assertEquals(List.of(DropIndex.class), kinds(failure.differences()));
        assertEquals(
                "revision a00000000002: its downgrade does not restore the schema its upgrade started from",
                failure.message());
    }

    @Test
    void aColumnTheDowngradeDoesNotRestoreIsNamed() {
        Step failure = failure(
                retort(Create.class, AddName.class, NameNotRestored.class).stairway());
        assertEquals("a00000000003", failure.revision());
        assertEquals(Outcome.NOT_RESTORED, failure.outcome());
        assertEquals(List.of(AddColumn.class), kinds(failure.differences()));
        assertEquals("name", ((AddColumn) failure.differences().get(0)).column().name());
    }

    @Test
    void anEnumTypeTheDowngradeLeavesBehindIsNamed() {
        Step failure = failure(retort(Create.class, EnumLeftBehind.class).stairway());
        assertEquals(Outcome.NOT_RESTORED, failure.outcome());
        assertEquals(List.of(DropEnum.class), kinds(failure.differences()));
    }

    @Test
    void aFailingUpgradeStopsTheWalkNamingTheRevision() {
        StairwayResult result = retort(Create.class, BadUpgrade.class).stairway();
        Step failure = failure(result);
        assertEquals(Outcome.UPGRADE_FAILED, failure.outcome());
        assertEquals(2, result.steps().size());
        assertTrue(failure.message().contains("a00000000002"), failure.message());
        assertTrue(failure.message().contains("no_such_table"), failure.message());
    }

    @Test
    void aDatabaseNotAtBaseIsRefused() {
        Retort retort = retort(Create.class);
        retort.upgrade("head");
        MigrationException e = assertThrows(MigrationException.class, retort::stairway);
        assertEquals(
                "the stairway starts at base, and the database is at a00000000001: walk it on a new, empty database",
                e.getMessage());
    }

    private static Step failure(StairwayResult result) {
        assertTrue(!result.passed(), "expected a failure: " + result);
        Step failure = result.failure().orElseThrow();
        assertEquals(failure, result.steps().get(result.steps().size() - 1), "the walk stops at the failure");
        return failure;
    }

    private static List<Class<?>> kinds(List<Op> ops) {
        return ops.stream().<Class<?>>map(Object::getClass).toList();
    }

    private static Retort retort(Class<?>... migrations) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.url());
        return Retort.configure().dataSource(dataSource).migrations(migrations).load();
    }

    @Revision(id = "a00000000001", message = "create")
    static final class Create implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.createTable("accounts", column("id", "bigint").notNull(), column("email", "text"), primaryKey("id"));
        }

        @Override
        public void downgrade(Ops op) {
            op.dropTable("accounts", column("id", "bigint").notNull(), column("email", "text"), primaryKey("id"));
        }
    }

    @Revision(id = "a00000000002", revises = "a00000000001", message = "add name and index")
    static final class AddNameAndIndex implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.addColumn("accounts", column("name", "varchar(100)"));
            op.createIndex("accounts", index("name"));
        }

        @Override
        public void downgrade(Ops op) {
            op.dropIndex("accounts", index("name"));
            op.dropColumn("accounts", column("name", "varchar(100)"));
        }
    }

    @Revision(id = "a00000000003", revises = "a00000000002", message = "backfill", forwardOnly = true)
    static final class Backfill implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("UPDATE accounts SET name = email");
        }

        @Override
        public void downgrade(Ops op) {
            throw new UnsupportedOperationException();
        }
    }

    @Revision(id = "a00000000002", revises = "a00000000001", message = "index left behind")
    static final class IndexLeftBehind implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.createIndex("accounts", index("email"));
        }

        @Override
        public void downgrade(Ops op) {}
    }

    @Revision(id = "a00000000002", revises = "a00000000001", message = "add name")
    static final class AddName implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.addColumn("accounts", column("name", "varchar(100)"));
        }

        @Override
        public void downgrade(Ops op) {
            op.dropColumn("accounts", column("name", "varchar(100)"));
        }
    }

    @Revision(id = "a00000000003", revises = "a00000000002", message = "drop name")
    static final class NameNotRestored implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.dropColumn("accounts", column("name", "varchar(100)"));
        }

        @Override
        public void downgrade(Ops op) {}
    }

    @Revision(id = "a00000000002", revises = "a00000000001", message = "enum left behind")
    static final class EnumLeftBehind implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.createEnum(enumType("mood", "happy", "sad"));
            op.addColumn("accounts", column("mood", "mood"));
        }

        @Override
        public void downgrade(Ops op) {
            op.dropColumn("accounts", column("mood", "mood"));
        }
    }

    @Revision(id = "a00000000002", revises = "a00000000001", message = "bad upgrade")
    static final class BadUpgrade implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("ALTER TABLE no_such_table ADD COLUMN x integer");
        }

        @Override
        public void downgrade(Ops op) {}
    }
}
