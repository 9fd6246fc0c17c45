package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.Dialect;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.lint.Rule;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort lint} on a MySQL project ({@code url = jdbc:mysql://...}) through the real command line, as {@link
 * MariaDbLintCommandTest} on MariaDB: each rule as it means on MySQL ({@code Rule.meaning(MARIADB, true)}) fires on its
 * bad migration and stays quiet on the safe form, the forms MySQL has and MariaDB has not among them ({@code DROP
 * INDEX ... ON ... LOCK=NONE}), and MariaDB's that MySQL refuses reported ({@code SET STATEMENT}, {@code DEFAULT
 * rand()}, the online {@code SET NOT NULL}); {@code check} reads MySQL's rules from the server behind a {@code
 * jdbc:mariadb:} url too. What each claim rests on is proved on MySQL by {@link MySqlLintFactsTest}; after lint, the safe
 * migrations run on MySQL. Each case's expected rules were written before it first ran.
 */
class MySqlLintCommandTest {
    static final String BASE = MariaDbLintCommandTest.BASE;

    static final Map<String, String> BODIES = new LinkedHashMap<>();

    static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static void revision(String id, String body, String... rules) {
        BODIES.put(id, body);
        EXPECTED.put(id, new TreeSet<>(List.of(rules)));
    }

    static String sql(String statement) {
        return MariaDbLintCommandTest.sql(statement);
    }

