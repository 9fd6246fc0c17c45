package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.PgDump;
import dev.retort.fixtures.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mappings that real models use and Retort misread (issue 13), each reproduced by a model of ours
 * in {@code dev.retort.fixtures.boot}: Hibernate's own DDL for it checks clean, and from an empty
 * database (or one a hand or Flyway made) the real loop runs: {@code check} says what it must,
 * {@code revision --autogenerate} writes a migration that compiles and {@code upgrade head}
 * applies, {@code check} is clean after, and {@code downgrade base} gives back the schema it
 * started from, as {@code pg_dump -s} prints it.
 */
class RealMappingsTest {
    private static final String BOOT = "dev.retort.fixtures.boot.";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
    }

    @Test
    void basicArraysCompareEqualToTheCatalogs() throws Exception {
        String script = hibernateDdl("arrays");
        assertTrue(
                script.contains("codes varchar(40) array[10], labels varchar(255) array, scores integer array"),
                script);
        db.execute(script);
        assertEquals(Cli.CLEAN_CHECK, cli("arrays").run("check"));

        db.reset();
        String sql = loop("arrays", "", "add table posts");
        for (String column : List.of("codes\" varchar(40)[]", "labels\" varchar(255)[]", "scores\" integer[]"))
            assertTrue(sql.contains("\n    \"" + column + ",\n"), sql);
        db.execute("INSERT INTO posts VALUES (1, '{a,b}', '{x}', '{1,2}', '{t}')");
    }

    @Test
    void serialColumnDefinitionsAreIntegersWithOwnedSequences() throws Exception {
        String script = hibernateDdl("serials");
        assertTrue(script.contains("id serial not null, small SMALLSERIAL, ticket bigserial"), script);
        db.execute(script);
        assertEquals(Cli.CLEAN_CHECK, cli("serials").run("check"));

        db.reset();
        String sql = loop(
                "serials",
                "",
                "add sequence counters_id_seq as integer start 1 increment 1",
                "add sequence counters_small_seq as smallint start 1 increment 1",
                "add sequence counters_ticket_seq start 1 increment 1",
                "add table counters",
                "alter sequence counters_id_seq: owned by none -> counters.id",
                "alter sequence counters_small_seq: owned by none -> counters.small",
                "alter sequence counters_ticket_seq: owned by none -> counters.ticket");
        assertTrue(sql.contains("\"ticket\" bigint DEFAULT nextval('counters_ticket_seq'::regclass) NOT NULL"), sql);
        db.execute("INSERT INTO counters (name) VALUES ('first'), ('second')");
        assertEquals(List.of("2 2 2"), db.query("SELECT id, ticket, small FROM counters WHERE name = 'second'"));

        // new serial columns on a table with rows: each row takes the next value
        db.reset();
        loop(
                "serials",
                """
                CREATE TABLE counters (id serial PRIMARY KEY, name varchar(255));
                INSERT INTO counters (name) VALUES ('first'), ('second');
                """,
                "add sequence counters_small_seq as smallint start 1 increment 1",
                "add sequence counters_ticket_seq start 1 increment 1",
                "add column counters.small smallint default nextval('counters_small_seq'::regclass) NOT NULL",
                "add column counters.ticket bigint default nextval('counters_ticket_seq'::regclass) NOT NULL",
                "alter sequence counters_small_seq: owned by none -> counters.small",
                "alter sequence counters_ticket_seq: owned by none -> counters.ticket");
        assertEquals(List.of("1 1 1", "2 2 2"), db.query("SELECT id, ticket, small FROM counters ORDER BY id"));
    }

    /**
     * Found on Genie (a Flyway {@code bigserial} id, an {@code IDENTITY} entity): the upgrade moved
     * the identity past the rows, but the downgrade re-created the sequence at 1, and the next insert
     * failed on {@code Key (id)=(1) already exists}.
     */
    @Test
    void aSerialIdMadeAnIdentityTakesNewIdsAfterTheUpgradeAndAfterTheDowngrade() throws Exception {
        loop(
                "identities",
                """
                CREATE TABLE applications (id bigserial PRIMARY KEY, name varchar(255));
                INSERT INTO applications (name) VALUES ('spark'), ('hadoop');
                """,
                "alter sequence applications_id_seq: owned by applications.id -> none",
                "alter column applications.id: default nextval('applications_id_seq'::regclass) -> none, identity none -> by_default",
                "drop sequence applications_id_seq");
        // the loop ends at head: the identity goes on after the stored ids
        db.execute("INSERT INTO applications (name) VALUES ('flink')");
        Path loopDirectory;
        try (var entries = Files.list(workDir)) {
            loopDirectory = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Cli.Result down = cli("identities", loopDirectory).run("downgrade", "base");
        assertEquals(ExitCode.OK, down.code(), down::toString);
        // and so does the serial's sequence the downgrade makes again
        db.execute("INSERT INTO applications (name) VALUES ('hive')");
        assertEquals(
                List.of("1 spark", "2 hadoop", "3 flink", "4 hive"),
                db.query("SELECT id, name FROM applications ORDER BY id"));
    }

    @Test
    void inlineChecksOfAColumnDefinitionAreTheColumnsChecks() throws Exception {
        String script = hibernateDdl("inlinechecks");
        assertTrue(script.contains("data integer not null check (data > 0)"), script);
        db.execute(script);
        assertEquals(Cli.CLEAN_CHECK, cli("inlinechecks").run("check"));

        db.reset();
        String sql = loop("inlinechecks", "", "add table readings");
        assertTrue(sql.contains("CONSTRAINT \"readings_data_check\" CHECK (((data > 0)))"), sql);
        assertTrue(sql.contains("\"state\" varchar(10) DEFAULT 'new'::character varying,"), sql);
        assertEquals(
                List.of("readings_data_check", "readings_state_check"),
                db.query(
                        "SELECT conname FROM pg_constraint WHERE conrelid = 'readings'::regclass AND contype = 'c' ORDER BY conname"));
    }

    @Test
    void columnOptionsAreReadAsHibernatesDdlMeansThem() throws Exception {
        String script = hibernateDdl("options");
        assertTrue(script.contains("retries integer default 3"), script);
        assertTrue(script.contains("mode varchar(255) not null default 'on' check (mode <> '')"), script);
        db.execute(script);
        assertEquals(Cli.CLEAN_CHECK, cli("options").run("check"));
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: table blobs, column body: @Column(options = \"compression pglz\") is none of a default,"
                                + " NOT NULL, check, collation, generation or constraint, which is all Retort can model"
                                + " there\n"),
                cli("badoptions").run("check"));

        db.reset();
        String sql = loop("options", "", "add table settings");
        assertTrue(sql.contains("\"retries\" integer DEFAULT 3,"), sql);
        assertTrue(sql.contains("CONSTRAINT \"settings_mode_check\" CHECK"), sql);
        db.execute("INSERT INTO settings (id) VALUES (1)");
        assertEquals(List.of("3 on"), db.query("SELECT retries, mode FROM settings"));
    }

    @Test
    void aPrimaryKeyNamedByTheMappingKeepsItsName() throws Exception {
        String script = hibernateDdl("namedkeys");
        assertTrue(script.contains("constraint pk_accounts primary key (id)"), script);
        assertTrue(script.contains("constraint memberships_key primary key (member_id, group_id)"), script);
        db.execute(script);
        assertEquals(Cli.CLEAN_CHECK, cli("namedkeys").run("check"));

        db.reset();
        String sql = loop("namedkeys", "", "add table accounts", "add table memberships");
        assertTrue(sql.contains("CONSTRAINT \"pk_accounts\" PRIMARY KEY (\"id\")"), sql);
        assertTrue(sql.contains("CONSTRAINT \"memberships_key\" PRIMARY KEY (\"member_id\", \"group_id\")"), sql);

        // a database whose keys have PostgreSQL's default names (or other ones): renamed through a drop and an add
        db.reset();
        loop(
                "namedkeys",
                """
                CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(255));
                CREATE TABLE memberships (group_id bigint NOT NULL, member_id bigint NOT NULL,
                    CONSTRAINT old_key PRIMARY KEY (member_id, group_id));
                """,
                "drop primary key accounts (id)",
                "add primary key accounts pk_accounts (id)",
                "drop primary key memberships old_key (member_id, group_id)",
                "add primary key memberships memberships_key (member_id, group_id)");
    }

    @Test
    void andJoinedChecksCompareByTheirConjuncts() throws Exception {
        String script = hibernateDdl("andchecks");
        // in an order that changes from run to run
        assertTrue(
                script.contains("stars integer not null check ((stars>=1) and (stars<=5))")
                        || script.contains("stars integer not null check ((stars<=5) and (stars>=1))"),
                script);
        db.execute(script);
        assertEquals(Cli.CLEAN_CHECK, cli("andchecks").run("check"));

        // as Flyway scripts write them: the conjuncts the other way round, or as two checks
        db.reset();
        db.execute("CREATE TABLE ratings (id bigint PRIMARY KEY, stars integer NOT NULL"
                + " CHECK (stars <= 5 AND stars >= 1))");
        assertEquals(Cli.CLEAN_CHECK, cli("andchecks").run("check"));
        db.reset();
        db.execute("CREATE TABLE ratings (id bigint PRIMARY KEY, stars integer NOT NULL CHECK (stars <= 5)"
                + " CHECK (stars >= 1))");
        assertEquals(Cli.CLEAN_CHECK, cli("andchecks").run("check"));

        // a check that means something else is still a change
        db.reset();
        loop(
                "andchecks",
                "CREATE TABLE ratings (id bigint PRIMARY KEY, stars integer NOT NULL CHECK (stars >= 1 OR stars <= 5))",
                "drop check ratings (((stars >= 1) OR (stars <= 5)))",
                "add check ratings (stars<=5) and (stars>=1)");
        db.reset();
        loop("andchecks", "", "add table ratings");
    }

    @Test
    void structEmbeddablesAreCompositeTypesCreatedBeforeTheirTables() throws Exception {
        String script = hibernateDdl("structs");
        String type = "create type postal_address as (zip integer, street varchar(80), city varchar(255));";
        assertTrue(script.contains(type) && script.indexOf(type) < script.indexOf("create table people"), script);
        db.execute(script);
        assertEquals(Cli.CLEAN_CHECK, cli("structs").run("check"));

        db.reset();
        String sql = loop(
                "structs",
                "",
                "add type postal_address (zip integer, street varchar(80), city varchar(255))",
                "add table people");
        assertTrue(
                sql.contains("CREATE TYPE \"postal_address\" AS (\"zip\" integer, \"street\" varchar(80),"
                        + " \"city\" varchar(255));"),
                sql);
        assertTrue(sql.indexOf("CREATE TYPE") < sql.indexOf("CREATE TABLE"), sql);
        db.execute("INSERT INTO people (id, name, address) VALUES (1, 'Ann', ROW(1234, 'Main St', 'Springfield'))");

        // an attribute added to the embeddable, on Hibernate's schema with a row: added in place, the row kept
        db.reset();
        db.execute(script);
        db.execute("INSERT INTO people (id, name, address) VALUES (1, 'Ann', ROW(1234, 'Main St', 'Springfield'))");
        sql = loop("structsv2", "", "alter type postal_address: add attribute zone varchar(255)");
        assertTrue(sql.contains("ALTER TYPE \"postal_address\" ADD ATTRIBUTE \"zone\" varchar(255);"), sql);
        assertEquals(List.of("(1234,\"Main St\",Springfield,)"), db.query("SELECT address FROM people"));
    }

    /** Hibernate's own DDL for a fixture package, with Hibernate Validator on its class path. */
    private static String hibernateDdl(String fixture) throws Exception {
        return HibernateExport.createScript(BOOT + fixture, Map.of(), jars());
    }

    private static List<Path> jars() {
        List<Path> jars = new ArrayList<>(HibernateExport.jars("validation"));
        jars.addAll(HibernateExport.jars("el"));
        return jars;
    }

    private Cli cli(String fixture) {
        return cli(fixture, workDir);
    }

    private Cli cli(String fixture, Path directory) {
        Cli cli = new Cli(directory);
        String classpath =
                Cli.fixturesClasses() + jars().stream().map(j -> "," + j).collect(Collectors.joining());
        cli.write(
                "retort.properties",
                String.join(
                        "\n",
                        "url = " + db.url(),
                        "migrations.dir = migrations",
                        "entities.packages = " + BOOT + fixture,
                        "entities.classpath = " + classpath,
                        ""));
        return cli;
    }

    /**
     * From the schema {@code start} makes: {@code check} finds exactly the {@code expected} lines, the
     * migration autogenerated from them compiles and upgrades, {@code check} is clean after, and
     * {@code downgrade base} restores the starting schema exactly; the upgrade is applied again and its
     * offline script returned.
     */
    private String loop(String fixture, String start, String... expected) throws Exception {
        if (!start.isBlank()) db.execute(start);
        String before = PgDump.schema(db);
        Cli cli = cli(fixture, Files.createTempDirectory(workDir, fixture));
        Cli.Result check = cli.run("check");
        assertEquals(ExitCode.FOUND, check.code(), check::toString);
        List<String> found = check.out()
                .lines()
                .filter(l -> l.startsWith("  ") && !l.startsWith("    "))
                .map(String::strip)
                .toList();
        assertEquals(List.of(expected), found, check::toString);
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", fixture);
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        Cli.Result script = cli.run("upgrade", "head", "--sql");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"), "clean after the upgrade");
        Cli.Result down = cli.run("downgrade", "base");
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(before, PgDump.schema(db), "downgrade base restores the schema");
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        return script.out();
    }
}
