package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.autogenerate.Autogenerate;
import dev.retort.diff.Plan;
import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.op.Op;
import dev.retort.postgres.PostgresSql;
import dev.retort.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The migra fixtures ({@code ../shared/peer-fixtures/migra}) as an outside yardstick: load A and B,
 * apply Retort's upgrade to A and re-diff against B to nothing, then apply the downgrade and find
 * A again. Objects outside Retort's scope (views, functions, triggers, ...) are ignored, never
 * invented.
 *
 * <p>Extensions and views are outside Retort's scope: A gets B's extensions (the types of B's tables
 * come with them) and loses its views (PostgreSQL will not change a column a view reads) before
 * Retort's upgrade runs, as a user would arrange in the migration.
 */
class MigraFixturesTest {
    @RegisterExtension
    static final TestDatabase a = new TestDatabase();

    @RegisterExtension
    static final TestDatabase b = new TestDatabase();

    private static final Path FIXTURES = Path.of(System.getProperty("retort.repository.root", ".."))
            .resolve("../shared/peer-fixtures/migra")
            .normalize();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "constraints||",
                "enumdefaults||",
                "excludeschema||excludedschema",
                "generated||",
                "identitycols||",
                "singleschema|goodschema|",
                "collations||",
                "dependencies4||",
                "triggers2||",
                "seq||",
                "everything||",
                "enumdeps||",
            })
    void upgradeReachesBAndDowngradeReturnsToA(String fixture, String schemas, String excluded) throws Exception {
        a.resetAllSchemas();
        b.resetAllSchemas();
        Psql.load(a, FIXTURES.resolve(fixture).resolve("a.sql"));
        Psql.load(b, FIXTURES.resolve(fixture).resolve("b.sql"));
        Autogenerate autogenerate = autogenerate(schemas, excluded);
        Schema start = read(a, autogenerate);
        Plan plan = autogenerate.diff(start, read(b, autogenerate));
        assertTrue(!plan.isEmpty(), "the fixture has changes in scope");
        // extensions are outside Retort's scope: the types B's tables use come with them, so A gets B's extensions
        // first
        for (String extension : b.query("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'")) {
            a.execute("CREATE EXTENSION IF NOT EXISTS \"" + extension + "\"");
        }
        // views are outside Retort's scope too, and PostgreSQL will not change a column a view reads: as a user would
        // in
        // the migration (op.execute), A's views go first; nothing in scope depends on them
        for (String view : a.query(
                "SELECT format('%s %I.%I', CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END, n.nspname, c.relname)"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm')"
                        + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')")) {
            a.execute("DROP " + view + " CASCADE");
        }
        apply(a, plan.upgrade());
        Plan rest = autogenerate.diff(read(a, autogenerate), read(b, autogenerate));
        assertTrue(rest.isEmpty(), () -> "after upgrade, still different: " + rest.upgrade());
        apply(a, plan.downgrade());
        Plan back = autogenerate.diff(read(a, autogenerate), start);
        assertTrue(back.isEmpty(), () -> "after downgrade, not A again: " + back.upgrade());
    }

    /** The pipeline over the fixture's schemas, public first and the default one. */
    private static Autogenerate autogenerate(String schemas, String excluded) throws SQLException {
        List<String> names = new ArrayList<>();
        if (schemas == null || schemas.isBlank()) {
            for (TestDatabase db : List.of(a, b)) {
                for (String name : db.query(
                        "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema')"
                                + " AND nspname NOT LIKE 'pg\\_%' ORDER BY nspname")) {
                    if (!names.contains(name)) names.add(name);
                }
            }
        } else {
            names.addAll(Arrays.asList(schemas.split(" ")));
        }
        if (excluded != null) names.removeAll(Arrays.asList(excluded.split(" ")));
        names.remove("public");
        names.add(0, "public");
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
            for (Op op : ops) {
                for (String sql : PostgresSql.statements(op)) st.execute(sql);
            }
        }
    }
}
