package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.db.SqlDatabase;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.mariadb.MariaDbIntrospector;
import dev.retort.postgres.PostgresIntrospector;
import dev.retort.postgres.SchemaScope;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renames with a type change under foreign keys, on both databases, through the real command line: a referencing
 * column renamed and widened with the id it references ({@code pets.owner_id integer} to {@code keeper_id bigint},
 * {@code owners.id} to {@code bigint}), and a referenced column renamed and widened ({@code owners.code varchar(10)}
 * to {@code handle varchar(20)}, which {@code pets.owner_code} references). The differ writes each as a drop and an
 * add with a {@code RENAME?} hint naming the rename and the type change; the test makes the edit the hint asks for,
 * as a reviewer would, and the migration then runs over rows, keeps them, checks clean, and its downgrade gives back
 * the first catalog. On MariaDB, which refuses a type change under a key, the plan's own key drops and adds carry it;
 * a hand-written migration that leaves a key on the column is refused before its first statement.
 */
class RenamedKeysTest {
    private static final String V1 = "dev.retort.fixtures.scenarios.retypedkeysv1";
    private static final String V2 = "dev.retort.fixtures.scenarios.renamedkeysv2";

    /** A database the journey runs on, and how its model tables are read. */
    private record Database(SqlDatabase db, Catalog reader) {
        String url() {
            return db.url();
        }

        void execute(String sql) throws SQLException {
            db.execute(sql);
        }

        List<String> query(String sql) throws SQLException {
            return db.query(sql);
        }

        /** The model's tables, Retort's own left out, each with its columns by name (a re-added column goes last). */
        List<Table> catalog() throws SQLException {
            try (Connection c = db.connect()) {
                return reader.tables(c).stream()
                        .filter(t -> !t.name().name().startsWith("retort_"))
                        .map(Table::withColumnsByName)
                        .toList();
            }
        }
    }

    /** The tables a connection's catalog reader reads. */
    private interface Catalog {
        List<Table> tables(Connection c) throws SQLException;
    }

    @Nested
    class OnMariaDb {
        @RegisterExtension
        final MariaDbTestDatabase db = new MariaDbTestDatabase();

        @TempDir
        Path workDir;

        private final Database database =
                new Database(db, c -> MariaDbIntrospector.read(c).schema().tables());

        @Test
        void renamesWithATypeChangeUnderForeignKeys() throws Exception {
            journey(new Cli(workDir), database, false);
        }

        /**
         * The same under {@code safety = online}, then as {@code --sql} scripts applied by the mariadb client: down
         * to version 1 and up again, with the rows kept.
         */
        @Test
        void renamesWithATypeChangeUnderForeignKeysOnlineAndAsScripts() throws Exception {
            Cli cli = new Cli(workDir);
            Start start = journey(cli, database, true);
            applies(cli.run("downgrade", "--sql", "head:" + start.revision()));
            assertEquals(start.catalog(), database.catalog(), "the downgrade script gives back the first catalog");
            assertEquals(
                    List.of("7 1 bo", "8 2 null"),
                    database.query("SELECT id, owner_id, owner_code FROM pets ORDER BY id"));
            applies(cli.run("upgrade", "--sql", start.revision() + ":head"));
            assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
            assertEquals(
                    List.of("7 1 bo", "8 2 null"),
                    database.query("SELECT id, keeper_id, owner_code FROM pets ORDER BY id"));
        }

        /** A script applied through the mariadb client, which stops at the first error. */
        private void applies(Cli.Result script) throws Exception {
            assertEquals(ExitCode.OK, script.code(), script::toString);
            MariaDbClient.Result applied = MariaDbClient.run(workDir, db.name(), script.out());
            assertEquals(0, applied.code(), () -> applied.output() + "\n--- script\n" + script.out());
        }

