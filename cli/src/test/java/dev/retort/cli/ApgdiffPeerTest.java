package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.autogenerate.Autogenerate;
import dev.retort.cli.DatabaseSideScenarioTest.SchemaDump;
import dev.retort.diff.Plan;
import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.op.Op;
import dev.retort.postgres.PostgresSql;
import dev.retort.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second peer suite nobody on this team wrote: apgdiff's before/after schemas (<a
 * href="https://github.com/fordfrog/apgdiff">fordfrog/apgdiff</a>, MIT licence, read at commit
 * {@code 71920d4ed32c49f42e5891e5409c9f4a0cb3ddfe}), never copied here: point the test at a checkout with
 * {@code -Dretort.peer.apgdiff=/path/to/apgdiff} (the repository's root, or its
 * {@code src/test/resources/cz/startnet/utils/pgdiff}); without it the test is skipped with a message.
 *
 * <p>Each case {@code NAME_original.sql} / {@code NAME_new.sql}, read without what its old {@code pg_dump} output says
 * of owners, privileges, the tablespace setting and {@code plpgsql} ({@link #NOT_SCHEMA}), whose schemas stay within
 * Retort's scope (no
 * function, view, trigger, rule, aggregate, privilege, owner, partition, inheritance, tablespace or cluster) is one
 * named test: both are loaded (a case PostgreSQL 15 no longer accepts is skipped), Retort's plan from the first to the
 * second is applied and {@code pg_dump -s} must equal the second's, its downgrade applied and {@code pg_dump -s} must
 * equal the first's again, and {@code retort diff --sql} applied with psql must give the second too.
 */
class ApgdiffPeerTest {
    static final String PROPERTY = "retort.peer.apgdiff";

    @RegisterExtension
    static final TestDatabase a = new TestDatabase();

    @RegisterExtension
    static final TestDatabase b = new TestDatabase();

    /** What a case may not hold to be in scope: objects Retort leaves alone, and what {@code pg_dump -s} shows of them. */
    private static final Pattern OUT_OF_SCOPE = Pattern.compile(
            "\\b(FUNCTION|VIEW|TRIGGER|RULE|AGGREGATE|GRANT|REVOKE|OWNER|PARTITION|INHERITS|TABLESPACE|CLUSTER"
                    + "|POLICY|ROW LEVEL SECURITY|EXTENSION|OPERATOR|DOMAIN|LANGUAGE|TYPE [^ ]+ AS \\(|WITH OIDS|WITHOUT OIDS"
                    + "|STATISTICS|STORAGE)\\b",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    Path workDir;

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        String root = System.getProperty(PROPERTY, System.getenv("RETORT_PEER_APGDIFF"));
        assumeTrue(
                root != null && !root.isBlank(),
                "apgdiff's cases are not here: set -D" + PROPERTY
                        + "=/path/to/apgdiff (a checkout of fordfrog/apgdiff)");
        Path dir = Path.of(root);
        Path resources = dir.resolve("src/test/resources/cz/startnet/utils/pgdiff");
        if (Files.isDirectory(resources)) dir = resources;
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path original : files.filter(p -> p.getFileName().toString().endsWith("_original.sql"))
                    .sorted()
                    .toList()) {
                String name = original.getFileName().toString().replace("_original.sql", "");
                Path changed = original.resolveSibling(name + "_new.sql");
                if (!Files.exists(changed) || !inScope(original) || !inScope(changed)) continue;
                tests.add(DynamicTest.dynamicTest(name, () -> run(original, changed)));
            }
        }
        return tests.stream();
    }

    /**
     * Lines of apgdiff's old {@code pg_dump} output that say nothing about the objects in scope and would not load
     * here: comments, owners (role {@code fordfrog} does not exist), privileges, the tablespace setting, and {@code
     * plpgsql}, which PostgreSQL 15 has built in.
     */
    private static final Pattern NOT_SCHEMA = Pattern.compile(
            "^\\s*--.*|^SET default_tablespace.*|.*\\bOWNER TO\\b.*|^\\s*(GRANT|REVOKE)\\b.*"
                    + "|^(CREATE|ALTER|COMMENT ON) (OR REPLACE )?(PROCEDURAL )?(LANGUAGE|EXTENSION)( IF NOT EXISTS)? plpgsql\\b.*",
            Pattern.CASE_INSENSITIVE);

    /** The case's SQL without the lines {@link #NOT_SCHEMA} names. */
    private static String schemaOf(Path sql) throws IOException {
        return Files.readString(sql, StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !NOT_SCHEMA.matcher(line).matches())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static boolean inScope(Path sql) throws IOException {
        return !OUT_OF_SCOPE.matcher(schemaOf(sql).toUpperCase(Locale.ROOT)).find();
    }

    private void run(Path original, Path changed) throws Exception {
        a.resetAllSchemas();
        b.resetAllSchemas();
        assumeTrue(loads(a, original) && loads(b, changed), "PostgreSQL 15 does not load this case as written");
        String start = SchemaDump.of(a);
        String target = SchemaDump.of(b);
        Autogenerate autogenerate = autogenerate();
        Plan plan = autogenerate.diff(read(a, autogenerate), read(b, autogenerate));
        apply(a, plan.upgrade());
        assertEquals(target, SchemaDump.of(a), "after the upgrade, pg_dump -s of the new schema");
        apply(a, plan.downgrade());
        assertEquals(start, SchemaDump.of(a), "after the downgrade, pg_dump -s of the original schema");
        Cli.Result script = new Cli(workDir).run("diff", "--from", a.url(), "--to", b.url(), "--sql");
        if (script.code() == ExitCode.FOUND) Psql.run(a, workDir, script.out());
        else assertEquals(ExitCode.OK, script.code(), script::toString);
        assertEquals(target, SchemaDump.of(a), "after diff --sql, pg_dump -s of the new schema");
    }

    private boolean loads(TestDatabase db, Path sql) throws IOException, InterruptedException {
        return Psql.apply(db, workDir, schemaOf(sql)).code() == 0;
    }

    /** Every schema either database has, public first, as {@code retort diff} reads them. */
    private static Autogenerate autogenerate() throws SQLException {
        List<String> names = new ArrayList<>(List.of("public"));
        for (TestDatabase db : List.of(a, b)) {
            for (String name : db.query(
                    "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public')"
                            + " AND nspname NOT LIKE 'pg\\_%' ORDER BY nspname")) {
                if (!names.contains(name)) names.add(name);
            }
        }
        return Autogenerate.configure().schemas(names).defaultSchema("public").load();
    }

    private static Schema read(TestDatabase db, Autogenerate autogenerate) throws SQLException {
        try (Connection c = db.connect()) {
            return autogenerate.readDatabase(c);
        }
    }

    private static void apply(TestDatabase db, List<Op> ops) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String sql : PostgresSql.statements(ops)) st.execute(sql);
        }
    }
}
