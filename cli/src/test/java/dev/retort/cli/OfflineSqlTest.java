package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.postgres.PostgresIntrospector;
import dev.retort.postgres.SchemaScope;
import dev.retort.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Offline scripts, applied with psql, give what the online commands give: both directions, three revisions. */
class OfflineSqlTest {
    @RegisterExtension
    static final TestDatabase online = new TestDatabase();

    @RegisterExtension
    static final TestDatabase offline = new TestDatabase();

    @TempDir
    Path workDir;

    private Cli project(TestDatabase db, String name) {
        Cli cli = new Cli(workDir.resolve(name));
        cli.write("retort.properties", "url = " + db.url() + "\nmigrations.package = offline\n");
        return cli;
    }

    private void migrations(Cli cli) {
        cli.write("migrations/A.java", """
                package offline;
                import static dev.retort.runtime.Ops.column;
                import static dev.retort.runtime.Ops.primaryKey;
                @dev.retort.runtime.Revision(id = "a00000000001", message = "customers, with O'Brien")
                public final class A implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.createTable("customers", column("id", "bigint").identityByDefault(), column("name", "text"), primaryKey("id"));
                        op.execute("INSERT INTO customers (name) VALUES ('O''Brien'), ('back\\\\slash')");
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.dropTable("customers", column("id", "bigint").identityByDefault(), column("name", "text"), primaryKey("id"));
                    }
                }
                """);
        cli.write("migrations/B.java", """
                package offline;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "b00000000002", revises = "a00000000001", message = "email")
                public final class B implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.addColumn("customers", column("email", "varchar(200)"));
                        op.autocommit(a -> a.execute("CREATE INDEX CONCURRENTLY customers_email ON customers (email)"));
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.autocommit(a -> a.execute("DROP INDEX CONCURRENTLY customers_email"));
                        op.dropColumn("customers", column("email", "varchar(200)"));
                    }
                }
                """);
        cli.write("migrations/C.java", """
                package offline;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "c00000000003", revises = "b00000000002", message = "wider email, not null name")
                public final class C implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.alterColumn("customers", column("email", "varchar(200)"), column("email", "varchar(320)"));
                        op.alterColumn("customers", column("name", "text"), column("name", "text").notNull());
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.alterColumn("customers", column("name", "text").notNull(), column("name", "text"));
                        op.alterColumn("customers", column("email", "varchar(320)"), column("email", "varchar(200)"));
                    }
                }
                """);
    }

    @Test
    void scriptsAppliedWithPsqlEqualTheOnlineRun() throws Exception {
        Cli onlineCli = project(online, "online");
        migrations(onlineCli);
        Cli offlineCli = project(offline, "offline");
        migrations(offlineCli);

        Cli.Result up = offlineCli.run("upgrade", "--sql", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertTrue(up.out().contains("\n-- Running upgrade a00000000001 -> b00000000002, email\nBEGIN;\n"), up.out());
        assertTrue(
                up.out().contains(" aborts the script otherwise\nSET TIME ZONE 'UTC';\n"),
                "the zone first: " + up.out());
        Cli.Result berlin = offlineCli.run("-x", "timezone=Europe/Berlin", "upgrade", "--sql", "head");
        assertTrue(berlin.out().contains("\nSET TIME ZONE 'Europe/Berlin';\n"), berlin::toString);
        assertTrue(
                up.out()
                        .contains(
                                "COMMIT;\n-- outside a transaction\nSET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY"),
                up.out());
        assertFalse(
                up.out().contains("Running upgrade <base> -> a00000000001, customers, with O'Brien\nRunning"),
                "no progress lines");
        Psql.run(offline, workDir, up.out());
        assertEquals(ExitCode.OK, onlineCli.run("upgrade", "head").code());
        assertSame();
        assertEquals(List.of("c00000000003"), offline.query("SELECT version_num FROM retort_version"));
        assertEquals(List.of("O'Brien", "back\\slash"), offline.query("SELECT name FROM customers ORDER BY id"));
        assertEquals(
                online.query("SELECT revision, direction, checksum, message FROM retort_version_history ORDER BY id"),
                offline.query("SELECT revision, direction, checksum, message FROM retort_version_history ORDER BY id"));

        Cli.Result partial = offlineCli.run("downgrade", "--sql", "c00000000003:a00000000001");
        assertEquals(ExitCode.OK, partial.code(), partial::toString);
        Psql.run(offline, workDir, partial.out());
        assertEquals(ExitCode.OK, onlineCli.run("downgrade", "a00000000001").code());
        assertSame();

        Cli.Result down = offlineCli.run("downgrade", "--sql", "a00000000001:base");
        Psql.run(offline, workDir, down.out());
        assertEquals(ExitCode.OK, onlineCli.run("downgrade", "base").code());
        assertSame();
        assertEquals(List.of(), offline.query("SELECT version_num FROM retort_version"));

        Cli.Result stamp = offlineCli.run("stamp", "--sql", "b00000000002");
        Psql.run(offline, workDir, stamp.out());
        assertEquals(ExitCode.OK, onlineCli.run("stamp", "b00000000002").code());
        assertEquals(
                online.query("SELECT version_num FROM retort_version"),
                offline.query("SELECT version_num FROM retort_version"));

        Cli.Result needsRange = offlineCli.run("downgrade", "--sql", "base");
        assertEquals(
                "error: downgrade --sql needs FROM:TO, e.g. head:base (there is no database to ask)\n",
                needsRange.err());
    }

    private static void assertSame() throws SQLException {
        assertEquals(read(online), read(offline));
        assertEquals(
                online.query("SELECT version_num FROM retort_version"),
                offline.query("SELECT version_num FROM retort_version"));
        assertEquals(
                online.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"),
                offline.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"));
    }

    private static Schema read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return PostgresIntrospector.read(c, new SchemaScope(List.of("public"), Set.of()));
        }
    }
}