    static {
        revision("a0", BASE);
        revision("b01", "op.createIndex(\"orders\", index(\"qty\"));", "non-concurrent-index");
        revision("g01", "op.createIndex(\"orders\", index(\"note\"), Option.CONCURRENTLY);");
        revision(
                "b01f",
                "op.createIndex(\"orders\", index(\"code\").using(\"fulltext\").named(\"orders_code_ft\"));",
                "non-concurrent-index");
        revision("b01s", sql("DROP INDEX orders_customer_id_idx ON orders"), "non-concurrent-index");
        // MySQL's DROP INDEX ... ON takes ALGORITHM and LOCK (MariaDB's takes neither)
        revision("g01d", sql("DROP INDEX orders_qty_idx ON orders ALGORITHM=INPLACE LOCK=NONE"));
        revision("b01c", sql("CREATE INDEX CONCURRENTLY ON orders (total)"), "non-concurrent-index");
        revision("g01c", sql("CREATE INDEX orders_total_idx ON orders (total) ALGORITHM=INPLACE LOCK=NONE"));
        revision(
                "b03",
                "op.addForeignKey(\"orders\", foreignKey(\"customer_id\").references(\"customers\", \"id\"));",
                "constraint-without-not-valid");
        revision(
                "g03",
                "op.addForeignKey(\"orders\", foreignKey(\"customer_id\").references(\"customers\", \"id\")"
                        + ".named(\"orders_customer_fk\").notValid());\n"
                        + "op.validateConstraint(\"orders\", foreignKey(\"customer_id\").references(\"customers\", \"id\")"
                        + ".named(\"orders_customer_fk\"));");
        revision(
                "b03f",
                sql("ALTER TABLE orders ADD CONSTRAINT orders_fk2 FOREIGN KEY (customer_id) REFERENCES customers (id)"),
                "constraint-without-not-valid");
        // MariaDB's online form is a syntax error on MySQL
        revision(
                "b03m",
                sql("SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE orders ADD CONSTRAINT orders_fk3 FOREIGN KEY"
                        + " (customer_id) REFERENCES customers (id), ALGORITHM=INPLACE, LOCK=NONE"),
                "unparsed-sql");
        // MySQL's: the session's checks off around the key
        revision(
                "g03k",
                sql("SET SESSION foreign_key_checks = OFF")
                        + "\n"
                        + sql("ALTER TABLE orders ADD CONSTRAINT orders_fk5 FOREIGN KEY (customer_id) REFERENCES"
                                + " customers (id), ALGORITHM=INPLACE, LOCK=NONE")
                        + "\nop.addForeignKey(\"orders\", foreignKey(\"customer_id\").references(\"customers\", \"id\")"
                        + ".named(\"orders_fk6\"));\n"
                        + sql("SET foreign_key_checks = 1"));
        revision("b03s", sql("ALTER TABLE orders ADD CONSTRAINT qty_positive CHECK (qty > 0)"), "check-copies-table");
        revision(
                "b03n",
                "op.addCheck(\"orders\", check(\"qty > 0\").named(\"qty_positive2\").notValid());",
                "check-copies-table");
        revision(
                "b04",
                "op.alterColumn(\"orders\", column(\"qty\", \"integer\"), column(\"qty\", \"integer\").notNull());",
                "set-not-null-scan");
        // the online form, as safety = online writes it: its validation runs as a procedure on MySQL
        revision(
                "g04o",
                "op.addCheck(\"orders\", check(\"\\\"customer_id\\\" IS NOT NULL\").named(\"orders_customer_id_nn_check\")"
                        + ".notValid());\n"
                        + "op.validateConstraint(\"orders\", check(\"\\\"customer_id\\\" IS NOT NULL\")"
                        + ".named(\"orders_customer_id_nn_check\"));\n"
                        + "op.alterColumn(\"orders\", column(\"customer_id\", \"bigint\"), column(\"customer_id\","
                        + " \"bigint\").notNull());\n"
                        + "op.dropCheck(\"orders\", check(\"\\\"customer_id\\\" IS NOT NULL\")"
                        + ".named(\"orders_customer_id_nn_check\"));");
        revision("b04s", sql("ALTER TABLE orders MODIFY note varchar(40) NOT NULL"), "set-not-null-scan");
        revision(
                "g04s",
                sql("ALTER TABLE orders MODIFY COLUMN code varchar(20) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE"));
        revision(
                "b05",
                "op.addColumn(\"orders\", column(\"status\", \"varchar(10)\").notNull());",
                "not-null-without-default");
        revision(
                "b05d",
                "op.addColumn(\"orders\", column(\"due\", \"datetime\").notNull());",
                "not-null-without-default");
        revision(
                "g05",
                "op.addColumn(\"orders\", column(\"status2\", \"varchar(10)\").notNull().defaultValue(\"'new'\"));");
        revision(
                "b06",
                "op.addColumn(\"orders\", column(\"token\", \"varchar(40)\").defaultValue(\"uuid()\"));",
                "volatile-default");
        // instant on MariaDB, refused on MySQL (1674)
        revision(
                "b06r",
                "op.addColumn(\"orders\", column(\"luck\", \"double precision\").defaultValue(\"rand()\"));",
                "volatile-default");
        // an expression: instant on MariaDB, a copy on MySQL
        revision(
                "b06e",
                "op.addColumn(\"orders\", column(\"stamp\", \"bigint\").defaultValue(\"unix_timestamp()\"));",
                "volatile-default");
        revision(
                "b06s",
                sql("ALTER TABLE orders ADD COLUMN seen datetime(6) DEFAULT (sysdate(6)), ALGORITHM=INSTANT"),
                "volatile-default");
        revision("b06x", sql("ALTER TABLE orders ADD COLUMN bonus int DEFAULT (5)"), "volatile-default");
        revision(
                "g06",
                "op.addColumn(\"orders\", column(\"created_at\", \"timestamp(0)\").defaultValue(\"current_timestamp()\"));\n"
                        + "op.addColumn(\"orders\", column(\"fortune\", \"double precision\").defaultValue(\"1.5\"));\n"
                        + sql("ALTER TABLE orders ADD COLUMN score int DEFAULT 0"));
        // a stored generation is computed into every row, a virtual one when read (ALGORITHM=INSTANT)
        revision(
                "b06g",
                "op.addColumn(\"orders\", column(\"doubled\", \"integer\").generatedAs(\"qty * 2\"));",
                "volatile-default");
        revision(
                "g06v",
                "op.addColumn(\"orders\", column(\"tripled\", \"integer\").generatedAs(\"qty * 3\").virtual());");
        revision(
                "b07",
                "op.alterColumn(\"orders\", column(\"qty\", \"integer\").notNull(), column(\"qty\", \"bigint\")"
                        + ".notNull());",
                "rewriting-type-change");
        revision(
                "g07",
                "op.alterColumn(\"orders\", column(\"note\", \"varchar(40)\").notNull(), column(\"note\","
                        + " \"varchar(60)\").notNull());");
        revision(
                "b07v",
                "op.alterColumn(\"orders\", column(\"note\", \"varchar(60)\").notNull(), column(\"note\","
                        + " \"varchar(100)\").notNull());",
                "rewriting-type-change");
        // in place on MariaDB (20 x 4 = 80 bytes keeps its length byte), a copy on MySQL (64 x 4 = 256 > 255)
        revision(
                "b07m",
                "op.alterColumn(\"orders\", column(\"ref\", \"varchar(20)\"), column(\"ref\", \"varchar(64)\"));",
                "rewriting-type-change");
        revision("b07s", sql("ALTER TABLE orders MODIFY total decimal(14,2)"), "rewriting-type-change");
        revision("g07s", sql("ALTER TABLE orders MODIFY ref varchar(63), ALGORITHM=INPLACE, LOCK=NONE"));
        revision("b08", "op.addUnique(\"orders\", unique(\"code\"));", "unique-under-lock");
        revision("b08s", sql("ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref)"), "unique-under-lock");
        revision("g08s", sql("ALTER TABLE orders ADD UNIQUE KEY orders_note_key (note), ALGORITHM=INPLACE, LOCK=NONE"));
        revision(
                "g08u",
                "op.createIndex(\"orders\", index(\"total\").asUnique().named(\"orders_total_key\"),"
                        + " Option.CONCURRENTLY);");
        revision(
                "b09",
                "op.dropColumn(\"orders\", column(\"status\", \"varchar(10)\").notNull());",
                "unacknowledged-data-loss");
        revision("b09s", sql("DROP TABLE legacy"), "unacknowledged-data-loss");
        revision(
                "u09",
                "op.acknowledgeDataLoss(Ops.UNREVIEWED).dropColumn(\"orders\", column(\"token\", \"varchar(40)\"));",
                "unreviewed-acknowledgement");
        revision("b10", "op.renameColumn(\"orders\", \"fortune\", \"chance\");", "rename");
        revision("b10s", sql("RENAME TABLE archive TO archives"), "rename");
        revision("b10c", sql("ALTER TABLE orders CHANGE COLUMN chance luck2 double precision"), "rename");
        revision(
                "g11",
                "op.addColumn(\"orders\", column(\"flag\", \"boolean\"));\n" + sql("UPDATE orders SET flag = false"));
        revision("b12", sql("COMMIT"), "transaction-control");
        revision("b12x", sql("START TRANSACTION"), "transaction-control");
        revision(
                "b13",
                "op.createTable(\"t_" + "x".repeat(63) + "\", column(\"id\", \"bigint\"));",
                "identifier-too-long");
        revision("g13", "op.createTable(\"t_" + "\u00e9".repeat(62) + "\", column(\"id\", \"bigint\"));");
        revision("b14", sql("OPTIMIZE TABLE orders"), "unparsed-sql");
        String keyed = "op.createTable(\"parents%1$s\", column(\"id\", \"integer\").notNull(), column(\"code\","
                + " \"varchar(10)\"), primaryKey(\"id\"), unique(\"code\"));\n"
                + "op.createTable(\"kids%1$s\", column(\"id\", \"integer\").notNull(), column(\"parent_id\","
                + " \"integer\"), column(\"parent_code\", \"varchar(10)\"), column(\"name\", \"varchar(10)\"),"
                + " primaryKey(\"id\"), foreignKey(\"parent_id\").references(\"parents%1$s\", \"id\")"
                + ".named(\"kids%1$s_parent_fk\"), foreignKey(\"parent_code\").references(\"parents%1$s\", \"code\")"
                + ".named(\"kids%1$s_code_fk\"));\n";
        revision(
                "b15",
                keyed.formatted("")
                        + "op.alterColumn(\"parents\", column(\"id\", \"integer\").notNull(), column(\"id\","
                        + " \"bigint\").notNull());",
                "type-change-under-key");
        // MySQL widens a varchar under a key where it widens it in place (MariaDB refuses it)
        revision(
                "g15v",
                keyed.formatted("2")
                        + "op.alterColumn(\"kids2\", column(\"parent_code\", \"varchar(10)\"), column(\"parent_code\","
                        + " \"varchar(63)\"));");
        revision(
                "b15v",
                keyed.formatted("3")
                        + "op.alterColumn(\"kids3\", column(\"parent_code\", \"varchar(10)\"), column(\"parent_code\","
                        + " \"varchar(64)\"));",
                "type-change-under-key");
        // NOT NULL on a key's column in an ALTER TABLE that copies the table (genie's case): MySQL refuses it
        revision(
                "b15n",
                keyed.formatted("4")
                        + "op.alterTable(\"kids4\", t -> {\n"
                        + "    t.alterColumn(column(\"parent_id\", \"integer\"), column(\"parent_id\", \"integer\").notNull());\n"
                        + "    t.alterColumn(column(\"name\", \"varchar(10)\"), column(\"name\", \"varchar(100)\"));\n"
                        + "});",
                "type-change-under-key");
        revision(
                "g15n",
                keyed.formatted("5")
                        + "op.alterTable(\"kids5\", t -> {\n"
                        + "    t.alterColumn(column(\"parent_id\", \"integer\"), column(\"parent_id\", \"integer\").notNull());\n"
                        + "    t.alterColumn(column(\"name\", \"varchar(10)\"), column(\"name\", \"varchar(20)\"));\n"
                        + "});");
    }

