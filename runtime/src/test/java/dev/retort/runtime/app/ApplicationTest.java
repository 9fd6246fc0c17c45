package dev.retort.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.revision.RevisionNode;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An application's view: only the runtime module, a DataSource, and migrations compiled into a
 * package, run at start-up behind an AUTO_MIGRATE-style switch.
 */
class ApplicationTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
    }

    /** What an application's start-up code does. */
    static Retort startUp(boolean autoMigrate) {
        Retort retort = Retort.configure()
                .dataSource(dataSource())
                .migrationsPackage("dev.retort.runtime.app.migrations")
                .load();
        if (autoMigrate) retort.upgrade("head");
        return retort;
    }

    @Test
    void startUpWithAndWithoutTheSwitch() throws SQLException {
        Retort retort = startUp(false);
        assertEquals(Set.of(), retort.current());
        assertEquals(
                List.of("000000000001", "000000000002"),
                retort.pending().stream().map(RevisionNode::id).toList());

        startUp(true);
        assertEquals(Set.of("000000000002"), retort.current());
        assertTrue(retort.pending().isEmpty());
        assertTrue(retort.validate().isClean());
        assertEquals(
                List.of("000000000001 upgrade", "000000000002 upgrade"),
                retort.history().stream()
                        .map(h -> h.revision() + " " + h.direction())
                        .toList());

        RunResult again = startUp(true).upgrade("head");
        assertTrue(again.applied().isEmpty(), "a second replica finds nothing to do");

        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO accounts (email, name) VALUES ('ada@example.com', 'ada')");
        }
        RunResult down = retort.downgrade("-1");
        assertEquals(Set.of("000000000001"), down.after());
        assertEquals(List.of("email", "id"), columns("accounts"));
        HistoryEntry last = retort.history().get(retort.history().size() - 1);
        assertEquals("000000000002 downgrade", last.revision() + " " + last.direction());
        retort.upgrade("head");
        assertEquals(List.of("email", "id", "name"), columns("accounts"));
    }

    /** The verbs the command line calls besides those above: stamp, accept, where the version table is, the graph, scripts. */
    @Test
    void stampAcceptAndOfflineScripts(@TempDir Path folder) throws IOException {
        Retort offline = Retort.configure()
                .offline()
                .schemas("app")
                .migrationsPackage("dev.retort.runtime.app.migrations")
                .load();
        assertEquals(List.of("000000000002"), offline.revisions().heads());
        String script = offline.upgradeScript(Set.of(), "head");
        assertTrue(script.startsWith("\n-- Retort offline script: upgrade base -> head\n-- Apply with psql"), script);
        assertTrue(
                script.contains(
                        " aborts the script otherwise\nSET TIME ZONE 'UTC';\nSET search_path TO \"app\", public;\n"),
                script);
        assertThrows(IllegalStateException.class, offline::current, "an offline facade does not connect");

        Retort retort = startUp(false);
        assertEquals(
                Set.of("000000000002"), retort.stamp(List.of("head"), false).after());
        assertEquals("\"public\".\"retort_version\"", retort.versionTable());
        assertEquals(
                List.of(Validation.Kind.UNVERIFIABLE, Validation.Kind.UNVERIFIABLE),
                retort.validate().problems().stream()
                        .map(Validation.Problem::kind)
                        .toList());
        retort.accept("000000000001");
        retort.accept("000000000002");
        assertTrue(retort.validate().isClean());

        Files.writeString(folder.resolve("Broken.java"), "class Broken { int x = \"text\"; }");
        Retort later = Retort.configure()
                .dataSource(dataSource())
                .migrationsDirectory(folder)
                .loadInBackground()
                .load();
        assertThrows(MigrationException.class, later::revisions, "the compile error comes with the first verb");
    }

    @Test
    void aPackageWithoutMigrationsIsAnError() {
        IllegalStateException noSource = assertThrows(
                IllegalStateException.class,
                () -> Retort.configure().url(db.url(), null, null).load());
        assertEquals(
                "configure exactly one of migrationsPackage, migrationsDirectory or migrations", noSource.getMessage());
        MigrationException e = assertThrows(
                MigrationException.class,
                () -> Retort.configure()
                        .url(db.url(), null, null)
                        .migrationsPackage("dev.retort.postgres")
                        .load());
        assertEquals("no @Revision migrations found in package dev.retort.postgres", e.getMessage());
    }

    @Test
    void runtimePullsNoToolingLibraries() {
        for (String tooling : List.of(
                "org.hibernate.Version",
                "org.jooq.meta.Database",
                "com.palantir.javapoet.JavaFile",
                "com.squareup.javapoet.JavaFile",
                "picocli.CommandLine")) {
            assertThrows(
                    ClassNotFoundException.class,
                    () -> Class.forName(tooling),
                    tooling + " is on the runtime's class path");
        }
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.url());
        return dataSource;
    }

    private static List<String> columns(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                        + table + "' ORDER BY 1")) {
            while (rs.next()) names.add(rs.getString("column_name"));
        }
        return names;
    }
}
