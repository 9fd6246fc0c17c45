package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.OpText;
import dev.retort.cli.ChecklistScenarioTest.Scenario;
import dev.retort.codegen.MigrationWriter;
import dev.retort.codegen.RevisionHeader;
import dev.retort.diff.Plan;
import dev.retort.fixtures.db.PgDump;
import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.internal.MigrationSet;
import dev.retort.runtime.internal.Migrator;
import dev.retort.runtime.internal.source.SourceMigrations;
import dev.retort.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What PostgreSQL stores for the objects in scope, restored exactly: the scenario files in
 * {@code fixtures/src/main/resources/scenarios/database-side}, in the checklist's format ({@code ---
 * db}, {@code --- model} as SQL, {@code --- expect}). Each plan is checked as {@code check} prints
 * it, then run three ways, each compared with {@code pg_dump -s} of its target (normalised for the
 * order of a table's columns only): the generated migration class compiled and upgraded (B), then
 * downgraded (A again), and {@code retort diff --from A --to B --sql} applied with psql (B).
 *
 * <p>A scenario with a {@code --- refused} section expects {@code diff} to refuse the plan with
 * exactly that one line on standard error, and the database left as it was.
 */
class DatabaseSideScenarioTest {
    @RegisterExtension
    static final TestDatabase live = new TestDatabase();

    @RegisterExtension
    static final TestDatabase model = new TestDatabase();

    static final Path SCENARIOS = Path.of(System.getProperty("retort.repository.root", ".."))
            .resolve("fixtures/src/main/resources/scenarios/database-side")
            .normalize();

    @TempDir
    Path workDir;

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        return Scenario.tests(SCENARIOS, System.getProperty("retort.scenario", ""), this::run);
    }

    private void run(Scenario scenario) throws Exception {
        live.resetAllSchemas();
        model.resetAllSchemas();
        Psql.load(live, scenario.section("db"), scenario.file());
        Psql.load(model, scenario.section("model"), scenario.file());
        String a = SchemaDump.of(live);
        String b = SchemaDump.of(model);
        Cli cli = new Cli(workDir);
        if (scenario.has("refused")) {
            Cli.Result refused = cli.run("diff", "--from", live.url(), "--to", model.url());
            assertEquals(
                    new Cli.Result(
                            ExitCode.ERROR, "", scenario.section("refused").strip() + "\n"),
                    refused,
                    scenario.file()::toString);
            assertEquals(a, SchemaDump.of(live), "nothing was changed");
            return;
        }
        Autogenerate autogenerate = scenario.autogenerate();
        Plan plan;
        try (Connection c = live.connect()) {
            plan = autogenerate.withCasts(c, autogenerate.diff(read(live, autogenerate), read(model, autogenerate)));
        }
        List<String> described = plan.upgrade().stream().map(OpText::describe).toList();
        assertEquals(
                scenario.expected(),
                described,
                () -> scenario.file() + ": operations differ; the plan was:\n" + String.join("\n", described));

        Migrator migrator = new Migrator(compile(scenario, plan), scenario.versionTable());
        try (Connection c = live.connect()) {
            migrator.upgrade(c, "head");
        }
        assertEquals(b, SchemaDump.of(live), "after the generated upgrade, pg_dump -s of the target");
        try (Connection c = live.connect()) {
            migrator.downgrade(c, "base");
        }
        assertEquals(a, SchemaDump.of(live), "after the generated downgrade, pg_dump -s of the start");

        Cli.Result script = cli.run("diff", "--from", live.url(), "--to", model.url(), "--sql");
        assertEquals(ExitCode.FOUND, script.code(), script::toString);
        Psql.run(live, workDir, script.out());
        assertEquals(b, SchemaDump.of(live), "after diff --sql, pg_dump -s of the target");
        assertEquals(
                new Cli.Result(ExitCode.OK, "No differences.\n", ""),
                cli.run("diff", "--from", live.url(), "--to", model.url()));
    }

    private MigrationSet compile(Scenario scenario, Plan plan) throws IOException {
        Path folder = workDir.resolve(scenario.file().getFileName().toString().replace(".scenario", ""));
        RevisionHeader header =
                RevisionHeader.of("d1b2c3d4e5f6", List.of(), scenario.title(), LocalDateTime.of(2026, 1, 1, 0, 0));
        Files.createDirectories(folder);
        Files.writeString(
                folder.resolve(MigrationWriter.className(header) + ".java"),
                MigrationWriter.write("scenario", header, plan).toString(),
                StandardCharsets.UTF_8);
        return SourceMigrations.load(folder, null);
    }

    private static Schema read(TestDatabase db, Autogenerate autogenerate) throws Exception {
        try (Connection c = db.connect()) {
            return autogenerate.readDatabase(c);
        }
    }

    /** {@code pg_dump -s} without comments, settings and Retort's tables, each table's column lines sorted. */
    static final class SchemaDump {
        private SchemaDump() {}

        static String of(TestDatabase db) throws IOException, InterruptedException {
            List<String> lines = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            boolean inTable = false;
            for (String line : PgDump.schema(db).split("\n")) {
                if (line.isBlank() || line.startsWith("--") || line.startsWith("SET ") || line.startsWith("SELECT "))
                    continue;
                if (inTable && line.startsWith(")")) {
                    columns.sort(null);
                    lines.addAll(columns);
                    columns.clear();
                    inTable = false;
                }
                if (inTable) {
                    columns.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
                } else {
                    lines.add(line);
                    inTable = line.startsWith("CREATE TABLE ");
                }
            }
            return String.join("\n", lines) + "\n";
        }
    }
}