        /**
         * A migration written by hand that renames and widens a key's column without dropping the key: MariaDB would
         * refuse the {@code MODIFY} after the rename had committed; Retort refuses the revision before its first
         * statement, naming the key, and the database is as it was.
         */
        @Test
        void aTypeChangeUnderAKeyTheMigrationKeepsIsRefusedBeforeAnythingRuns() throws Exception {
            Cli cli = new Cli(workDir);
            List<Table> v1 = startAtVersionOne(cli, database);
            handWritten(cli, """
                    op.renameColumn("pets", "owner_id", "keeper_id");
                    op.alterColumn("pets", column("keeper_id", "integer"), column("keeper_id", "bigint"));
                    """, """
                    op.alterColumn("pets", column("keeper_id", "bigint"), column("keeper_id", "integer"));
                    op.renameColumn("pets", "keeper_id", "owner_id");
                    """);
            Cli.Result up = cli.run("upgrade", "head");
            assertEquals(ExitCode.ERROR, up.code(), up::toString);
            String key = ownerKey();
            assertTrue(
                    up.err()
                            .contains("revision 00000000beef: changing the type of pets.keeper_id would stop the"
                                    + " migration halfway: MariaDB refuses it while foreign key " + key
                                    + " (pets (keeper_id) -> owners (id)) uses the column, even with foreign_key_checks = 0"
                                    + " (error 1832); drop the key before the change and add it again after"),
                    up::toString);
            assertEquals(1, up.err().lines().count(), up::toString);
            assertEquals(v1, database.catalog(), "nothing of the migration ran");

            // the referenced end, renamed first too
            handWritten(cli, """
                    op.renameColumn("owners", "id", "owner_no");
                    op.alterColumn("owners", column("owner_no", "integer").notNull(), column("owner_no", "bigint").notNull());
                    """, """
                    op.alterColumn("owners", column("owner_no", "bigint").notNull(), column("owner_no", "integer").notNull());
                    op.renameColumn("owners", "owner_no", "id");
                    """);
            up = cli.run("upgrade", "head");
            assertEquals(ExitCode.ERROR, up.code(), up::toString);
            assertTrue(
                    up.err()
                            .contains("changing the type of owners.owner_no would stop the migration halfway: MariaDB"
                                    + " refuses it while foreign key " + key
                                    + " (pets (owner_id) -> owners (owner_no)) uses the"
                                    + " column, even with foreign_key_checks = 0 (error 1833)"),
                    up::toString);
            assertEquals(v1, database.catalog(), "nothing of the migration ran");

            // the referenced table renamed first: the key follows it
            handWritten(cli, """
                    op.renameTable("owners", "keepers");
                    op.alterColumn("keepers", column("id", "integer").notNull(), column("id", "bigint").notNull());
                    """, """
                    op.alterColumn("keepers", column("id", "bigint").notNull(), column("id", "integer").notNull());
                    op.renameTable("keepers", "owners");
                    """);
            up = cli.run("upgrade", "head");
            assertEquals(ExitCode.ERROR, up.code(), up::toString);
            assertTrue(
                    up.err()
                            .contains("changing the type of keepers.id would stop the migration halfway: MariaDB"
                                    + " refuses it while foreign key " + key
                                    + " (pets (owner_id) -> keepers (id)) uses the"
                                    + " column, even with foreign_key_checks = 0 (error 1833)"),
                    up::toString);
            assertEquals(v1, database.catalog(), "nothing of the migration ran");

            // the key dropped by hand-written SQL first, which no check before the run reads: not refused, and it runs
            handWritten(cli, """
                    op.execute("ALTER TABLE pets DROP FOREIGN KEY %1$s");
                    op.renameColumn("pets", "owner_id", "keeper_id");
                    op.alterColumn("pets", column("keeper_id", "integer"), column("keeper_id", "bigint"));
                    """.formatted(key), """
                    op.alterColumn("pets", column("keeper_id", "bigint"), column("keeper_id", "integer"));
                    op.renameColumn("pets", "keeper_id", "owner_id");
                    op.execute("ALTER TABLE pets ADD CONSTRAINT %1$s FOREIGN KEY (owner_id) REFERENCES owners (id)");
                    """.formatted(key));
            up = cli.run("upgrade", "head");
            assertEquals(ExitCode.OK, up.code(), up::toString);
            assertEquals(
                    List.of("7 1", "8 2"), database.query("SELECT id, keeper_id FROM pets ORDER BY id"), "rows kept");
            Cli.Result down = cli.run("downgrade", "-1");
            assertEquals(ExitCode.OK, down.code(), down::toString);
        }

        /** The Hibernate-named key of pets.owner_id, read from the database. */
        private String ownerKey() throws SQLException {
            return database.query("SELECT CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE"
                            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'pets' AND COLUMN_NAME = 'owner_id'"
                            + " AND REFERENCED_TABLE_NAME IS NOT NULL")
                    .get(0);
        }
    }

    /** A migration written by hand after the head, replacing the one written before it. */
    private static void handWritten(Cli cli, String upgrade, String downgrade) throws IOException {
        Files.deleteIfExists(cli.workDir.resolve("migrations/R00000000beef_ByHand.java"));
        String head = cli.run("current").out().strip().replace(" (head)", "");
        cli.write("migrations/R00000000beef_ByHand.java", """
                package migrations;

                import static dev.retort.runtime.Ops.column;

                import dev.retort.runtime.Migration;
                import dev.retort.runtime.Ops;
                import dev.retort.runtime.Revision;

                @Revision(id = "00000000beef", revises = "%s", message = "by hand")
                public final class R00000000beef_ByHand implements Migration {
                    @Override
                    public void upgrade(Ops op) {
                %s    }

                    @Override
                    public void downgrade(Ops op) {
                %s    }
                }
                """.formatted(head, upgrade.indent(8), downgrade.indent(8)));
    }

    @Nested
    class OnPostgreSql {
        @RegisterExtension
        final TestDatabase db = TestDatabase.perTest();

        @TempDir
        Path workDir;

        private final Database database = new Database(
                db,
                c -> PostgresIntrospector.read(
                                c,
                                new SchemaScope(
                                        List.of("public"),
                                        Set.of(
                                                QualifiedName.of("retort_version"),
                                                QualifiedName.of("retort_version_history"))))
                        .tables());

        @Test
        void renamesWithATypeChangeUnderForeignKeys() throws Exception {
            journey(new Cli(workDir), database, false);
        }
    }

