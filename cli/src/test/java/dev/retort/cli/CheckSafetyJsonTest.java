package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.online.Account;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --format json} under {@code safety}: the plan's operations stay as they are, and {@code blocks} holds
 * what a migration generated now would run: under {@code online}, its lock-safe forms in transaction and autocommit
 * blocks. On PostgreSQL with rows, through the real command line: the blocks' statements, run block by block, make
 * the database match, and they are the statements of the migration {@code revision --autogenerate} writes.
 */
class CheckSafetyJsonTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    Cli cli;

    /** The entities' schema from a plain revision, with rows; then an index and a foreign key removed by hand. */
    @BeforeEach
    void project() throws SQLException {
        db.reset();
        cli = new Cli(dir);
        cli.configure(db, Account.PACKAGE, "snake");
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "create").code());
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        db.execute("INSERT INTO owners (id, name) SELECT i, 'owner ' || i FROM generate_series(1, 10) i");
        db.execute("INSERT INTO accounts (id, email, region, balance, owner_id)"
                + " SELECT i, 'a' || i || '@example.com', 'r' || (i % 7), i % 100, i % 10 + 1"
                + " FROM generate_series(1, 500) i");
        db.execute("DROP INDEX accounts_region_idx");
        db.execute("ALTER TABLE accounts DROP CONSTRAINT accounts_owner_id_fkey");
    }

    private JsonNode check() throws Exception {
        Cli.Result result = cli.run("check", "--format", "json");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        return JsonOutputTest.document(result, "check");
    }

    private void online() {
        cli.write("retort.properties", cli.read("retort.properties") + "safety = online\n");
    }

    /** Each block as {@code AUTOCOMMIT|TRANSACTION kind kind ...}. */
    private static List<String> shape(JsonNode blocks) {
        List<String> shape = new ArrayList<>();
        for (JsonNode block : blocks) {
            StringBuilder line = new StringBuilder(block.get("autocommit").asBoolean() ? "autocommit" : "transaction");
            for (JsonNode op : block.get("operations"))
                line.append(' ').append(op.get("kind").asText());
            shape.add(line.toString());
        }
        return shape;
    }

    @Test
    void simpleIsOneTransactionOfThePlainOperations() throws Exception {
        JsonNode document = check();
        assertEquals("simple", document.get("safety").asText());
        JsonNode blocks = document.get("blocks");
        assertEquals(List.of("transaction create-index add-foreign-key"), shape(blocks), blocks::toString);
        assertEquals(document.get("operations"), blocks.get(0).get("operations"));
    }

    @Test
    void onlineListsTheSameOperationsAndTheBlocksTheMigrationRuns() throws Exception {
        JsonNode simple = check().get("operations");
        online();
        JsonNode document = check();
        assertEquals(simple, document.get("operations"), "the operations do not depend on safety");
        assertEquals("online", document.get("safety").asText());
        JsonNode blocks = document.get("blocks");
        assertEquals(
                List.of(
                        "autocommit drop-index create-index",
                        "transaction add-foreign-key",
                        "autocommit validate-constraint"),
                shape(blocks),
                blocks::toString);
        assertEquals(
                List.of(
                        "DROP INDEX CONCURRENTLY IF EXISTS \"accounts_region_idx\"",
                        "CREATE INDEX CONCURRENTLY \"accounts_region_idx\" ON \"accounts\" (\"region\")",
                        "ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_owner_id_fkey\" FOREIGN KEY (\"owner_id\")"
                                + " REFERENCES \"owners\" (\"id\") NOT VALID",
                        "ALTER TABLE \"accounts\" VALIDATE CONSTRAINT \"accounts_owner_id_fkey\""),
                statements(blocks));
        for (JsonNode op : blocks.get(0).get("operations"))
            assertTrue(op.get("outsideTransaction").asBoolean(), op::toString);
        JsonNode validate = blocks.get(2).get("operations").get(0);
        assertEquals("fails-on-data", validate.get("hazards").get(0).get("kind").asText(), validate::toString);
        assertEquals(0, blocks.get(0).get("operations").get(1).get("hazards").size(), "no long-lock when concurrent");

        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "online");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        String applied = db.query("SELECT version_num FROM retort_version").get(0);
        Cli.Result script = cli.run("upgrade", "--sql", applied + ":head");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        String migration = script.out();
        int at = 0;
        for (String statement : statements(blocks)) {
            int found = migration.indexOf(statement + ";", at);
            assertTrue(
                    found >= 0,
                    () -> "the migration runs " + statement + " after the statements before it:\n" + migration);
            at = found;
        }

        run(blocks);
        assertEquals(ExitCode.OK, cli.run("stamp", "heads").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"), "the blocks' statements are the whole change");
    }

    private static List<String> statements(JsonNode blocks) {
        List<String> statements = new ArrayList<>();
        for (JsonNode block : blocks) statements.addAll(JsonOutputTest.texts(block.get("sql")));
        return statements;
    }

    /** Runs each block as the runner would: a transaction block in one transaction, an autocommit block outside. */
    private static void run(JsonNode blocks) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            for (JsonNode block : blocks) {
                connection.setAutoCommit(block.get("autocommit").asBoolean());
                for (String sql : JsonOutputTest.texts(block.get("sql"))) statement.execute(sql);
                if (!connection.getAutoCommit()) connection.commit();
            }
        }
    }
}
