package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.adversarial.planted.Stock;
import dev.retort.autogenerate.Autogenerate;
import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import dev.retort.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A role without superuser rights plants functions behind domains, casts, operators, index expressions, generated
 * columns and a search path; a superuser then reads the database with {@code diff}, {@code check},
 * {@code revision --autogenerate} and the introspector. Each planted function advances the sequence
 * {@code evil.tripwire} (which no rollback undoes) or raises; none may run.
 */
class PlantedFunctionsTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final TestDatabase twin = new TestDatabase();

    /** A fresh role per run: roles are cluster-wide. */
    static final String attacker =
            "retort_attacker_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);

    @TempDir
    Path dir;

    @BeforeAll
    static void createAttacker() throws SQLException {
        db.execute("CREATE ROLE " + attacker + " NOSUPERUSER NOLOGIN");
        for (TestDatabase each : List.of(db, twin))
            each.execute("ALTER DATABASE \"" + each.name() + "\" OWNER TO " + attacker);
    }

    @AfterAll
    static void dropAttacker() throws SQLException {
        for (TestDatabase each : List.of(db, twin))
            each.execute("REASSIGN OWNED BY " + attacker + " TO CURRENT_USER; DROP OWNED BY " + attacker);
        db.execute("DROP ROLE " + attacker);
    }

    /** Each test starts from an empty public schema the attacker may create in, and an armed tripwire. */
    @BeforeEach
    void arm() throws SQLException {
        for (TestDatabase each : List.of(db, twin)) {
            each.execute("ALTER DATABASE \"" + each.name() + "\" RESET search_path");
            each.execute("DROP SCHEMA IF EXISTS evil CASCADE");
            each.reset();
            each.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + attacker);
            plant(each, """
                    CREATE SCHEMA evil;
                    CREATE SEQUENCE evil.tripwire;
                    CREATE FUNCTION evil.fire() RETURNS boolean LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_catalog.nextval('evil.tripwire'); RETURN true; END $$;
                    CREATE FUNCTION evil.shifted(i integer) RETURNS integer IMMUTABLE LANGUAGE plpgsql AS $$
                    BEGIN PERFORM evil.fire(); RETURN i; END $$;
                    """);
        }
    }

    /** Runs SQL as the attacker, then re-arms the tripwire (planting an index or generated column runs its functions once). */
    private static void plant(TestDatabase where, String sql) throws SQLException {
        where.execute("SET ROLE " + attacker + ";\n" + sql + ";\nRESET ROLE");
        if (!where.query("SELECT 1 FROM pg_namespace WHERE nspname = 'evil'").isEmpty())
            where.execute("SELECT setval('evil.tripwire', 1, false)");
    }

    private static void plantBoth(String sql) throws SQLException {
        plant(db, sql);
        plant(twin, sql);
    }

    private static final String DOMAIN_DEFAULTS = """
            CREATE FUNCTION evil.valid(i integer) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN PERFORM evil.fire(); RETURN true; END $$;
            CREATE DOMAIN evil.quantity AS integer CHECK (evil.valid(VALUE));
            CREATE DOMAIN evil.amount AS numeric(10,2) CHECK (VALUE > 0 AND evil.valid(1));
            CREATE TABLE stock (id integer PRIMARY KEY, qty evil.quantity DEFAULT 5, price evil.amount DEFAULT 1.50)
            """;

    private static final String CAST_DEFAULT = """
            CREATE TYPE evil.grade AS ENUM ('a', 'b');
            CREATE FUNCTION evil.grade_of(i integer) RETURNS evil.grade LANGUAGE plpgsql AS $$
            BEGIN PERFORM evil.fire(); RAISE EXCEPTION 'tripwire: cast ran'; END $$;
            CREATE CAST (integer AS evil.grade) WITH FUNCTION evil.grade_of(integer) AS ASSIGNMENT;
            CREATE TABLE graded (id integer PRIMARY KEY, grade evil.grade DEFAULT 1)
            """;

    private static final String GENERATED = """
            CREATE TABLE computed (id integer PRIMARY KEY, x integer, y integer GENERATED ALWAYS AS (x + evil.shifted(1)) STORED)
            """;

    @Test
    void domainCheckBehindAConstantDefault() throws Exception {
        plantBoth(DOMAIN_DEFAULTS);
        readEverywayAndAssertNothingRan("stock");
    }

    /** Parsing a literal of a composite or array type runs the input function of each element, and a domain's checks its constraints. */
    @Test
    void domainCheckInsideACompositeOrArrayLiteral() throws Exception {
        plantBoth("""
                CREATE FUNCTION evil.valid(i integer) RETURNS boolean LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN true; END $$;
                CREATE DOMAIN evil.quantity AS integer CHECK (evil.valid(VALUE));
                CREATE TYPE evil.pair AS (a evil.quantity, b integer);
                CREATE TABLE boxed (id integer PRIMARY KEY, p evil.pair DEFAULT '(5,6)', qs evil.quantity[] DEFAULT '{5}');
                CREATE TABLE listed (id integer PRIMARY KEY, n integer CHECK (n <> ALL ('{1}'::evil.quantity[])))
                """);
        readEverywayAndAssertNothingRan("boxed");
    }

    @Test
    void castBehindADefault() throws Exception {
        plantBoth(CAST_DEFAULT + ";\nALTER TABLE graded ADD COLUMN explicit evil.grade DEFAULT 2::evil.grade");
        readEverywayAndAssertNothingRan("graded");
    }

    @Test
    void operatorInACheckConstraint() throws Exception {
        plantBoth("""
                CREATE FUNCTION evil.near(a integer, b integer) RETURNS boolean IMMUTABLE LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RAISE EXCEPTION 'tripwire: operator ran'; END $$;
                CREATE OPERATOR evil.~~~ (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.near);
                CREATE TABLE checked (id integer PRIMARY KEY, x integer, CONSTRAINT near_one CHECK (x OPERATOR(evil.~~~) 1),
                                      CONSTRAINT constant CHECK (1 OPERATOR(evil.~~~) 2))
                """);
        readEverywayAndAssertNothingRan("checked");
    }

    @Test
    void operatorInAnIndexExpression() throws Exception {
        plantBoth("""
                CREATE FUNCTION evil.plus(a integer, b integer) RETURNS integer IMMUTABLE LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN a + b; END $$;
                CREATE OPERATOR evil.#+# (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.plus);
                CREATE TABLE operated (id integer PRIMARY KEY, x integer);
                CREATE INDEX operated_x ON operated ((x + (1 OPERATOR(evil.#+#) 2)))
                """);
        readEverywayAndAssertNothingRan("operated");
    }

    @Test
    void immutableFunctionInAnIndexExpression() throws Exception {
        plantBoth("""
                CREATE TABLE indexed (id integer PRIMARY KEY, x integer);
                CREATE INDEX indexed_x ON indexed ((x + evil.shifted(1)))
                """);
        readEverywayAndAssertNothingRan("indexed");
    }

    @Test
    void immutableFunctionInAPartialIndexPredicate() throws Exception {
        plantBoth("""
                CREATE TABLE predicated (id integer PRIMARY KEY, x integer);
                CREATE INDEX predicated_x ON predicated (x) WHERE x > evil.shifted(1)
                """);
        readEverywayAndAssertNothingRan("predicated");
    }

    @Test
    void functionInAGeneratedColumn() throws Exception {
        plantBoth(GENERATED);
        readEverywayAndAssertNothingRan("computed");
    }

    /** The model's side goes through the canonicaliser too: entities mapping the planted tables, compared by check and autogenerate. */
    @Test
    void entitiesMappingThePlantedTables() throws Exception {
        plant(db, DOMAIN_DEFAULTS + ";\n" + CAST_DEFAULT + ";\n" + GENERATED);
        Cli cli = new Cli(dir);
        cli.write(
                "retort.properties",
                String.join(
                        "\n",
                        "url = " + db.url(),
                        "migrations.dir = migrations",
                        "migrations.package = com.example.migrations",
                        "entities.packages = " + Stock.class.getPackageName(),
                        "entities.classpath = "
                                + Path.of(Stock.class
                                        .getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI()),
                        "entities.naming = snake",
                        ""));
        Cli.Result check = cli.run("check");
        assertEquals(Cli.CLEAN_CHECK, check);
        assertUntouched();
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "planted");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        assertUntouched();
    }

    /**
     * The database's search path puts the attacker's schema before pg_catalog, with functions, operators and a
     * catalog view named like those Retort's catalog queries use.
     */
    @Test
    void searchPathShadowsBuiltins() throws Exception {
        plantBoth("""
                CREATE FUNCTION evil.pg_get_expr(e pg_node_tree, r oid) RETURNS text LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN pg_catalog.pg_get_expr(e, r); END $$;
                CREATE FUNCTION evil.pg_get_expr(e pg_node_tree, r integer) RETURNS text LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN pg_catalog.pg_get_expr(e, r::oid); END $$;
                CREATE FUNCTION evil.format_type(t oid, m integer) RETURNS text LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN pg_catalog.format_type(t, m); END $$;
                CREATE FUNCTION evil.pg_get_constraintdef(c oid) RETURNS text LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN pg_catalog.pg_get_constraintdef(c); END $$;
                CREATE FUNCTION evil.pg_get_indexdef(i oid, k integer, p boolean) RETURNS text LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN pg_catalog.pg_get_indexdef(i, k, p); END $$;
                CREATE FUNCTION evil.quote_ident(n name) RETURNS text LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN pg_catalog.quote_ident(n); END $$;
                CREATE FUNCTION evil.trim_scale(n numeric) RETURNS numeric LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN pg_catalog.trim_scale(n); END $$;
                CREATE FUNCTION evil.to_regclass(n text) RETURNS regclass LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN pg_catalog.to_regclass(n); END $$;
                CREATE FUNCTION evil.to_regtype(n text) RETURNS regtype LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN pg_catalog.to_regtype(n); END $$;
                CREATE FUNCTION evil.array_to_string(a smallint[], s text) RETURNS text LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN pg_catalog.array_to_string(a, s); END $$;
                CREATE FUNCTION evil.generate_series(a integer, b smallint) RETURNS SETOF integer LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN QUERY SELECT pg_catalog.generate_series(a, b::integer); END $$;
                CREATE FUNCTION evil.pg_my_temp_schema() RETURNS oid LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN pg_catalog.pg_my_temp_schema(); END $$;
                CREATE FUNCTION evil.oid_ne_int(a oid, b integer) RETURNS boolean LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN a OPERATOR(pg_catalog.<>) b::oid; END $$;
                CREATE OPERATOR evil.<> (LEFTARG = oid, RIGHTARG = integer, FUNCTION = evil.oid_ne_int);
                CREATE FUNCTION evil.oid_eq_regclass(a oid, b regclass) RETURNS boolean LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN a OPERATOR(pg_catalog.=) b::oid; END $$;
                CREATE OPERATOR evil.= (LEFTARG = oid, RIGHTARG = regclass, FUNCTION = evil.oid_eq_regclass);
                CREATE FUNCTION evil.name_like(a name, b name) RETURNS boolean LANGUAGE plpgsql AS $$
                BEGIN PERFORM evil.fire(); RETURN a::text OPERATOR(pg_catalog.~~) b::text; END $$;
                CREATE OPERATOR evil.~~ (LEFTARG = name, RIGHTARG = name, FUNCTION = evil.name_like);
                CREATE VIEW evil.pg_class AS SELECT * FROM pg_catalog.pg_class WHERE evil.fire();
                CREATE SEQUENCE public.orders_seq;
                CREATE TYPE public.mood AS ENUM ('calm', 'cross');
                CREATE TABLE shadowed (id integer PRIMARY KEY DEFAULT nextval('orders_seq'), mood mood DEFAULT 'calm',
                                       qty numeric(10,2) DEFAULT 1.50 CHECK (qty > 0), note text COLLATE "C",
                                       code smallint, UNIQUE (qty, code));
                CREATE INDEX shadowed_lower ON shadowed ((lower(note))) WHERE code > 0
                """);
        for (TestDatabase each : List.of(db, twin)) {
            each.execute("SET ROLE " + attacker + "; ALTER DATABASE \"" + each.name()
                    + "\" SET search_path = evil, public, pg_catalog; RESET ROLE");
        }
        readEverywayAndAssertNothingRan("shadowed");
    }

    /**
     * Reads both databases as the superuser every way Retort can: diff (which must find the identical twins equal), the
     * autogenerate API directly, check and revision --autogenerate against the shop's entities
     * (which do not map the planted table: it must show up as one to drop); then asserts that no tripwire fired.
     */
    private void readEverywayAndAssertNothingRan(String table) throws Exception {
        Cli cli = new Cli(dir);
        Cli.Result diff = cli.run("diff", "--from", db.url(), "--to", twin.url());
        assertEquals(new Cli.Result(ExitCode.OK, "No differences.\n", ""), diff);
        assertUntouched();

        try (Connection a = db.connect();
                Connection b = twin.connect()) {
            Autogenerate autogenerate = Autogenerate.configure().load();
            Schema read = autogenerate.readDatabase(a);
            Schema other = autogenerate.readDatabase(b);
            assertTrue(read.tables().stream().anyMatch(t -> t.name().name().equals(table)), read::toString);
            assertTrue(
                    autogenerate.diff(read, other).isEmpty(),
                    () -> autogenerate.diff(read, other).toString());
        }
        assertUntouched();

        cli.configure(db, Shop.V1, "snake");
        Cli.Result check = cli.run("check");
        assertEquals(ExitCode.FOUND, check.code(), check::toString);
        assertTrue(check.out().contains("drop table " + table), check::toString);
        assertEquals("", check.err(), check::toString);
        assertUntouched();

        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "planted");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        assertTrue(revision.out().contains("Detected drop table " + table), revision::toString);
        assertUntouched();
    }

    private static void assertUntouched() throws SQLException {
        for (TestDatabase each : List.of(db, twin)) {
            assertEquals(
                    List.of("1 f"),
                    each.query("SELECT last_value, is_called FROM evil.tripwire"),
                    "a planted function ran in " + each.name());
        }
    }
}