    @RegisterExtension
    final MariaDbTestDatabase db = MariaDbTestDatabase.mysql();

    @TempDir
    Path workDir;

    /** A {@code jdbc:mysql:} URL, as a MySQL user writes it: lint, which makes no connection, reads MySQL's rules. */
    private String url() {
        return db.url().replace("jdbc:mariadb:", "jdbc:mysql:");
    }

    private Cli project(Map<String, String> bodies, String properties) {
        return MariaDbLintCommandTest.project(workDir, "url = " + url() + "\n" + properties, bodies);
    }

    @Test
    void eachMySqlRuleReportsItsBadMigrationAndNotItsSafeForm() throws Exception {
        Cli cli = project(BODIES, "lint.missing-lock-timeout = off\n");
        Cli.Result result = cli.run("lint", "--format", "json");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertEquals("", result.err(), result::toString);
        assertEquals(EXPECTED, MariaDbLintCommandTest.reported(LintCommandTest.MAPPER.readTree(result.out())));
        Set<String> covered = new TreeSet<>();
        EXPECTED.values().forEach(covered::addAll);
        covered.add("missing-lock-timeout");
        covered.add("several-heads");
        Set<String> checked = new TreeSet<>();
        for (Rule rule : Rule.values()) if (rule.appliesTo(Dialect.MARIADB, true)) checked.add(rule.id());
        assertEquals(checked, covered, "every rule checked on MySQL has a case here or below");
    }

