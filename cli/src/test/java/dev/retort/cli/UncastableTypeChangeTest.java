package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.DatabaseSideScenarioTest.SchemaDump;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A type change PostgreSQL has no cast for ({@code bigint -> timestamp}) is never guessed: {@code
 * check} and {@code diff} mark it {@code needs-using}, {@code diff --sql} refuses it in one line, and
 * the generated migration carries {@code Using.TO_BE_WRITTEN} with a TODO, fails unfilled before
 * anything changes, and works both ways once a person writes the two expressions. Through the real
 * command line, on real databases.
 */
class UncastableTypeChangeTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final TestDatabase other = new TestDatabase();

    @TempDir
    Path dir;

    private static final String NEEDS_USING = "HAZARD needs-using: type bigint -> %s of %s has no cast PostgreSQL"
            + " can apply: its USING expression is to be written by hand (Using.of(\"...\") in place of"
            + " Using.TO_BE_WRITTEN); until then it fails before anything changes";

    /** The placeholder as the argument closing a call (the comments name it too). */
    private static final String CODE = "Using.TO_BE_WRITTEN);\n";

    @Test
    void diffMarksItAndDiffSqlRefusesItInOneLine() throws Exception {
        db.reset();
        other.reset();
        db.execute("CREATE TABLE events (id integer PRIMARY KEY, at bigint, n integer)");
        other.execute("CREATE TABLE events (id integer PRIMARY KEY, at timestamp, n bigint)");
        Cli cli = new Cli(dir);

        Cli.Result diff = cli.run("diff", "--from", db.url(), "--to", other.url());
        assertEquals(ExitCode.FOUND, diff.code(), diff::toString);
        List<String> lines = diff.out().lines().toList();
        assertTrue(lines.contains("  " + NEEDS_USING.formatted("timestamp(6)", "events.at")), diff::toString);
        assertEquals(1, lines.stream().filter(l -> l.contains("needs-using")).count(), "n converts: " + diff);

        String before = SchemaDump.of(db);
        Cli.Result sql = cli.run("diff", "--from", db.url(), "--to", other.url(), "--sql");
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: column events.at: type bigint -> timestamp(6) has no cast PostgreSQL can apply, and"
                                + " diff --sql does not guess its USING expression: write it in a migration"
                                + " (revision --autogenerate marks it)\n"),
                sql);
        assertEquals(before, SchemaDump.of(db));
    }

    @Test
    void checkMarksItAndTheMigrationFailsUnfilledAndWorksFilled() throws Exception {
        db.reset();
        Cli cli = new Cli(dir);
        cli.configure(db, Shop.V1, "snake");
        assertEquals(0, cli.run("revision", "--autogenerate", "-m", "create").code());
        assertEquals(0, cli.run("upgrade", "head").code());
        db.execute("INSERT INTO customers (id, created_at, email) VALUES (1, TIMESTAMP '2026-01-02 03:04:05', 'a@b')");
        db.execute(
                "ALTER TABLE customers ALTER COLUMN created_at TYPE bigint USING extract(epoch FROM created_at)::bigint");

        Cli.Result check = cli.run("check");
        assertEquals(1, check.code(), check::toString);
        assertTrue(
                check.out()
                        .lines()
                        .toList()
                        .contains("    " + NEEDS_USING.formatted("timestamp(6)", "customers.created_at")),
                check::toString);

        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "created at as a timestamp");
        assertEquals(0, revision.code(), revision::toString);
        Path migration = newest(dir.resolve("migrations"));
        String source = Files.readString(migration);
        assertEquals(2, count(source, CODE), source);
        assertTrue(
                source.contains("// TODO(retort): write the USING expression that turns customers.created_at from"
                        + " bigint into timestamp(6): Using.of(\"...\") in place of Using.TO_BE_WRITTEN\n"),
                source);

        String before = SchemaDump.of(db);
        Cli.Result unfilled = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, unfilled.code(), unfilled::toString);
        assertEquals(
                "",
                unfilled.out()
                        .lines()
                        .filter(l -> l.contains("created_at"))
                        .findFirst()
                        .orElse(""));
        assertEquals(1, unfilled.err().lines().count(), unfilled::toString);
        assertTrue(
                unfilled.err()
                        .contains("table \"customers\", column \"created_at\": the USING expression of"
                                + " bigint -> timestamp(6) is still to be written (Using.TO_BE_WRITTEN)"),
                unfilled::toString);
        assertTrue(unfilled.err().contains(migration.getFileName().toString().substring(1, 13)), unfilled::toString);
        assertEquals(before, SchemaDump.of(db), "nothing changed");

        String up = "Using.of(\"to_timestamp(created_at) AT TIME ZONE 'UTC'\"));\n";
        String down = "Using.of(\"extract(epoch FROM created_at)::bigint\"));\n";
        int first = source.indexOf(CODE);
        int second = source.indexOf(CODE, first + 1);
        String filled = source.substring(0, first)
                + up
                + source.substring(first + CODE.length(), second)
                + down
                + source.substring(second + CODE.length());
        Files.writeString(migration, filled);

        Cli.Result upgrade = cli.run("upgrade", "head");
        assertEquals(0, upgrade.code(), () -> upgrade + filled);
        assertEquals("2026-01-02 03:04:05", value("SELECT created_at::text FROM customers"));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        Cli.Result downgrade = cli.run("downgrade", "-1");
        assertEquals(0, downgrade.code(), downgrade::toString);
        assertEquals("1767323045", value("SELECT created_at::text FROM customers"));
        assertEquals(before, SchemaDump.of(db), "the downgrade gives the bigint back");
    }

    private static Path newest(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("TO_BE_WRITTEN");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    private static String value(String sql) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
