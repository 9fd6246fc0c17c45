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
 * {@code retort lint} on a MariaDB project ({@code url = jdbc:mariadb://...}) through the real command line: each rule
 * as it means on MariaDB fires on its bad migration and stays quiet on the safe form (the DSL and MariaDB's own SQL:
 * backticks, {@code #} and {@code -- } comments, backslash escapes, {@code ALGORITHM}/{@code LOCK}, {@code SET
 * STATEMENT ... FOR}); the rules not checked on MariaDB report nothing; waivers, severities, exit codes and SARIF.
 * What each claim rests on is proved on the server by {@link MariaDbLintFactsTest}; after lint, the safe migrations
 * run on the real server, so the MariaDB SQL written here is MariaDB's.
 */
class MariaDbLintCommandTest {
    static final String BASE = """
            op.createTable("customers", column("id", "bigint").notNull(), primaryKey("id"));
            op.createTable("orders", column("id", "bigint").notNull(), column("customer_id", "bigint"),
                    column("qty", "integer"), column("note", "varchar(40)"), column("total", "numeric(10,2)"),
                    column("code", "varchar(20)"), column("ref", "varchar(20)"), primaryKey("id"));
            op.createTable("legacy", column("id", "bigint"));
            op.createTable("archive", column("id", "bigint"));
            op.createIndex("orders", index("customer_id"));""";

    /** Each case: revision id, upgrade body, the rules expected to report (written before running). */
    static final Map<String, String> BODIES = new LinkedHashMap<>();

    static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static void revision(String id, String body, String... rules) {
        BODIES.put(id, body);
        EXPECTED.put(id, new TreeSet<>(List.of(rules)));
    }

    static String sql(String statement) {
        return "op.execute(\""
                + statement.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\");";
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
        revision(
                "g01s",
                sql("ALTER TABLE `orders` DROP INDEX IF EXISTS `orders_qty_idx`, ALGORITHM=INPLACE, LOCK=NONE"));
        // MariaDB has no CONCURRENTLY: it names the index, which is built as any other (not concurrent-in-transaction)
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
        revision(
                "g03f",
                sql("SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE orders ADD CONSTRAINT orders_fk3 FOREIGN KEY"
                        + " (customer_id) REFERENCES customers (id), ALGORITHM=INPLACE, LOCK=NONE"));
        // foreign_key_checks off for the statement or the session: the key is built in place, reading no rows
        revision(
                "g03p",
                sql("SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE orders ADD CONSTRAINT orders_fk4 FOREIGN KEY"
                        + " (customer_id) REFERENCES customers (id)"));
        revision(
                "g03k",
                sql("SET SESSION foreign_key_checks = OFF")
                        + "\n"
                        + sql("ALTER TABLE orders ADD CONSTRAINT orders_fk5 FOREIGN KEY (customer_id) REFERENCES"
                                + " customers (id)")
                        + "\nop.addForeignKey(\"orders\", foreignKey(\"customer_id\").references(\"customers\", \"id\")"
                        + ".named(\"orders_fk6\"));\n"
                        + sql("SET foreign_key_checks = 1"));
        revision(
                "b03k",
                sql("SET foreign_key_checks = 0, @x = 1") + "\n" + sql("SET @@session.foreign_key_checks := 1") + "\n"
                        + sql("ALTER TABLE orders ADD CONSTRAINT orders_fk7 FOREIGN KEY (customer_id) REFERENCES"
                                + " customers (id)"),
                "constraint-without-not-valid");
        revision("b03s", sql("ALTER TABLE orders ADD CONSTRAINT qty_positive CHECK (qty > 0)"), "check-copies-table");
        revision(
                "b03n",
                "op.addCheck(\"orders\", check(\"qty > 0\").named(\"qty_positive2\").notValid());",
                "check-copies-table");
        revision(
                "b04",
                "op.alterColumn(\"orders\", column(\"qty\", \"integer\"), column(\"qty\", \"integer\").notNull());",
                "set-not-null-scan");
        // the online form, as safety = online writes it: the check runs nothing, its validation counts the nulls
        revision(
                "g04",
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
                "b05p",
                sql("ALTER TABLE orders ADD (flag int NOT NULL, seen datetime(6) DEFAULT sysdate(6))"),
                "not-null-without-default",
                "volatile-default");
        revision(
                "b05",
                "op.addColumn(\"orders\", column(\"status\", \"varchar(10)\").notNull());",
                "not-null-without-default");
        revision(
                "g05",
                "op.addColumn(\"orders\", column(\"status2\", \"varchar(10)\").notNull().defaultValue(\"'new'\"));");
        revision(
                "b06",
                "op.addColumn(\"orders\", column(\"token\", \"varchar(40)\").defaultValue(\"uuid()\"));",
                "volatile-default");
        revision("b06s", sql("ALTER TABLE orders ADD COLUMN seen datetime(6) DEFAULT sysdate(6)"), "volatile-default");
        revision(
                "g06",
                "op.addColumn(\"orders\", column(\"created_at\", \"timestamp(0)\").defaultValue(\"current_timestamp()\"));\n"
                        + "op.addColumn(\"orders\", column(\"luck\", \"double precision\").defaultValue(\"rand()\"));");
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
        revision(
                "b07n",
                "op.alterColumn(\"orders\", column(\"total\", \"numeric(10,2)\"), column(\"total\","
                        + " \"numeric(12,2)\"));",
                "rewriting-type-change");
        revision("b07s", sql("ALTER TABLE orders MODIFY total decimal(14,2)"), "rewriting-type-change");
        revision("g07s", sql("ALTER TABLE orders MODIFY ref varchar(31), ALGORITHM=INSTANT"));
        revision("b08", "op.addUnique(\"orders\", unique(\"code\"));", "unique-under-lock");
        revision(
                "g08u",
                "op.createIndex(\"orders\", index(\"total\").asUnique().named(\"orders_total_key\"),"
                        + " Option.CONCURRENTLY);\n"
                        + "op.addUnique(\"orders\", unique(\"total\").named(\"orders_total_key\"), Option.USING_INDEX);");
        revision("b08s", sql("ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref)"), "unique-under-lock");
        revision("g08s", sql("ALTER TABLE orders ADD UNIQUE KEY orders_note_key (note), ALGORITHM=INPLACE, LOCK=NONE"));
        revision(
                "g08p",
                "op.createIndex(\"archive\", index(\"id\").asUnique().named(\"archive_pkey\"), Option.CONCURRENTLY);\n"
                        + "op.addPrimaryKey(\"archive\", primaryKey(\"id\").named(\"archive_pkey\"),"
                        + " Option.USING_INDEX);");
        revision(
                "b09",
                "op.dropColumn(\"orders\", column(\"status\", \"varchar(10)\").notNull());",
                "unacknowledged-data-loss");
        revision("b09s", sql("DROP TABLE legacy"), "unacknowledged-data-loss");
        revision(
                "u09",
                "op.acknowledgeDataLoss(Ops.UNREVIEWED).dropColumn(\"orders\", column(\"token\", \"varchar(40)\"));",
                "unreviewed-acknowledgement");
        revision("b10", "op.renameColumn(\"orders\", \"luck\", \"fortune\");", "rename");
        revision("b10s", sql("RENAME TABLE archive TO archives"), "rename");
        revision("b10c", sql("ALTER TABLE orders CHANGE COLUMN fortune chance double precision"), "rename");
        // DDL commits the UPDATE before it, and the runner commits each statement: nothing held together
        revision(
                "g11",
                "op.addColumn(\"orders\", column(\"flag\", \"boolean\"));\n" + sql("UPDATE orders SET flag = false"));
        revision("b12", sql("COMMIT"), "transaction-control");
        revision("b12x", sql("START TRANSACTION"), "transaction-control");
        revision(
                "b12c",
                sql("BEGIN NOT ATOMIC\n  DECLARE n int;\n  SELECT count(*) INTO n FROM orders;\nEND"),
                "unparsed-sql");
        revision(
                "b13",
                "op.createTable(\"t_" + "x".repeat(63) + "\", column(\"id\", \"bigint\"));",
                "identifier-too-long");
        // 64 characters, 126 bytes: over PostgreSQL's 63 bytes, within MariaDB's 64 characters
        revision("g13", "op.createTable(\"t_" + "\u00e9".repeat(62) + "\", column(\"id\", \"bigint\"));");
        revision("b14", sql("OPTIMIZE TABLE orders"), "unparsed-sql");
        // MariaDB's lexical rules: none of these semicolons, quotes or dashes ends the UPDATE or starts a statement
        revision(
                "g14",
                sql("# a comment; not a statement\nUPDATE `orders` SET note = 'it''s \\' ; -- not a comment',"
                        + " code = \"a\\\";b\" -- a comment; still one\nWHERE qty--1 > 0 /* c; */"));
        // a type change of a key's column, at either end, the key as the migrations made it (renames followed)
        String keyed = "op.createTable(\"parents%1$s\", column(\"id\", \"integer\").notNull(), primaryKey(\"id\"));\n"
                + "op.createTable(\"kids%1$s\", column(\"id\", \"integer\").notNull(), column(\"parent_id\","
                + " \"integer\"), primaryKey(\"id\"), foreignKey(\"parent_id\").references(\"parents%1$s\","
                + " \"id\").named(\"kids%1$s_parent_fk\"));\n";
        revision(
                "b15",
                keyed.formatted("")
                        + "op.alterColumn(\"parents\", column(\"id\", \"integer\").notNull(), column(\"id\","
                        + " \"bigint\").notNull());",
                "type-change-under-key");
        revision(
                "b15r",
                keyed.formatted("3")
                        + "op.renameColumn(\"kids3\", \"parent_id\", \"keeper_id\");\n"
                        + "op.alterColumn(\"kids3\", column(\"keeper_id\", \"integer\"), column(\"keeper_id\","
                        + " \"bigint\"));",
                "type-change-under-key");
        revision(
                "g15",
                keyed.formatted("2")
                        + "op.dropForeignKey(\"kids2\", foreignKey(\"parent_id\").references(\"parents2\", \"id\")"
                        + ".named(\"kids2_parent_fk\"));\n"
                        + "op.alterColumn(\"parents2\", column(\"id\", \"integer\").notNull(), column(\"id\","
                        + " \"bigint\").notNull());\n"
                        + "op.alterColumn(\"kids2\", column(\"parent_id\", \"integer\"), column(\"parent_id\","
                        + " \"bigint\"));\n"
                        + "op.addForeignKey(\"kids2\", foreignKey(\"parent_id\").references(\"parents2\", \"id\")"
                        + ".named(\"kids2_parent_fk\"));");
        // the same in SQL: a MODIFY of the key's column, and the key dropped by SQL first
        revision(
                "b15s",
                keyed.formatted("4") + sql("ALTER TABLE kids4 MODIFY parent_id bigint"),
                "type-change-under-key");
        revision(
                "g15s",
                keyed.formatted("5") + sql("ALTER TABLE kids5 DROP FOREIGN KEY kids5_parent_fk") + "\n"
                        + sql("ALTER TABLE kids5 MODIFY parent_id bigint"));
    }

    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase();

    @TempDir
    Path workDir;

    private Cli project(Map<String, String> bodies, String properties) {
        return project(workDir, "url = " + db.url() + "\n" + properties, bodies);
    }

    /** A project in {@code workDir} with the properties and the migrations, each revising the one before. */
    static Cli project(Path workDir, String properties, Map<String, String> bodies) {
        Cli cli = new Cli(workDir);
        cli.write("retort.properties", properties + "\nmigrations.dir = migrations\n");
        String parent = null;
        for (Map.Entry<String, String> entry : bodies.entrySet()) {
            String id = entry.getKey();
            cli.write("migrations/R" + id + ".java", LintCommandTest.source(id, parent, "", entry.getValue(), ""));
            parent = id;
        }
        return cli;
    }

    /** The rules each revision's findings name, but the suppressed ones, from {@code lint --format json}. */
    static Map<String, Set<String>> reported(JsonNode document) {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        for (JsonNode id : document.get("revisions")) rules.put(id.asText(), new TreeSet<>());
        for (JsonNode finding : document.get("findings")) {
            if (!finding.get("suppressed").isNull()) continue;
            rules.get(finding.get("revision").asText()).add(finding.get("rule").asText());
        }
        return rules;
    }

    @Test
    void eachMariaDbRuleReportsItsBadMigrationAndNotItsSafeForm() throws Exception {
        Cli cli = project(BODIES, "lint.missing-lock-timeout = off\n");
        Cli.Result result = cli.run("lint", "--format", "json");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertEquals("", result.err(), result::toString);
        assertEquals(EXPECTED, reported(LintCommandTest.MAPPER.readTree(result.out())));
        Set<String> covered = new TreeSet<>();
        EXPECTED.values().forEach(covered::addAll);
        covered.add("missing-lock-timeout");
        covered.add("several-heads");
        Set<String> checked = new TreeSet<>();
        for (Rule rule : Rule.values()) if (rule.appliesTo(Dialect.MARIADB)) checked.add(rule.id());
        assertEquals(checked, covered, "every rule checked on MariaDB has a case here or below");
        assertEquals(
                Set.of("concurrent-in-transaction", "backfill-with-ddl"),
                new TreeSet<>(List.of(Rule.values()).stream()
                        .filter(r -> !r.appliesTo(Dialect.MARIADB))
                        .map(Rule::id)
                        .toList()));
    }

    @Test
    void theTextSaysMariaDbsTruth() {
        Cli cli = project(BODIES, "lint.missing-lock-timeout = off\n");
        Cli.Result result = cli.run("lint", "b01", "b01f", "b01c", "b03n", "b05", "b07v", "b13", "b15", "b15r", "b15s");
        assertEquals(
                String.join(
                        "\n",
                        "Rb01.java:15: error non-concurrent-index: CREATE INDEX on existing table \"orders\" does not"
                                + " assert LOCK=NONE, so MariaDB may block writes while it builds; build it with"
                                + " Option.CONCURRENTLY (ALGORITHM=INPLACE LOCK=NONE: the server refuses rather than"
                                + " block)",
                        "Rb01f.java:15: error non-concurrent-index: CREATE FULLTEXT INDEX on existing table \"orders\""
                                + " blocks writes while it builds (LOCK=SHARED): MariaDB has no online form for it",
                        "Rb01c.java:15: error non-concurrent-index: CREATE INDEX on existing table \"orders\" does not"
                                + " assert LOCK=NONE, so MariaDB may block writes while it builds; add ALGORITHM=INPLACE,"
                                + " LOCK=NONE (the server then refuses rather than block) (MariaDB has no CONCURRENTLY:"
                                + " this names the index \"CONCURRENTLY\")",
                        "Rb03n.java:15: error check-copies-table: check qty_positive2 (qty > 0) on existing table"
                                + " \"orders\" copies the table while writes wait (ALGORITHM=COPY, LOCK=SHARED), NOT"
                                + " VALID or not: MariaDB 10.11 has no online form for it",
                        "Rb05.java:15: error not-null-without-default: adds NOT NULL column \"orders\".status without a"
                                + " default to existing table \"orders\": MariaDB gives its rows the type's implicit"
                                + " value (0, '', a zero date) instead of failing",
                        "Rb07v.java:15: error rewriting-type-change: type varchar(60) -> varchar(100) of"
                                + " \"orders\".note copies existing table \"orders\" while writes wait (ALGORITHM=COPY,"
                                + " LOCK=SHARED): in a character set of 4 bytes a character its longest value goes from"
                                + " 240 to over 255 bytes, which needs a second length byte (lint does not know the"
                                + " table's character set)",
                        "Rb13.java:15: error identifier-too-long: name \"t_" + "x".repeat(63) + "\" is 65 characters;"
                                + " MariaDB refuses a name over 64",
                        "Rb15.java:17: error type-change-under-key: type integer -> bigint of \"parents\".id: MariaDB"
                                + " refuses it while foreign key kids_parent_fk (\"kids\" (parent_id) -> \"parents\" (id))"
                                + " uses the column, even with foreign_key_checks = 0 (error 1833), after the migration's"
                                + " earlier statements committed; drop the key before the change and add it again after"
                                + " (op.dropForeignKey, op.addForeignKey)",
                        "Rb15r.java:18: error type-change-under-key: type integer -> bigint of \"kids3\".keeper_id:"
                                + " MariaDB refuses it while foreign key kids3_parent_fk (\"kids3\" (keeper_id) ->"
                                + " \"parents3\" (id)) uses the column, even with foreign_key_checks = 0 (error 1832),"
                                + " after the migration's earlier statements committed; drop the key before the change and"
                                + " add it again after (op.dropForeignKey, op.addForeignKey)",
                        "Rb15s.java:17: error type-change-under-key: type integer -> bigint (MODIFY) of \"kids4\".parent_id:"
                                + " MariaDB refuses it while foreign key kids4_parent_fk (\"kids4\" (parent_id) ->"
                                + " \"parents4\" (id)) uses the column, even with foreign_key_checks = 0 (error 1832),"
                                + " after the migration's earlier statements committed; drop the key before the change and"
                                + " add it again after (op.dropForeignKey, op.addForeignKey)",
                        "10 errors, 0 warnings in 10 revisions.",
                        ""),
                result.out(),
                result::toString);
        assertEquals(ExitCode.FOUND, result.code());
    }

    @Test
    void lockWaitTimeoutIsMariaDbsLockTimeout() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("a0", BASE);
        bodies.put("m1", "op.addColumn(\"orders\", column(\"extra\", \"text\"));");
        bodies.put(
                "m2",
                sql("SET SESSION lock_wait_timeout = 5") + "\nop.addColumn(\"orders\", column(\"extra2\", \"text\"));");
        bodies.put("m3", sql("SET STATEMENT lock_wait_timeout=5 FOR ALTER TABLE orders ADD COLUMN extra3 text"));
        bodies.put(
                "m4",
                sql("SET @@session.lock_wait_timeout = 5, @x = 1") + "\n"
                        + sql("ALTER TABLE orders DROP INDEX orders_customer_id_idx, ALGORITHM=INPLACE, LOCK=NONE"));
        // PostgreSQL's setting is no setting on MariaDB (1193, unknown variable), and a global one is not the session's
        bodies.put(
                "m5",
                sql("SET GLOBAL lock_wait_timeout = 5") + "\nop.addColumn(\"orders\", column(\"extra4\", \"text\"));");
        Cli cli = project(bodies, "lock.ddl-timeout = 0\n");
        Cli.Result result = cli.run("lint");
        assertEquals(
                "Rm1.java:15: warning missing-lock-timeout: locks existing table \"orders\" without a lock timeout"
                        + " (lock.ddl-timeout = 0, or @Timeouts(ddl = 0)) and no SET SESSION lock_wait_timeout before"
                        + " it\n"
                        + "Rm5.java:16: warning missing-lock-timeout: locks existing table \"orders\" without a lock"
                        + " timeout (lock.ddl-timeout = 0, or @Timeouts(ddl = 0)) and no SET SESSION lock_wait_timeout"
                        + " before it\n"
                        + "0 errors, 2 warnings in 6 revisions.\n",
                result.out(),
                result::toString);
        assertEquals(ExitCode.OK, result.code());
    }

    @Test
    void waiversSeveritiesAndExitCodes() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("a0", BASE);
        bodies.put(
                "w1",
                "op.lintIgnore(\"check-copies-table\", \"orders holds 40 rows\")"
                        + ".addCheck(\"orders\", check(\"qty > 0\").named(\"qty_positive\"));");
        bodies.put("w2", "op.createIndex(\"orders\", index(\"qty\"), Option.CONCURRENTLY);");
        Cli cli = project(bodies, "");
        assertEquals(new Cli.Result(ExitCode.OK, "No lint findings in 3 revisions.\n", ""), cli.run("lint"));
        bodies.put("w3", "op.addCheck(\"orders\", check(\"qty < 1000\").named(\"qty_bounded\"));");
        cli = project(bodies, "");
        assertEquals(ExitCode.FOUND, cli.run("lint").code());
        cli = project(bodies, "lint.check-copies-table = warning\n");
        Cli.Result warned = cli.run("lint");
        assertEquals(ExitCode.OK, warned.code(), warned::toString);
        assertTrue(warned.out().endsWith("0 errors, 1 warning in 4 revisions.\n"), warned::toString);
        // a rule not checked on MariaDB is still a rule: configuring it is no error, it reports nothing
        cli = project(bodies, "lint.check-copies-table = off\nlint.backfill-with-ddl = error\n");
        assertEquals(new Cli.Result(ExitCode.OK, "No lint findings in 4 revisions.\n", ""), cli.run("lint"));
    }

    @Test
    void sarifDescribesTheRulesAsTheyMeanOnMariaDb() throws Exception {
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
            assertEquals(rule.id(), described.get("id").asText());
            assertEquals(
                    rule.meaning(Dialect.MARIADB).what(),
                    described.get("shortDescription").get("text").asText());
            assertEquals(
                    rule.meaning(Dialect.MARIADB).fix(),
                    described.get("help").get("text").asText());
        }
        assertTrue(rules.get(Rule.CONCURRENT_IN_TRANSACTION.ordinal())
                .get("shortDescription")
                .get("text")
                .asText()
                .startsWith("not checked on MariaDB: "));
    }

    @Test
    void theSafeMigrationsRunOnTheServer() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("a0", BASE);
        for (String id : List.of(
                "g01", "g01s", "g01c", "g03f", "g04", "g04s", "g05", "g06", "g07", "g07s", "g08u", "g08s", "g08p",
                "g11", "g13", "g14", "g15", "g15s")) bodies.put(id, BODIES.get(id));
        Cli cli = project(bodies, "");
        Cli.Result lint = cli.run("lint");
        assertEquals(new Cli.Result(ExitCode.OK, "No lint findings in 19 revisions.\n", ""), lint);
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
    }
}
