package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.Dialect;
import dev.retort.lint.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort lint} through the real command line on source migrations compiled in a temporary folder: every rule
 * fires on its bad migration and stays quiet on the safe form, waivers and suppressions, configuration, the JSON and
 * SARIF documents and the exit codes.
 */
class LintCommandTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The history: a base that creates the tables, then one revision per case, each revising the one before. */
    static final String BASE = """
            op.createTable("customers", column("id", "bigint").notNull(), primaryKey("id"));
            op.createTable("orders", column("id", "bigint").notNull(), column("customer_id", "bigint"),
                    column("qty", "integer"), column("note", "varchar(40)"), column("total", "numeric(10,2)"),
                    column("code", "varchar(20)"), primaryKey("id"));
            op.createTable("legacy", column("id", "bigint"));
            op.createIndex("orders", index("customer_id"));""";

    /** Each case: revision id, upgrade body, the rules expected to report (written before running). */
    static final Map<String, String> BODIES = new LinkedHashMap<>();

    static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static void revision(String id, String body, String... rules) {
        BODIES.put(id, body);
        EXPECTED.put(id, new TreeSet<>(List.of(rules)));
    }

    static {
        revision("a0", BASE);
        revision("b01", "op.createIndex(\"orders\", index(\"qty\"));", "non-concurrent-index");
        revision("g01", "op.autocommit(a -> a.createIndex(\"orders\", index(\"note\"), Option.CONCURRENTLY));");
        revision(
                "g01b",
                "op.createTable(\"fresh\", column(\"id\", \"bigint\"));\n"
                        + "op.createIndex(\"fresh\", index(\"id\"));");
        revision("b01s", "op.execute(\"DROP INDEX orders_customer_id_idx\");", "non-concurrent-index");
        revision(
                "b02",
                "op.execute(\"CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total)\");",
                "concurrent-in-transaction");
        revision(
                "g02",
                "op.autocommit(a -> a.execute(\"CREATE INDEX CONCURRENTLY orders_total2_idx ON orders"
                        + " (total)\"));");
        revision(
                "b03",
                "op.addForeignKey(\"orders\", foreignKey(\"customer_id\").references(\"customers\", \"id\"));",
                "constraint-without-not-valid");
        revision(
                "b03s",
                "op.execute(\"ALTER TABLE orders ADD CONSTRAINT qty_positive CHECK (qty > 0)\");",
                "constraint-without-not-valid");
        revision(
                "g03",
                "op.addForeignKey(\"orders\", foreignKey(\"customer_id\").references(\"customers\", \"id\")"
                        + ".named(\"orders_customer_fk\").notValid());\n"
                        + "op.validateConstraint(\"orders\", foreignKey(\"customer_id\").references(\"customers\", \"id\")"
                        + ".named(\"orders_customer_fk\"));");
        revision(
                "g03s",
                "op.execute(\"ALTER TABLE orders ADD CONSTRAINT qty_positive2 CHECK (qty > 0) NOT VALID\");\n"
                        + "op.execute(\"ALTER TABLE orders VALIDATE CONSTRAINT qty_positive2\");");
        revision(
                "b04",
                "op.alterColumn(\"orders\", column(\"qty\", \"integer\"), column(\"qty\", \"integer\")"
                        + ".notNull());",
                "set-not-null-scan");
        revision("b04s", "op.execute(\"ALTER TABLE orders ALTER COLUMN note SET NOT NULL\");", "set-not-null-scan");
        revision(
                "g04",
                "op.addCheck(\"orders\", check(\"customer_id IS NOT NULL\").named(\"customer_nn\")"
                        + ".notValid());\n"
                        + "op.validateConstraint(\"orders\", check(\"customer_id IS NOT NULL\").named(\"customer_nn\"));\n"
                        + "op.alterColumn(\"orders\", column(\"customer_id\", \"bigint\"), column(\"customer_id\", \"bigint\")"
                        + ".notNull());\n"
                        + "op.dropCheck(\"orders\", check(\"customer_id IS NOT NULL\").named(\"customer_nn\"));");
        revision(
                "g04s",
                "op.execute(\"ALTER TABLE orders ADD CONSTRAINT code_nn CHECK (code IS NOT NULL) NOT"
                        + " VALID\");\n"
                        + "op.execute(\"ALTER TABLE orders VALIDATE CONSTRAINT code_nn\");\n"
                        + "op.execute(\"ALTER TABLE orders ALTER COLUMN code SET NOT NULL\");");
        revision(
                "b05", "op.addColumn(\"orders\", column(\"status\", \"text\").notNull());", "not-null-without-default");
        revision("g05", "op.addColumn(\"orders\", column(\"status2\", \"text\").notNull().defaultValue(\"'new'\"));");
        revision(
                "b06",
                "op.addColumn(\"orders\", column(\"token\", \"uuid\").defaultValue(\"gen_random_uuid()\"));",
                "volatile-default");
        revision(
                "b06s",
                "op.execute(\"ALTER TABLE orders ADD COLUMN seen timestamptz DEFAULT clock_timestamp()\");",
                "volatile-default");
        revision("g06", "op.addColumn(\"orders\", column(\"created_at\", \"timestamptz\").defaultValue(\"now()\"));");
        revision(
                "b07",
                "op.alterColumn(\"orders\", column(\"qty\", \"integer\").notNull(), column(\"qty\", \"bigint\")"
                        + ".notNull());",
                "rewriting-type-change");
        revision(
                "g07",
                "op.alterColumn(\"orders\", column(\"note\", \"varchar(40)\"), column(\"note\","
                        + " \"varchar(80)\"));\n"
                        + "op.alterColumn(\"orders\", column(\"total\", \"numeric(10,2)\"), column(\"total\","
                        + " \"numeric(12,2)\"));\n"
                        + "op.execute(\"ALTER TABLE orders ALTER COLUMN note TYPE text\");");
        revision(
                "b07s",
                "op.execute(\"ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,4)\");",
                "rewriting-type-change");
        revision("b08", "op.addUnique(\"orders\", unique(\"code\"));", "unique-under-lock");
        revision(
                "g08",
                "op.autocommit(a -> a.execute(\"CREATE UNIQUE INDEX CONCURRENTLY orders_code_key ON orders"
                        + " (code)\"));\n"
                        + "op.execute(\"ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE USING INDEX"
                        + " orders_code_key\");");
        revision(
                "g08u",
                "op.autocommit(a -> a.createIndex(\"orders\", index(\"total\").asUnique().named(\"orders_total_key\"),"
                        + " Option.CONCURRENTLY));\n"
                        + "op.addUnique(\"orders\", unique(\"total\").named(\"orders_total_key\"), Option.USING_INDEX);");
        revision(
                "g08r",
                "op.addColumn(\"orders\", column(\"ref_new\", \"bigint\"));\n"
                        + "op.addCheck(\"orders\", check(\"ref_new IS NOT NULL\").named(\"ref_new_nn\").notValid());\n"
                        + "op.validateConstraint(\"orders\", check(\"ref_new IS NOT NULL\").named(\"ref_new_nn\"));");
        // the check validated on ref_new follows it through the rename: SET NOT NULL scans nothing, the rename is
        // reported
        revision(
                "b08s",
                "op.renameColumn(\"orders\", \"ref_new\", \"ref\");\n"
                        + "op.alterColumn(\"orders\", column(\"ref\", \"bigint\"), column(\"ref\", \"bigint\").notNull());\n"
                        + "op.dropCheck(\"orders\", check(\"ref_new IS NOT NULL\").named(\"ref_new_nn\"));",
                "rename");
        revision(
                "b09",
                "op.dropColumn(\"orders\", column(\"status\", \"text\").notNull());",
                "unacknowledged-data-loss");
        revision("b09s", "op.execute(\"DROP TABLE legacy\");", "unacknowledged-data-loss");
        revision(
                "g09",
                "op.acknowledgeDataLoss(\"status2 was never read\").dropColumn(\"orders\", column(\"status2\","
                        + " \"text\").notNull().defaultValue(\"'new'\"));");
        revision(
                "u09",
                "op.acknowledgeDataLoss(Ops.UNREVIEWED).dropColumn(\"orders\", column(\"token\", \"uuid\"));",
                "unreviewed-acknowledgement");
        revision("b10", "op.renameColumn(\"orders\", \"seen\", \"seen_at\");", "rename");
        revision(
                "g10",
                "op.createTable(\"draft\", column(\"id\", \"bigint\"));\n" + "op.renameTable(\"draft\", \"drafts\");");
        revision(
                "b11",
                "op.addColumn(\"orders\", column(\"flag\", \"boolean\"));\n"
                        + "op.execute(\"UPDATE orders SET flag = false\");",
                "backfill-with-ddl");
        revision("g11", "op.execute(\"UPDATE orders SET flag = true WHERE flag IS NULL\");");
        revision("b12", "op.execute(\"COMMIT\");", "transaction-control");
        revision("g12", "op.execute(\"INSERT INTO customers (id) VALUES (1)\");");
        revision(
                "b13",
                "op.createTable(\"t_" + "x".repeat(70) + "\", column(\"id\", \"bigint\"));",
                "identifier-too-long");
        revision("g13", "op.createTable(\"t_" + "x".repeat(61) + "\", column(\"id\", \"bigint\"));");
        revision("b14", "op.execute(\"DO $$ BEGIN PERFORM 1; END $$\");", "unparsed-sql");
        revision(
                "g14",
                "op.lintIgnore(\"unparsed-sql\", \"read by hand: it does nothing\")"
                        + ".execute(\"DO $$ BEGIN PERFORM 1; END $$\");");
        revision("b15", "op.addColumn(\"orders\", column(\"extra\", \"text\"));");
        revision(
                "g15",
                "op.execute(\"SET LOCAL lock_timeout = '5s'\");\n"
                        + "op.addColumn(\"orders\", column(\"extra2\", \"text\"));");
        revision("s16", "op.renameColumn(\"orders\", \"note\", \"remark\");");
    }

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() {
        cli = new Cli(workDir);
        cli.write("retort.properties", "migrations.dir = migrations\nlint.missing-lock-timeout = off\n");
        String parent = null;
        for (Map.Entry<String, String> entry : BODIES.entrySet()) {
            String id = entry.getKey();
            String annotation = id.equals("s16")
                    ? "@Lint.Suppress(rule = \"rename\", reason = \"the running version reads it through a view\")\n"
                    : "";
            String downgrade = id.equals("g12") ? "op.execute(\"ROLLBACK\");" : "";
            cli.write("migrations/R" + id + ".java", source(id, parent, annotation, entry.getValue(), downgrade));
            parent = id;
        }
    }

    static String source(String id, String parent, String annotation, String upgrade, String downgrade) {
        return "package migrations;\n\n"
                + "import static dev.retort.runtime.Ops.*;\n\n"
                + "import dev.retort.op.Option;\n"
                + "import dev.retort.runtime.Lint;\n"
                + "import dev.retort.runtime.Migration;\n"
                + "import dev.retort.runtime.Ops;\n"
                + "import dev.retort.runtime.Revision;\n\n"
                + annotation
                + "@Revision(id = \"" + id + "\"" + (parent == null ? "" : ", revises = \"" + parent + "\"")
                + ", message = \"" + id + "\")\n"
                + "public final class R" + id + " implements Migration {\n"
                + "    @Override\n"
                + "    public void upgrade(Ops op) {\n"
                + "        " + upgrade.replace("\n", "\n        ") + "\n"
                + "    }\n\n"
                + "    @Override\n"
                + "    public void downgrade(Ops op) {\n"
                + "        " + downgrade + "\n"
                + "    }\n"
                + "}\n";
    }

    /** The rules each revision reported (suppressed findings left out), every revision present. */
    private static Map<String, Set<String>> reported(JsonNode document) {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        for (JsonNode id : document.get("revisions")) rules.put(id.asText(), new TreeSet<>());
        for (JsonNode finding : document.get("findings")) {
            if (!finding.get("suppressed").isNull()) continue;
            rules.get(finding.get("revision").asText()).add(finding.get("rule").asText());
        }
        return rules;
    }

    private Map<String, Set<String>> expected(Map<String, Set<String>> changes) {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        EXPECTED.forEach((id, rules) -> expected.put(id, new TreeSet<>(rules)));
        changes.forEach((id, rules) -> expected.get(id).addAll(rules));
        return expected;
    }

    @Test
    void eachRuleReportsItsBadMigrationAndNotItsSafeForm() throws Exception {
        Cli.Result result = cli.run("lint", "--format", "json");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        JsonNode document = MAPPER.readTree(result.out());
        assertEquals("retort/1", document.get("format").asText());
        assertEquals("lint", document.get("command").asText());
        // the downgrade of g12 rolls back the runner's transaction
        assertEquals(expected(Map.of("g12", Set.of("transaction-control"))), reported(document));
        Set<String> covered = new TreeSet<>();
        EXPECTED.values().forEach(covered::addAll);
        covered.add("missing-lock-timeout");
        covered.add("several-heads");
        Set<String> all = new TreeSet<>();
        for (Rule rule : Rule.values()) if (rule.appliesTo(Dialect.POSTGRESQL)) all.add(rule.id());
        assertEquals(all, covered, "every rule checked on PostgreSQL has a case here or below");
    }

    @Test
    void waiversAndSuppressionsCarryTheirReasons() throws Exception {
        JsonNode document = MAPPER.readTree(cli.run("lint", "--format", "json").out());
        Map<String, String> suppressed = new TreeMap<>();
        for (JsonNode finding : document.get("findings"))
            if (!finding.get("suppressed").isNull())
                suppressed.put(
                        finding.get("revision").asText() + " "
                                + finding.get("rule").asText(),
                        finding.get("suppressed").asText());
        assertEquals(
                Map.of(
                        "g14 unparsed-sql", "read by hand: it does nothing",
                        "s16 rename", "the running version reads it through a view"),
                suppressed);
    }

    @Test
    void textNamesFileLineSeverityRuleAndMessage() {
        Cli.Result result = cli.run("lint", "b01", "b12");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        int line = lineOf("Rb01.java", "op.createIndex");
        assertEquals(
                "Rb01.java:" + line + ": error non-concurrent-index: CREATE INDEX on existing table \"orders\" blocks"
                        + " writes while it builds; build it CONCURRENTLY in op.autocommit\n"
                        + "Rb12.java:" + lineOf("Rb12.java", "op.execute") + ": error transaction-control: COMMIT in"
                        + " op.execute ends or splits the migration's transaction, which the runner manages\n"
                        + "2 errors, 0 warnings in 2 revisions.\n",
                result.out());
        assertEquals("", result.err());
    }

    @Test
    void safeFormsExitZero() {
        Cli.Result result = cli.run("lint", "g01", "g03", "g04", "g04s", "g08", "g09");
        assertEquals(new Cli.Result(ExitCode.OK, "No lint findings in 6 revisions.\n", ""), result);
        Cli.Result warnings = cli.run("lint", "b06");
        assertEquals(ExitCode.OK, warnings.code(), warnings::toString);
        assertTrue(warnings.out().endsWith("0 errors, 1 warning in 1 revision.\n"), warnings::toString);
    }

    @Test
    void severitiesComeFromTheConfiguration() throws Exception {
        Cli.Result result = cli.run(
                "-x",
                "lock.ddl-timeout=0",
                "-x",
                "lint.non-concurrent-index=warning",
                "-x",
                "lint.missing-lock-timeout=warning",
                "-x",
                "lint.rename=off",
                "lint",
                "--format",
                "json",
                "b01",
                "b10",
                "g15");
        assertEquals(ExitCode.OK, result.code(), result::toString);
        List<String> seen = new ArrayList<>();
        for (JsonNode finding : MAPPER.readTree(result.out()).get("findings"))
            seen.add(
                    finding.get("revision").asText() + " " + finding.get("rule").asText() + " "
                            + finding.get("severity").asText());
        // b10's rename is off, yet it locks orders without a timeout, as b01's index does; g15 sets one first
        assertEquals(
                List.of(
                        "b01 non-concurrent-index warning",
                        "b01 missing-lock-timeout warning",
                        "b10 missing-lock-timeout warning"),
                seen);
    }

    @Test
    void aMigrationsOwnTimeoutWinsOverTheConfiguredOne() throws Exception {
        cli.write(
                "migrations/Rt1.java",
                source(
                        "t1",
                        "s16",
                        "@dev.retort.runtime.Timeouts(ddl = 0)\n",
                        "op.addColumn(\"orders\", column(\"t1\", \"text\"));",
                        ""));
        cli.write(
                "migrations/Rt2.java",
                source(
                        "t2",
                        "t1",
                        "@dev.retort.runtime.Timeouts(ddl = 30)\n",
                        "op.addColumn(\"orders\", column(\"t2\", \"text\"));",
                        ""));
        for (String ddl : List.of("5", "0")) {
            Cli.Result result = cli.run(
                    "-x",
                    "lock.ddl-timeout=" + ddl,
                    "-x",
                    "lint.missing-lock-timeout=warning",
                    "lint",
                    "--format",
                    "json",
                    "b15",
                    "t1",
                    "t2");
            List<String> seen = new ArrayList<>();
            for (JsonNode finding : MAPPER.readTree(result.out()).get("findings"))
                seen.add(finding.get("revision").asText() + " "
                        + finding.get("rule").asText());
            // t1 waits for ever whatever is configured, t2 never does; b15 follows lock.ddl-timeout
            assertEquals(
                    ddl.equals("0")
                            ? List.of("b15 missing-lock-timeout", "t1 missing-lock-timeout")
                            : List.of("t1 missing-lock-timeout"),
                    seen,
                    "lock.ddl-timeout=" + ddl);
        }
    }

    @Test
    void aBadRuleOrSeverityIsOneLineAndExitTwo() {
        Cli.Result unknown = cli.run("-x", "lint.no-such-rule=error", "lint");
        assertEquals(ExitCode.ERROR, unknown.code(), unknown::toString);
        assertTrue(
                unknown.err()
                        .startsWith("error: lint.no-such-rule: no lint rule is called no-such-rule (the rules:"
                                + " non-concurrent-index, "),
                unknown::toString);
        assertEquals(1, unknown.err().lines().count(), unknown::toString);
        Cli.Result severity = cli.run("-x", "lint.rename=fatal", "lint");
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR, "", "error: lint.rename: expected error, warning or off, not \"fatal\"\n"),
                severity);
    }

    @Test
    void aWaiverNamingNoRuleStopsLint() {
        cli.write(
                "migrations/Rz.java",
                source(
                        "z",
                        "s16",
                        "",
                        "op.lintIgnore(\"renames\", \"typo\").renameColumn(" + "\"orders\", \"qty\", \"quantity\");",
                        ""));
        Cli.Result result = cli.run("lint");
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertTrue(
                result.err()
                        .startsWith("error: migrations/Rz.java:" + lineOf("Rz.java", "op.lintIgnore")
                                + ": op.lintIgnore names no lint rule \"renames\" (the rules: "),
                result::toString);
    }

    @Test
    void severalHeadsAreReportedOnEachHead() throws Exception {
        cli.write("migrations/Rfork.java", source("fork", "a0", "", "op.execute(\"SELECT 1\");", ""));
        JsonNode document = MAPPER.readTree(cli.run("lint", "--format", "json").out());
        Map<String, Set<String>> rules = reported(document);
        assertEquals(Set.of("several-heads"), rules.get("fork"));
        assertTrue(rules.get("s16").contains("several-heads"), rules::toString);
    }

    @Test
    void theReportsGoToTheirFilesAndTheTextToStdout() throws Exception {
        Cli.Result result = cli.run(
                "lint", "--sarif-report", "target/retort/lint.sarif", "--json-report", "reports/lint.json", "b01");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertTrue(result.out().endsWith("1 error, 0 warnings in 1 revision.\n"), result::toString);
        assertEquals(
                MAPPER.readTree(cli.run("lint", "--format", "sarif", "b01").out()),
                MAPPER.readTree(cli.read("target/retort/lint.sarif")));
        assertEquals(
                MAPPER.readTree(cli.run("lint", "--format", "json", "b01").out()),
                MAPPER.readTree(cli.read("reports/lint.json")));
    }

    @Test
    void sarifCarriesRulesResultsLocationsAndSuppressions() throws Exception {
        Cli.Result result = cli.run("lint", "--format", "sarif", "b01", "g14");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        JsonNode log = MAPPER.readTree(result.out());
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals(
                "https://json.schemastore.org/sarif-2.1.0.json",
                log.get("$schema").asText());
        assertEquals(1, log.get("runs").size());
        JsonNode run = log.get("runs").get(0);
        assertEquals("retort", run.get("tool").get("driver").get("name").asText());
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertEquals(Rule.values().length, rules.size());
        for (Rule rule : Rule.values()) {
            JsonNode described = rules.get(rule.ordinal());
            assertEquals(rule.id(), described.get("id").asText());
            assertEquals(
                    rule.what(), described.get("shortDescription").get("text").asText());
            assertEquals(rule.fix(), described.get("help").get("text").asText());
            assertEquals(
                    rule.defaultSeverity().word(),
                    described.get("defaultConfiguration").get("level").asText());
        }
        JsonNode results = run.get("results");
        assertEquals(2, results.size(), results::toString);
        JsonNode index = results.get(0);
        assertEquals("non-concurrent-index", index.get("ruleId").asText());
        assertEquals(Rule.NON_CONCURRENT_INDEX.ordinal(), index.get("ruleIndex").asInt());
        assertEquals("error", index.get("level").asText());
        assertTrue(index.get("message").get("text").asText().startsWith("revision b01: CREATE INDEX"));
        JsonNode location = index.get("locations").get(0).get("physicalLocation");
        assertEquals(
                "migrations/Rb01.java",
                location.get("artifactLocation").get("uri").asText());
        assertEquals(
                lineOf("Rb01.java", "op.createIndex"),
                location.get("region").get("startLine").asInt());
        JsonNode waived = results.get(1);
        assertEquals("unparsed-sql", waived.get("ruleId").asText());
        assertEquals("warning", waived.get("level").asText());
        assertEquals("inSource", waived.get("suppressions").get(0).get("kind").asText());
        assertEquals(
                "read by hand: it does nothing",
                waived.get("suppressions").get(0).get("justification").asText());
    }

    @Test
    void theReadmeWaiversAreWhatLintReads() throws Exception {
        String section = ReadmeTest.section("## Linting migrations");
        int start = section.indexOf("```java\n", section.indexOf("**Settings and waivers.**")) + "```java\n".length();
        String snippet = section.substring(start, section.indexOf("```", start));
        Cli readme = new Cli(workDir.resolve("readme"));
        readme.write("retort.properties", "migrations.dir = migrations\n");
        readme.write(
                "migrations/R3f2a9c1b7d4e.java",
                source(
                        "3f2a9c1b7d4e",
                        null,
                        "",
                        "op.createTable(\"orders\", column(\"id\", \"bigint\"), column(\"note\", \"text\"),"
                                + " column(\"notes\", \"text\"));",
                        ""));
        readme.write(
                "migrations/R8e21c3f0d6b4_RenameNote.java",
                "package migrations;\n\nimport static dev.retort.runtime.Ops.*;\n\nimport dev.retort.runtime.Lint;\n"
                        + "import dev.retort.runtime.Migration;\nimport dev.retort.runtime.Ops;\n"
                        + "import dev.retort.runtime.Revision;\n\n" + snippet);
        Cli.Result result = readme.run("lint", "--format", "json", "8e21c3f0d6b4");
        assertEquals(ExitCode.OK, result.code(), result::toString);
        List<String> seen = new ArrayList<>();
        for (JsonNode finding : MAPPER.readTree(result.out()).get("findings"))
            seen.add(finding.get("rule").asText() + " "
                    + finding.get("suppressed").asText(""));
        assertEquals(
                List.of(
                        "rename the running version reads orders through the orders_v view",
                        "non-concurrent-index orders holds 40 rows in every deployment"),
                seen);
    }

    /** The 1-based line of the first line of a migration's file that holds {@code text}. */
    private int lineOf(String file, String text) {
        List<String> lines = cli.read("migrations/" + file).lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }
}