    /** Version 1 created, upgraded and filled; its catalog. */
    private static List<Table> startAtVersionOne(Cli cli, Database db) throws Exception {
        assertEquals(ExitCode.OK, cli.run("init").code());
        cli.configure(db.url(), V1, "snake");
        Cli.Result create = cli.run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, create.code(), create::toString);
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        db.execute("INSERT INTO owners (id, code) VALUES (1, 'ann'), (2, 'bo')");
        db.execute("INSERT INTO tags (code) VALUES ('cat')");
        db.execute(
                "INSERT INTO pets (id, owner_id, owner_code, tag_code) VALUES (7, 1, 'bo', 'cat'), (8, 2, NULL, NULL)");
        return db.catalog();
    }

    /** Version 1's catalog and revision, which the journey ends one revision after. */
    private record Start(List<Table> catalog, String revision) {}

    private static Start journey(Cli cli, Database db, boolean online) throws Exception {
        List<Table> v1 = startAtVersionOne(cli, db);
        String first = cli.run("current").out().strip().replace(" (head)", "");

        cli.configure(db.url(), V2, "snake");
        if (online) cli.write("retort.properties", cli.read("retort.properties") + "safety = online\n");
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "renamed keys");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        Path file = newest(cli.workDir.resolve("migrations"), "_RenamedKeys.java");
        String source = Files.readString(file);
        // the hints, in both directions: the rename, then the change under the new name
        assertTrue(
                source.contains("// RENAME? pets.owner_id -> keeper_id looks like a rename with a type change"
                        + " (integer -> bigint)"),
                source);
        assertTrue(source.contains("// op.renameColumn(\"pets\", \"owner_id\", \"keeper_id\");"), source);
        assertTrue(
                source.contains("// op.alterColumn(\"pets\", column(\"keeper_id\", \"integer\"),"
                        + " column(\"keeper_id\", \"bigint\"));"),
                source);
        assertTrue(
                source.contains("// RENAME? owners.code -> handle looks like a rename with a type change"
                        + " (varchar(10) -> varchar(20))"),
                source);
        assertTrue(source.contains("// op.renameColumn(\"pets\", \"keeper_id\", \"owner_id\");"), source);
        assertTrue(source.contains("// op.renameColumn(\"owners\", \"handle\", \"code\");"), source);

        // under safety = online the keys come back in MariaDB's online form: unchecked, then validated
        assertEquals(online ? 4 : 0, occurrences(source, "Option.NOT_VALID"), source);
        String edited = takeHints(source);
        assertEquals(4, occurrences(edited, "op.renameColumn("), edited);
        Files.writeString(file, edited);

        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), () -> up + "\n" + edited);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"), edited);
        assertEquals(
                List.of("7 1 bo cat", "8 2 null null"),
                db.query("SELECT id, keeper_id, owner_code, tag_code FROM pets ORDER BY id"));
        assertEquals(List.of("1 ann", "2 bo"), db.query("SELECT id, handle FROM owners ORDER BY id"));

        Cli.Result down = cli.run("downgrade", "-1");
        assertEquals(ExitCode.OK, down.code(), () -> down + "\n" + edited);
        assertEquals(v1, db.catalog(), "downgrade -1 gives back exactly the first catalog");
        assertEquals(
                List.of("7 1 bo cat", "8 2 null null"),
                db.query("SELECT id, owner_id, owner_code, tag_code FROM pets ORDER BY id"));
        assertEquals(List.of("1 ann", "2 bo"), db.query("SELECT id, code FROM owners ORDER BY id"));
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        return new Start(v1, first);
    }

    private static final Pattern HINT = Pattern.compile(
            "(?m)^( +)// RENAME\\? (\\w+)\\.(\\w+) -> (\\w+) looks like a rename with a type change .*\\n"
                    + "((?: +// op\\..*\\n)+)((?: +// .*\\n)*)( +op\\.(?:acknowledgeDataLoss\\(Ops\\.UNREVIEWED\\)\\.)?"
                    + "dropColumn\\(.*\\n)");

    /**
     * The edit each hint asks for, as a reviewer makes it: the hinted operations, uncommented, in place of the drop
     * (and its comments), and the add of the new column (and its comments) taken out.
     */
    private static String takeHints(String source) {
        String edited = source;
        Matcher hint = HINT.matcher(edited);
        while (hint.find()) {
            String table = hint.group(2);
            String added = hint.group(4);
            String instead = hint.group(5).replace("// ", "");
            edited = edited.substring(0, hint.start()) + instead + edited.substring(hint.end());
            // the add is the table's own statement, or a line of the table's op.alterTable block (with its comments)
            String add = "(?m)^(?: +// .*\\n)*( +op\\.addColumn\\(\"" + table + "\", | +t\\.addColumn\\()column\\(\""
                    + added + "\".*\\n";
            String without = edited.replaceFirst(add, "");
            assertTrue(without.length() < edited.length(), "no add of " + table + "." + added + " in\n" + edited);
            edited = without;
            hint = HINT.matcher(edited);
        }
        return edited;
    }

    private static Path newest(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
