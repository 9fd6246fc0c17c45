package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.PgDump;
import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.gauges.Gauge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made table with rows whose five columns the entities retype: the generated migration
 * changes them in one {@code ALTER TABLE}, which rewrites the table once (counted by an event
 * trigger on {@code table_rewrite}, which records the relfilenode each rewrite replaces), online
 * and through the offline script; the downgrade restores {@code pg_dump -s} and the rows exactly,
 * {@code timestamp} (stored without a precision) included.
 */
class CombinedAlterTableTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String ROWS = "SELECT id, level, qty, amount, ratio, seen FROM gauges ORDER BY id";

    @TempDir
    Path workDir;

    @BeforeEach
    void handMadeTableWithRowsAndARewriteLog() throws SQLException {
        db.execute("DROP SCHEMA IF EXISTS audit CASCADE; DROP EVENT TRIGGER IF EXISTS log_rewrite");
        db.reset();
        db.execute("""
                CREATE SCHEMA audit;
                CREATE TABLE audit.rewrites (at serial, relation oid, relfilenode oid);
                CREATE FUNCTION audit.log_rewrite() RETURNS event_trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO audit.rewrites (relation, relfilenode)
                    SELECT oid, relfilenode FROM pg_class WHERE oid = pg_event_trigger_table_rewrite_oid();
                END $$;
                CREATE EVENT TRIGGER log_rewrite ON table_rewrite EXECUTE FUNCTION audit.log_rewrite();
                CREATE TABLE gauges (
                    id bigint PRIMARY KEY, level smallint, qty integer, amount numeric(8,2), ratio real,
                    seen timestamp);
                INSERT INTO gauges VALUES
                    (1, 7, 42, 12.50, 0.5, '2024-01-01 10:00:00.123456'),
                    (2, -32768, 2147483647, 999999.99, 0.25, '1999-12-31 23:59:59'),
                    (3, NULL, NULL, NULL, NULL, NULL)""");
    }

    @Test
    void fiveTypeChangesRewriteTheTableOnceAndTheDowngradeRestoresItExactly() throws Exception {
        String schemaBefore = PgDump.schema(db);
        assertTrue(schemaBefore.contains("\n    seen timestamp without time zone\n"), schemaBefore);
        List<String> rowsBefore = db.query(ROWS);
        String fileBefore = relfilenode();
        Cli cli = new Cli(workDir);
        cli.configure(db, Gauge.PACKAGE, "snake");

        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "retype gauges");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        String source = Files.readString(single(workDir.resolve("migrations")));
        assertEquals(2, count(source, ".alterTable(\"gauges\", t -> {"), source);
        // the upgrade narrows values (data-loss), so its block carries the acknowledgement a reviewer replaces
        assertEquals(1, count(source, "op.acknowledgeDataLoss(Ops.UNREVIEWED).alterTable(\"gauges\", t -> {"), source);
        assertEquals(10, count(source, "t.alterColumn("), source);
        assertEquals(0, count(source, "op.alterColumn("), source);
        assertEquals(
                2,
                count(source, "column(\"seen\", \"timestamp\")"),
                "as the database spells it, up and down: " + source);
        String id = revisionId(source);

        Cli.Result script = cli.run("upgrade", "--sql", "head");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        assertEquals(1, count(script.out(), "ALTER TABLE \"gauges\""), script.out());
        for (String action : List.of(
                "ALTER COLUMN \"level\" TYPE integer",
                "ALTER COLUMN \"qty\" TYPE bigint",
                "ALTER COLUMN \"amount\" TYPE numeric(12,4)",
                "ALTER COLUMN \"ratio\" TYPE double precision",
                "ALTER COLUMN \"seen\" TYPE text"))
            assertTrue(script.out().contains("\n    " + action), () -> action + " in\n" + script.out());

        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(List.of(fileBefore), rewrites(), "one rewrite, of the table as it was");
        assertNotEquals(fileBefore, relfilenode());
        assertEquals(
                rowsBefore,
                db.query("SELECT id, level::smallint, qty::integer, amount::numeric(8,2), ratio::real,"
                        + " seen::timestamp FROM gauges ORDER BY id"),
                "every value intact");
        Cli.Result check = cli.run("check");
        assertEquals(Cli.CLEAN_CHECK, check);

        String fileUpgraded = relfilenode();
        clearRewrites();
        Cli.Result down = cli.run("downgrade", "base");
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(List.of(fileUpgraded), rewrites(), "the downgrade rewrites once too");
        assertEquals(schemaBefore, PgDump.schema(db));
        assertEquals(rowsBefore, db.query(ROWS));

        String fileRestored = relfilenode();
        clearRewrites();
        psql(script.out());
        assertEquals(List.of(fileRestored), rewrites(), "the offline script rewrites once");
        String fileOffline = relfilenode();
        clearRewrites();
        psql(cli.run("downgrade", "--sql", id + ":base").out());
        assertEquals(List.of(fileOffline), rewrites(), "and so does its downgrade");
        assertEquals(schemaBefore, PgDump.schema(db));
        assertEquals(rowsBefore, db.query(ROWS));
    }

    /** What migrations written before combining do, and still do (their SQL, and so their checksum, unchanged). */
    @Test
    void separateColumnChangesRewriteTheTableOncePerChange() throws Exception {
        Cli cli = new Cli(workDir);
        cli.configure(db, Gauge.PACKAGE, "snake");
        cli.write("migrations/Separate.java", """
                package com.example.migrations;
                import static dev.retort.runtime.Ops.column;
                import dev.retort.runtime.Ops;
                @dev.retort.runtime.Revision(id = "5e9a0000aaaa", message = "one change at a time")
                public final class Separate implements dev.retort.runtime.Migration {
                    public void upgrade(Ops op) {
                        op.alterColumn("gauges", column("level", "smallint"), column("level", "integer"));
                        op.alterColumn("gauges", column("qty", "integer"), column("qty", "bigint"));
                        op.alterColumn("gauges", column("amount", "numeric(8,2)"), column("amount", "numeric(12,4)"));
                        op.alterColumn("gauges", column("ratio", "real"), column("ratio", "double precision"));
                        op.alterColumn("gauges", column("seen", "timestamp"), column("seen", "text"));
                    }
                    public void downgrade(Ops op) {
                    }
                }
                """);
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        List<String> rewrites = rewrites();
        assertEquals(5, rewrites.size(), rewrites::toString);
    }

    private static void clearRewrites() throws SQLException {
        db.execute("TRUNCATE audit.rewrites");
    }

    /** The relfilenodes the rewrites of {@code gauges} replaced, in order, since the log was last cleared. */
    private static List<String> rewrites() throws SQLException {
        return db.query(
                "SELECT relfilenode FROM audit.rewrites WHERE relation = 'public.gauges'::regclass ORDER BY at");
    }

    private static String relfilenode() throws SQLException {
        return db.query("SELECT relfilenode FROM pg_class WHERE oid = 'public.gauges'::regclass")
                .get(0);
    }

    private void psql(String script) throws IOException, InterruptedException {
        Psql.run(db, workDir, script);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static String revisionId(String source) {
        Matcher id = Pattern.compile("id = \"([0-9a-f]{12})\"").matcher(source);
        assertTrue(id.find(), source);
        return id.group(1);
    }

    private static Path single(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertEquals(1, all.size(), all::toString);
            return all.get(0);
        }
    }
}