    @Test
    void theTextSaysMySqlsTruth() {
        Cli cli = project(BODIES, "lint.missing-lock-timeout = off\n");
        Cli.Result result = cli.run("lint", "b01s", "b03", "b04", "b05d", "b06r", "b06e", "b07m", "b15", "b15n");
        assertEquals(
                String.join(
                        "\n",
                        "Rb01s.java:15: error non-concurrent-index: DROP INDEX orders_customer_id_idx ON \"orders\" does"
                                + " not assert LOCK=NONE, so MySQL may block writes without saying so; add"
                                + " ALGORITHM=INPLACE LOCK=NONE",
                        "Rb03.java:15: error constraint-without-not-valid: foreign key on existing table \"orders\" is"
                                + " added by copying the table while writes wait (foreign_key_checks=1: ALGORITHM=COPY,"
                                + " LOCK=SHARED); add it NOT VALID (foreign_key_checks=0, LOCK=NONE) and validate it in a"
                                + " later step",
                        "Rb04.java:15: error set-not-null-scan: NOT NULL on \"orders\".qty rebuilds existing table"
                                + " \"orders\" by a MODIFY that does not assert LOCK=NONE; write the online form (safety ="
                                + " online): check orders_qty_nn_check added NOT VALID and validated before it in the"
                                + " same migration",
                        "Rb05d.java:15: error not-null-without-default: adds NOT NULL column \"orders\".due without a"
                                + " default to existing table \"orders\": MySQL fails as soon as the table has a row"
                                + " (error 1292: its default sql_mode refuses the zero date)",
                        "Rb06r.java:15: warning volatile-default: adds column \"orders\".luck with the default rand():"
                                + " MySQL refuses it while its binary log is on (error 1674: a row's value could differ"
                                + " on a replica), and the migration fails there; add the column without the default,"
                                + " then set it",
                        "Rb06e.java:15: warning volatile-default: adds column \"orders\".stamp with the default"
                                + " unix_timestamp(): MySQL adds a column with an expression as its default only by"
                                + " copying existing table \"orders\" while writes wait (ALGORITHM=COPY, LOCK=SHARED)",
                        "Rb07m.java:15: error rewriting-type-change: type varchar(20) -> varchar(64) of \"orders\".ref"
                                + " copies existing table \"orders\" while writes wait (ALGORITHM=COPY, LOCK=SHARED): in"
                                + " a character set of 4 bytes a character its longest value goes from 80 to over 255"
                                + " bytes, which needs a second length byte (lint does not know the table's character"
                                + " set)",
                        "Rb15.java:17: error type-change-under-key: type integer -> bigint of \"parents\".id: MySQL"
                                + " refuses it while foreign key kids_parent_fk (\"kids\" (parent_id) -> \"parents\""
                                + " (id)) uses the column, even with foreign_key_checks = 0 (error 3780), after the"
                                + " migration's earlier statements committed; drop the key before the change and add it"
                                + " again after (op.dropForeignKey, op.addForeignKey)",
                        "Rb15n.java:17: error type-change-under-key: NOT NULL on \"kids4\".parent_id in an ALTER TABLE"
                                + " that copies the table (type varchar(10) -> varchar(100) of \"kids4\".name): MySQL"
                                + " refuses it while foreign key kids4_parent_fk (\"kids4\" (parent_id) -> \"parents4\""
                                + " (id)) uses the column (error 1832), after the migration's earlier statements"
                                + " committed; drop the key before the change and add it again after"
                                + " (op.dropForeignKey, op.addForeignKey), or make the column NOT NULL in an ALTER"
                                + " TABLE of its own",
                        "7 errors, 2 warnings in 9 revisions.",
                        ""),
                result.out(),
                result::toString);
        assertEquals(ExitCode.FOUND, result.code());
    }

