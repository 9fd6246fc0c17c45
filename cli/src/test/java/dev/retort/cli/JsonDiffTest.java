package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.hostile.HostileText;
import dev.retort.postgres.PostgresSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff --format json} between two real databases: the README's example, names from the hostile-text corpus. */
class JsonDiffTest {
    @RegisterExtension
    static final TestDatabase a = new TestDatabase();

    @RegisterExtension
    static final TestDatabase b = new TestDatabase();

    @TempDir
    Path workDir;

    @BeforeEach
    void emptyDatabases() throws SQLException {
        a.reset();
        b.reset();
    }

    /** The README's example: its two databases, the document it shows. */
    @Test
    void theReadmeExampleIsWhatDiffWrites() throws Exception {
        String section = ReadmeTest.section("## Machine-readable output");
        String sql = block(section, "```sql\n");
        String json = block(section, "```json\n");
        int second = sql.indexOf("-- database b\n");
        a.execute(sql.substring(sql.indexOf("-- database a\n"), second));
        b.execute(sql.substring(second));
        Cli.Result diff = new Cli(workDir).run("diff", "--from", a.url(), "--to", b.url(), "--format", "json");
        assertEquals(new Cli.Result(ExitCode.FOUND, json, ""), diff);
    }

    private static String block(String text, String fence) {
        int start = text.indexOf(fence) + fence.length();
        return text.substring(start, text.indexOf("```\n", start));
    }

    @Test
    void hostileNamesReachTheDocumentEscapedAndExact() throws Exception {
        StringBuilder sql = new StringBuilder();
        for (String name : HostileText.ALL) {
            sql.append("CREATE TABLE ")
                    .append(PostgresSql.quote(name))
                    .append(" (")
                    .append(PostgresSql.quote(name))
                    .append(" integer);\n");
        }
        b.execute(sql.toString());
        Cli cli = new Cli(workDir);
        Cli.Result diff = cli.run("diff", "--from", a.url(), "--to", b.url(), "--format", "json");
        assertEquals(ExitCode.FOUND, diff.code(), diff::toString);
        assertFalse(HostileText.hasRawHidden(diff.out()), () -> HostileText.firstRawHidden(diff.out()));
        JsonNode operations = JsonOutputTest.document(diff, "diff").get("operations");
        Set<String> tables = new TreeSet<>();
        for (JsonNode operation : operations) {
            assertEquals("create-table", operation.get("kind").asText(), operation::toString);
            String table = operation.get("object").get("table").asText();
            tables.add(table);
            assertEquals("public", operation.get("object").get("schema").asText());
            assertEquals(
                    List.of("CREATE TABLE " + PostgresSql.quote(table) + " (\n    " + PostgresSql.quote(table)
                            + " integer\n)"),
                    JsonOutputTest.texts(operation.get("sql")));
        }
        assertEquals(new TreeSet<>(HostileText.ALL), tables);

        try (Connection connection = a.connect();
                Statement statement = connection.createStatement()) {
            for (JsonNode operation : operations)
                for (String each : JsonOutputTest.texts(operation.get("sql"))) statement.execute(each);
        }
        Cli.Result equal = cli.run("diff", "--from", a.url(), "--to", b.url(), "--format", "json");
        assertEquals(ExitCode.OK, equal.code(), equal::toString);
        assertEquals(0, JsonOutputTest.document(equal, "diff").get("operations").size());
    }

    @Test
    void jsonAndSqlTogetherAreRefused() throws Exception {
        Cli.Result both = new Cli(workDir).run("diff", "--from", a.url(), "--to", b.url(), "--format", "json", "--sql");
        assertEquals(ExitCode.ERROR, both.code(), both::toString);
        assertEquals(
                "--format json and --sql: choose one",
                JsonOutputTest.document(both, "diff").get("error").asText());
    }
}
