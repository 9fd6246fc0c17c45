package dev.retort.runtime.internal;

import static dev.retort.runtime.Ops.attribute;
import static dev.retort.runtime.Ops.check;
import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.compositeType;
import static dev.retort.runtime.Ops.enumType;
import static dev.retort.runtime.Ops.foreignKey;
import static dev.retort.runtime.Ops.index;
import static dev.retort.runtime.Ops.key;
import static dev.retort.runtime.Ops.owner;
import static dev.retort.runtime.Ops.primaryKey;
import static dev.retort.runtime.Ops.sequence;
import static dev.retort.runtime.Ops.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.op.Op;
import dev.retort.op.OpKinds;
import dev.retort.op.Option;
import dev.retort.postgres.PostgresSql;
import dev.retort.revision.RevisionException;
import dev.retort.revision.RevisionNode;
import dev.retort.runtime.Direction;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.StatementException;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.IdentityOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigratorTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Revision(id = "aaaa00000001", message = "create users")
    public static final class CreateUsers implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.createTable(
                    "users",
                    column("id", "bigint").identityByDefault(),
                    column("email", "varchar(100)"),
                    primaryKey("id"));
        }

        @Override
        public void downgrade(Ops op) {
            op.dropTable(
                    "users",
                    column("id", "bigint").identityByDefault(),
                    column("email", "varchar(100)"),
                    primaryKey("id"));
        }
    }

    @Revision(id = "bbbb00000002", revises = "aaaa00000001", message = "add name")
    public static final class AddName implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.addColumn("users", column("name", "text"));
        }

        @Override
        public void downgrade(Ops op) {
            op.dropColumn("users", column("name", "text"));
        }
    }

    /** Its first statement works, its second fails when a row has no email. */
    @Revision(id = "cccc00000003", revises = "bbbb00000002", message = "require email")
    public static final class RequireEmailBroken implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.addColumn("users", column("phone", "text"));
            op.alterColumn(
                    "users",
                    column("email", "varchar(100)"),
                    column("email", "varchar(100)").notNull());
        }

        @Override
        public void downgrade(Ops op) {
            op.dropColumn("users", column("phone", "text"));
        }
    }

    /** The same revision after the author fixed it. */
    @Revision(id = "cccc00000003", revises = "bbbb00000002", message = "require email")
    public static final class RequireEmailFixed implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.addColumn("users", column("phone", "text"));
        }

        @Override
        public void downgrade(Ops op) {
            op.dropColumn("users", column("phone", "text"));
        }
    }

    @Revision(id = "dddd00000004", revises = "cccc00000003", message = "throws")
    public static final class Throws implements Migration {
        @Override
        public void upgrade(Ops op) {
            throw new IllegalStateException("boom");
        }

        @Override
        public void downgrade(Ops op) {}
    }

    private static MigrationSet set(Class<?>... classes) {
        return MigrationSet.of(List.of(classes), Class::getSimpleName);
    }

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
    }

    @Test
    void upgradesAndDowngradesStepByStep() throws SQLException {
        List<String> log = new ArrayList<>();
        Migrator migrator = new Migrator(
                set(CreateUsers.class, AddName.class),
                new VersionTable(null),
                Migrator.Options.DEFAULTS,
                new MigrationListener() {
                    @Override
                    public void migrating(Direction direction, RevisionNode node) {
                        log.add((direction == Direction.UPGRADE ? "up " : "down ") + node.id());
                    }
                });
        try (Connection c = db.connect()) {
            assertEquals(Set.of(), migrator.current(c));
            RunResult first = migrator.upgrade(c, "+1");
            assertEquals(Set.of("aaaa00000001"), first.after());
            assertEquals(Set.of("bbbb00000002"), migrator.upgrade(c, "head").after());
            assertTrue(columns(c, "users").contains("name"));
            assertEquals(Set.of("aaaa00000001"), migrator.downgrade(c, "-1").after());
            assertFalse(columns(c, "users").contains("name"));
            assertEquals(Set.of(), migrator.downgrade(c, "base").after());
            assertEquals(List.of(), columns(c, "users"));
            assertEquals(Set.of("bbbb00000002"), migrator.upgrade(c, "bbbb").after(), "unique prefix");
            assertEquals(List.of(), migrator.upgrade(c, "head").applied(), "nothing left to do");
        }
        assertEquals(
                List.of(
                        "up aaaa00000001",
                        "up bbbb00000002",
                        "down bbbb00000002",
                        "down aaaa00000001",
                        "up aaaa00000001",
                        "up bbbb00000002"),
                log);
    }

    @Test
    void failedStatementRollsBackItsMigrationAndKeepsTheLastGoodRevision() throws SQLException {
        Migrator broken =
                new Migrator(set(CreateUsers.class, AddName.class, RequireEmailBroken.class), new VersionTable(null));
        try (Connection c = db.connect()) {
            broken.upgrade(c, "bbbb00000002");
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO users (email) VALUES (NULL)");
            }
            MigrationException e = assertThrows(MigrationException.class, () -> broken.upgrade(c, "head"));
            assertEquals(
                    "revision cccc00000003 (upgrade): statement 2 failed: ALTER TABLE \"users\" ALTER COLUMN \"email\" "
                            + "SET NOT NULL: ERROR: column \"email\" of relation \"users\" contains null values",
                    e.getMessage());
            StatementException failed = assertInstanceOf(StatementException.class, e, "the values it names as fields");
            assertEquals("cccc00000003", failed.revision());
            assertEquals(Direction.UPGRADE, failed.direction());
            assertEquals(2, failed.statement());
            assertEquals("ALTER TABLE \"users\" ALTER COLUMN \"email\" SET NOT NULL", failed.sql());
            assertEquals(Set.of("bbbb00000002"), broken.current(c));
            assertFalse(columns(c, "users").contains("phone"), "statement 1 of the failed migration is rolled back");
            assertTrue(c.getAutoCommit());
        }
        Migrator fixed =
                new Migrator(set(CreateUsers.class, AddName.class, RequireEmailFixed.class), new VersionTable(null));
        try (Connection c = db.connect()) {
            assertEquals(
                    List.of("cccc00000003"),
                    fixed.upgrade(c, "head").applied().stream()
                            .map(s -> s.revision().id())
                            .toList());
            assertTrue(columns(c, "users").contains("phone"));
        }
    }

    @Test
    void migrationThatThrowsIsNamedAndNothingRuns() throws SQLException {
        Migrator migrator = new Migrator(
                set(CreateUsers.class, AddName.class, RequireEmailFixed.class, Throws.class),
                new VersionTable("custom_versions"));
        try (Connection c = db.connect()) {
            MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade(c, "head"));
            assertEquals(
                    "revision dddd00000004: upgrade() of Throws threw java.lang.IllegalStateException: boom",
                    e.getMessage());
            assertEquals(3, migrator.history(c).size(), "the three good migrations are in the history");
            assertEquals(Set.of("cccc00000003"), migrator.current(c));
            assertEquals(Set.of("cccc00000003"), new VersionTable("custom_versions").read(c));
        }
    }

    @Test
    void unknownTargetIsAnError() throws SQLException {
        Migrator migrator = new Migrator(set(CreateUsers.class), new VersionTable(null));
        try (Connection c = db.connect()) {
            var e = assertThrows(RevisionException.Unknown.class, () -> migrator.upgrade(c, "ffff"));
            assertEquals("no such revision: ffff", e.getMessage());
            assertEquals(Set.of(), migrator.current(c));
        }
    }

    @Test
    void everyOperationTypeExecutesAndReverses() throws SQLException {
        Ops up = new Ops();
        up.createEnum(enumType("mood", "sad", "happy"));
        up.addEnumCasts("mood");
        up.alterEnum(
                enumType("mood", "sad", "happy").withVarcharCasts(),
                enumType("mood", "sad", "ok", "happy").withVarcharCasts());
        up.alterEnum(
                enumType("mood", "sad", "ok", "happy").withVarcharCasts(),
                enumType("mood", "happy", "sad").withVarcharCasts());
        up.dropEnumCasts("mood", EnumType.Cast.TO_VARCHAR);
        up.dropEnumCasts("mood", EnumType.Cast.FROM_VARCHAR);
        up.dropEnum(enumType("mood", "happy", "sad"));
        up.createType(compositeType(
                "address",
                attribute("zip", "integer"),
                attribute("city", "text").collate("\"C\"")));
        up.alterType(
                compositeType(
                        "address",
                        attribute("zip", "integer"),
                        attribute("city", "text").collate("\"C\"")),
                compositeType("address", attribute("zip", "bigint"), attribute("zone", "varchar(10)")));
        up.dropType(compositeType("address", attribute("zip", "bigint"), attribute("zone", "varchar(10)")));
        up.createSequence(sequence("t_seq", 1, 50));
        up.alterSequence(sequence("t_seq", 1, 50), sequence("t_seq", 5, 10));
        up.createTable("parent", column("id", "integer").notNull(), primaryKey("id"));
        up.createTable("t", column("a", "integer").notNull(), column("b", "varchar(10)"), primaryKey("a"));
        up.addUnique("t", unique("b", "a"));
        up.addCheck("t", check("a > 0"));
        up.createIndex("t", index(key("b").desc(), key("(a + 1)")).where("a > 0"));
        up.dropIndex("t", index(key("b").desc(), key("(a + 1)")).where("a > 0"));
        up.dropCheck("t", check("a > 0"));
        up.addForeignKey("t", foreignKey("a").references("parent", "id").onDelete(ForeignKey.Action.CASCADE));
        up.dropForeignKey("t", foreignKey("a").references("parent", "id").onDelete(ForeignKey.Action.CASCADE));
        up.dropUnique("t", unique("b", "a"));
        up.addColumn("t", column("c", "bigint").notNull());
        up.alterColumn("t", column("b", "varchar(10)"), column("b", "integer").notNull());
        up.dropPrimaryKey("t", primaryKey("a"));
        up.addPrimaryKey("t", primaryKey("a", "c"));
        up.alterColumn(
                "t", column("c", "bigint").notNull(), column("c", "bigint").identityAlways());
        up.alterColumn(
                "t",
                column("c", "bigint").identityAlways(),
                column("c", "bigint")
                        .identityAlways()
                        .withIdentityOptions(
                                IdentityOptions.DEFAULT.increment(5).withCycle()));
        up.alterColumn(
                "t",
                column("c", "bigint")
                        .identityAlways()
                        .withIdentityOptions(
                                IdentityOptions.DEFAULT.increment(5).withCycle()),
                column("c", "bigint").identityAlways());
        up.addColumn("t", column("d", "text").collate("\"C\""));
        up.addColumn("t", column("e", "integer").generatedAs("a * 2"));
        up.alterColumn("t", column("e", "integer").generatedAs("a * 2"), column("e", "integer"));
        up.alterColumn("t", column("e", "integer"), column("e", "integer").generatedAs("a * 3"));
        up.createSequence(sequence("t_d_seq", 1, 1));
        up.alterSequenceOwner("t_d_seq", null, owner("t", "a"));
        up.alterSequenceOwner("t_d_seq", owner("t", "a"), null);
        up.dropSequence(sequence("t_d_seq", 1, 1));
        up.dropColumn("t", column("e", "integer").generatedAs("a * 3"));
        up.dropColumn("t", column("d", "text").collate("\"C\""));
        up.addColumn("t", column("during", "tsrange"), Option.IF_NOT_EXISTS);
        up.addColumn("t", column("during", "tsrange"), Option.IF_NOT_EXISTS);
        up.addExclusion("t", "t_no_overlap", "USING gist (during WITH &&)");
        up.dropExclusion("t", "t_no_overlap", "USING gist (during WITH &&)");
        up.createIndex("t", index("during").using("gist"), Option.CONCURRENTLY, Option.IF_NOT_EXISTS);
        up.createIndex("t", index("during").using("gist").named("t_during_a"));
        up.renameIndex("t", "t_during_a", "t_during_b");
        up.addUnique("t", unique("a").named("t_a_one"));
        up.renameConstraint("t", "t_a_one", "t_a_two");
        up.dropUnique("t", unique("a").named("t_a_two"));
        up.dropIndex("t", index("during").using("gist").named("t_during_b"));
        up.dropIndex("t", index("during").using("gist"), Option.CONCURRENTLY, Option.IF_EXISTS);
        up.dropIndex("t", index("during").using("gist"), Option.IF_EXISTS);
        up.dropColumn("t", column("during", "tsrange"), Option.IF_EXISTS);
        up.addForeignKey("t", foreignKey("a").references("parent", "id"), Option.NOT_VALID);
        up.validateConstraint("t", foreignKey("a").references("parent", "id"));
        up.invalidateConstraint("t", foreignKey("a").references("parent", "id"));
        up.dropForeignKey("t", foreignKey("a").references("parent", "id"), Option.NOT_VALID);
        up.addCheck("t", check("a > 0").named("t_a_positive").notValid());
        up.validateConstraint("t", check("a > 0").named("t_a_positive"));
        up.invalidateConstraint("t", check("a > 0").named("t_a_positive"));
        up.dropCheck("t", check("a > 0").named("t_a_positive"));
        up.dropPrimaryKey("t", primaryKey("a", "c"));
        up.renameColumn("t", "c", "renamed");
        up.renameColumn("t", "renamed", "c");
        up.alterTableComment("t", null, "a table's comment");
        up.setUnlogged("t");
        up.setLogged("t");
        up.renameTable("t", "t_renamed");
        up.renameTable("t_renamed", "t");
        up.dropColumn("t", column("c", "bigint").identityAlways());
        up.dropTable(
                "t", column("a", "integer").notNull(), column("b", "integer").notNull());
        up.dropSequence(sequence("t_seq", 5, 10));
        up.createSchema("every_op_schema", "a schema's comment");
        up.alterSchemaComment("every_op_schema", "a schema's comment", null);
        up.dropSchema("every_op_schema");
        List<Op> ops = up.operations();
        assertEquals(OpKinds.all(), ops.stream().map(Object::getClass).collect(Collectors.toSet()));
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (Op op : ops) {
                for (String sql : PostgresSql.statements(op)) st.execute(sql);
            }
            assertEquals(List.of(), columns(c, "t"));
            for (int i = ops.size() - 1; i >= 0; i--) {
                for (String sql : PostgresSql.statements(ops.get(i).reverse())) st.execute(sql);
            }
            assertEquals(List.of(), columns(c, "t"));
            assertEquals(List.of(), columns(c, "parent"));
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var st = c.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY 1")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) names.add(rs.getString("column_name"));
            }
        }
        return names;
    }
}
