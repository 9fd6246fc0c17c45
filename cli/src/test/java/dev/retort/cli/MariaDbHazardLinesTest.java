package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.online.Account;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hazards a MariaDB project's {@code check}, {@code check --format json} and {@code revision --autogenerate} (its
 * lines and the generated class's comments) show are MariaDB's ({@code MariaDbHazards}, each claim run on the server
 * by {@code MariaDbHazardsTest}): on a table of 1,000 rows missing its index, its check, a NOT NULL, and with narrower
 * types than the entity's, the check copies the table while writes wait, the type changes copy it, {@code SET NOT
 * NULL} rebuilds it in place, and the index, which MariaDB builds while writes go on, carries no hazard. The
 * migration then runs and {@code check} finds nothing.
 */
class MariaDbHazardLinesTest {
    private static final String CHECK = "HAZARD long-lock: adding check accounts_balance_check on accounts copies the"
            + " table while writes wait (ALGORITHM=COPY, LOCK=SHARED) and fails on rows that violate it: MariaDB 10.11"
            + " has no online form for it";
    private static final String BALANCE = "HAZARD table-rewrite: changing the type of accounts.balance (smallint ->"
            + " integer) copies the table while writes wait (ALGORITHM=COPY, LOCK=SHARED)";
    private static final String REGION = "HAZARD table-rewrite: changing the type of accounts.region (varchar(40) ->"
            + " varchar(255)) copies the table while writes wait (ALGORITHM=COPY, LOCK=SHARED): its values' length"
            + " takes two bytes instead of one (utf8mb4 assumed)";
    private static final String NOT_NULL = "HAZARD table-rewrite: SET NOT NULL on accounts.email rebuilds the table in"
            + " place while writes go on (ALGORITHM=INPLACE, LOCK=NONE)";
    private static final String NULLS = "HAZARD fails-on-data: SET NOT NULL on accounts.email fails if it holds nulls";
    private static final List<String> ALL = List.of(BALANCE, NOT_NULL, NULLS, REGION, CHECK);

    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase();

    @TempDir
    Path workDir;

    @Test
    void checkAndRevisionShowMariaDbsHazards() throws Exception {
        db.execute(MariaDbEntityCheckTest.createScript(Account.PACKAGE, "snake"));
        db.execute("INSERT INTO owners (id) SELECT seq FROM seq_1_to_10");
        db.execute("INSERT INTO accounts (id, email, region, balance, owner_id)"
                + " SELECT seq, concat('a', seq, '@example.com'), concat('r', seq % 7), seq, seq % 10 + 1"
                + " FROM seq_1_to_1000");
        db.execute("""
                DROP INDEX accounts_region_idx ON accounts;
                ALTER TABLE accounts DROP CONSTRAINT accounts_balance_check;
                ALTER TABLE accounts MODIFY balance smallint NULL, MODIFY region varchar(40) NULL,
                  MODIFY email varchar(255) NULL""");
        Cli cli = new Cli(workDir);
        cli.configure(db.url(), Account.PACKAGE, "snake");

        Cli.Result check = cli.run("check");
        assertEquals(ExitCode.FOUND, check.code(), check::toString);
        assertEquals(ALL, hazardLines(check.out()), check.out());
        assertTrue(check.out().contains("  add index accounts (region)\n"), check.out());
        // PostgreSQL's CREATE INDEX blocks writes; MariaDB's builds while they go on
        assertFalse(check.out().contains("blocks writes"), check.out());

        Cli.Result json = cli.run("check", "--format", "json");
        List<String> hazards = new ArrayList<>();
        for (JsonNode operation : new ObjectMapper().readTree(json.out()).get("operations"))
            for (JsonNode hazard : operation.get("hazards"))
                hazards.add("HAZARD " + hazard.get("kind").asText() + ": "
                        + hazard.get("message").asText());
        assertEquals(ALL, hazards, json.out());

        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "account shape");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        assertEquals(ALL, hazardLines(revision.out()), revision.out());
        String source = Files.readString(migrationFile());
        List<String> comments = source.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("// HAZARD"))
                .map(line -> line.substring(3))
                .toList();
        // the upgrade's hazards, then the downgrade's (narrowing back copies too)
        assertEquals(ALL, comments.subList(0, ALL.size()), source);
        assertFalse(source.contains("blocks writes"), source);

        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(new Cli.Result(ExitCode.OK, "No new upgrade operations detected.\n", ""), cli.run("check"));
    }

    /** The hazard lines of a command's output, in order, unindented. */
    private static List<String> hazardLines(String out) {
        return out.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("HAZARD "))
                .toList();
    }

    private Path migrationFile() throws Exception {
        try (Stream<Path> files = Files.walk(workDir.resolve("migrations"))) {
            return files.filter(f -> f.toString().endsWith(".java")).findFirst().orElseThrow();
        }
    }
}