    @Test
    void lockWaitTimeoutIsMySqlsLockTimeoutAndSetStatementIsNotMySqls() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("a0", BASE);
        bodies.put("m1", "op.addColumn(\"orders\", column(\"extra\", \"text\"));");
        bodies.put(
                "m2",
                sql("SET SESSION lock_wait_timeout = 5") + "\nop.addColumn(\"orders\", column(\"extra2\", \"text\"));");
        bodies.put("m3", sql("SET STATEMENT lock_wait_timeout=5 FOR ALTER TABLE orders ADD COLUMN extra3 text"));
        Cli cli = project(bodies, "lock.ddl-timeout = 0\n");
        Cli.Result result = cli.run("lint");
        assertEquals(
                "Rm1.java:15: warning missing-lock-timeout: locks existing table \"orders\" without a lock timeout"
                        + " (lock.ddl-timeout = 0, or @Timeouts(ddl = 0)) and no SET SESSION lock_wait_timeout before"
                        + " it\n"
                        + "Rm3.java:15: warning unparsed-sql: op.execute statement not read: SET STATEMENT is"
                        + " MariaDB's: MySQL refuses it (error 1064); no rule checked it\n"
                        + "0 errors, 2 warnings in 4 revisions.\n",
                result.out(),
                result::toString);
        assertEquals(ExitCode.OK, result.code());
    }

    @Test
    void sarifDescribesTheRulesAsTheyMeanOnMySql() throws Exception {
        Cli cli = project(Map.of("a0", BASE), "");
        Cli.Result result = cli.run("lint", "--format", "sarif");
        assertEquals(ExitCode.OK, result.code(), result::toString);
        JsonNode rules = LintCommandTest.MAPPER
                .readTree(result.out())
                .get("runs")
                .get(0)
                .get("tool")
                .get("driver")
                .get("rules");
        assertEquals(Rule.values().length, rules.size());
        for (Rule rule : Rule.values()) {
            JsonNode described = rules.get(rule.ordinal());
            assertEquals(
                    rule.meaning(Dialect.MARIADB, true).what(),
                    described.get("shortDescription").get("text").asText());
            assertEquals(
                    rule.meaning(Dialect.MARIADB, true).fix(),
                    described.get("help").get("text").asText());
        }
        assertTrue(rules.get(Rule.BACKFILL_WITH_DDL.ordinal())
                .get("shortDescription")
                .get("text")
                .asText()
                .startsWith("not checked on MySQL: "));
    }

    /**
     * {@code check} reads the pending migrations by the server's rules: behind a {@code jdbc:mariadb:} url, MySQL's
     * once the server says it is MySQL. {@code lint}, which makes no connection, reads MariaDB's rules there, by which
     * a {@code DROP INDEX ... ON} cannot assert {@code LOCK=NONE}; MySQL's takes it.
     */
    @Test
    void checkReadsTheServersRulesWhateverTheUrlsScheme() {
        Cli cli = new Cli(workDir);
        cli.write(
                "retort.properties",
                String.join(
                        "\n",
                        "url = " + db.url(),
                        "dev.url = " + db.url(),
                        "migrations.dir = migrations",
                        "migrations.package = com.example.migrations",
                        "entities.packages = " + dev.retort.fixtures.shop.Shop.V1,
                        "entities.classpath = " + Cli.fixturesClasses(),
                        "entities.naming = snake",
                        ""));
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "shop v1", "--rev-id", "a1");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        cli.write("migrations/Rb1.java", """
                package com.example.migrations;

                import static dev.retort.runtime.Ops.index;

                import dev.retort.op.Option;

                @dev.retort.runtime.Revision(id = "b1", revises = "a1", message = "b1")
                public final class Rb1 implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.createIndex("customers", index("name").named("customers_name_idx"), Option.CONCURRENTLY);
                        op.execute("DROP INDEX customers_name_idx ON customers ALGORITHM=INPLACE LOCK=NONE");
                    }

                    public void downgrade(dev.retort.runtime.Ops op) {}
                }
                """);
        Cli.Result lint = cli.run("lint", "b1");
        assertEquals(ExitCode.FOUND, lint.code(), lint::toString);
        assertTrue(lint.out().contains("cannot assert LOCK=NONE, so MariaDB may block writes"), lint::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check", "--dev"));
        // the same migration with a DROP INDEX that asserts nothing: MySQL's words
        cli.write("migrations/Rb1.java", cli.read("migrations/Rb1.java").replace(" ALGORITHM=INPLACE LOCK=NONE", ""));
        Cli.Result check = cli.run("check", "--dev");
        assertEquals(
                new Cli.Result(
                        ExitCode.FOUND,
                        "No new upgrade operations detected.\nLint of the pending migrations:\n  Rb1.java:11: error"
                                + " non-concurrent-index: DROP INDEX customers_name_idx ON \"customers\" does not assert"
                                + " LOCK=NONE, so MySQL may block writes without saying so; add ALGORITHM=INPLACE"
                                + " LOCK=NONE\n",
                        ""),
                check);
    }

    /**
     * The runner's check before a migration, on MySQL's terms: a {@code varchar} widened in place under a key runs (in
     * a latin1 table, 100 to 200 characters, which lint, not knowing the character set, reports), any other type
     * change of a key's column is refused in one line with MySQL's error, before anything runs.
     */
    @Test
    void theRunnerRefusesAKeyedTypeChangeOnMySqlsTermsAndLetsAVarcharWidenInPlace() throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put(
                "a0",
                sql("CREATE TABLE lp (id int PRIMARY KEY, code varchar(100), UNIQUE KEY lp_code_key (code))"
                                + " DEFAULT CHARSET=latin1")
                        + "\n"
                        + sql("CREATE TABLE lk (id int PRIMARY KEY, pid int, pcode varchar(100), CONSTRAINT lk_pid_fkey"
                                + " FOREIGN KEY (pid) REFERENCES lp (id), CONSTRAINT lk_pcode_fkey FOREIGN KEY (pcode)"
                                + " REFERENCES lp (code)) DEFAULT CHARSET=latin1"));
        bodies.put(
                "r1",
                "op.alterColumn(\"lk\", column(\"pcode\", \"varchar(100)\"), column(\"pcode\", \"varchar(200)\"));");
        Cli cli = project(bodies, "");
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(
                List.of("varchar(200)"),
                db.query("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = 'lk' AND COLUMN_NAME = 'pcode'"));
        bodies.put("r2", "op.alterColumn(\"lk\", column(\"pid\", \"integer\"), column(\"pid\", \"bigint\"));");
        cli = project(bodies, "");
        up = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, up.code(), up::toString);
        assertEquals(
                "error: revision r2: changing the type of lk.pid would stop the migration halfway: MySQL refuses it"
                        + " while foreign key lk_pid_fkey (lk (pid) -> lp (id)) uses the column, even with"
                        + " foreign_key_checks = 0 (error 3780); drop the key before the change and add it again after"
                        + " (op.dropForeignKey, op.addForeignKey), as revision --autogenerate writes it\n",
                up.err(),
                up::toString);
        assertEquals(
                List.of("int"),
                db.query("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = 'lk' AND COLUMN_NAME = 'pid'"));
    }

    @Test
    void theSafeMigrationsRunOnMySql() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("a0", BASE);
        bodies.put("b01", BODIES.get("b01"));
        for (String id : List.of(
                "g01", "g01d", "g01c", "g03", "g03k", "g04o", "g04s", "g05", "g06", "g07", "g07s", "g08s", "g08u",
                "g11", "g13", "g15v", "g15n")) bodies.put(id, BODIES.get(id));
        Cli cli = project(bodies, "");
        Cli.Result lint = cli.run("lint", "g01");
        assertEquals(new Cli.Result(ExitCode.OK, "No lint findings in 1 revision.\n", ""), lint);
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        Cli.Result all = cli.run("lint");
        assertTrue(all.out().endsWith("1 error, 0 warnings in 19 revisions.\n"), all::toString);
    }
}
