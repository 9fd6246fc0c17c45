package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.OpText;
import dev.retort.codegen.MigrationWriter;
import dev.retort.codegen.RevisionHeader;
import dev.retort.codegen.Safety;
import dev.retort.diff.ColumnComparison;
import dev.retort.diff.Differ;
import dev.retort.diff.Plan;
import dev.retort.entities.EntitySource;
import dev.retort.entities.Naming;
import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.internal.HistoryTable;
import dev.retort.runtime.internal.MigrationSet;
import dev.retort.runtime.internal.Migrator;
import dev.retort.runtime.internal.VersionTable;
import dev.retort.runtime.internal.source.SourceMigrations;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.TableFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Alembic autogenerate checklist ({@code ../shared/scenarios/alembic-checklist.md}), one named
 * test per item, from the scenario files in {@code fixtures/src/main/resources/scenarios/alembic}.
 *
 * <p>Each scenario gives the database it starts from ({@code --- db}), the model it must reach,
 * either as SQL loaded into a second database ({@code --- model}) or as entity packages read by
 * Hibernate ({@code --- entities}), and the operations expected, in order ({@code --- expect}, the
 * lines {@code retort check} prints). The test then renders the migration class, compiles it, runs
 * its upgrade against the database, re-diffs to nothing, runs its downgrade, and finds the starting
 * schema again. See the scenario folder's README for the format.
 */
class ChecklistScenarioTest {
    @RegisterExtension
    static final TestDatabase live = new TestDatabase();

    @RegisterExtension
    static final TestDatabase model = new TestDatabase();

    static final Path SCENARIOS = Path.of(System.getProperty("retort.repository.root", ".."))
            .resolve("fixtures/src/main/resources/scenarios/alembic")
            .normalize();

    @TempDir
    Path workDir;

    @TestFactory
    Stream<DynamicTest> checklist() throws IOException {
        return Scenario.tests(SCENARIOS, System.getProperty("retort.scenario", ""), s -> run(s, Safety.SIMPLE));
    }

    /** Every scenario again with its migration in the online forms: the same target reached, the same start restored. */
    @TestFactory
    Stream<DynamicTest> checklistOnline() throws IOException {
        return Scenario.tests(SCENARIOS, System.getProperty("retort.scenario", ""), s -> run(s, Safety.ONLINE));
    }

    private void run(Scenario scenario, Safety safety) throws Exception {
        live.resetAllSchemas();
        model.resetAllSchemas();
        load(live, scenario.section("db"), scenario.file());
        Autogenerate autogenerate = scenario.autogenerate();
        Schema start = read(live, autogenerate);
        Schema target;
        if (scenario.has("entities")) {
            Naming naming = new Naming(scenario.option("naming", "jpa"));
            List<String> packages =
                    Arrays.asList(scenario.section("entities").strip().split("\\s+"));
            try (Connection c = live.connect()) {
                target = autogenerate.canonicalize(
                        c, autogenerate.readEntities(new EntitySource(packages, List.of(), naming)));
            }
        } else {
            load(model, scenario.section("model"), scenario.file());
            target = read(model, autogenerate);
        }
        boolean entities = scenario.has("entities");
        Plan plan = entities ? autogenerate.diffModel(start, target) : autogenerate.diff(start, target);
        List<String> described = plan.upgrade().stream().map(OpText::describe).toList();
        assertEquals(
                scenario.expected(),
                described,
                () -> scenario.file() + ": operations differ; the plan was:\n" + String.join("\n", described));

        MigrationSet migrations = compile(scenario, plan, safety);
        VersionTable versions = scenario.versionTable();
        Migrator migrator = new Migrator(migrations, versions);
        try (Connection c = connect(live, scenario.defaultSchema())) {
            migrator.upgrade(c, "head");
        }
        Schema upgraded = read(live, autogenerate);
        Plan rest = entities ? autogenerate.diffModel(upgraded, target) : autogenerate.diff(upgraded, target);
        assertTrue(
                rest.isEmpty(),
                () -> "after upgrade, still different: "
                        + rest.upgrade().stream().map(OpText::describe).toList());
        try (Connection c = connect(live, scenario.defaultSchema())) {
            migrator.downgrade(c, "base");
        }
        Plan back = Differ.diff(read(live, autogenerate), start);
        assertTrue(
                back.isEmpty(),
                () -> "after downgrade, not the starting schema: "
                        + back.upgrade().stream().map(OpText::describe).toList());
    }

    private MigrationSet compile(Scenario scenario, Plan plan, Safety safety) throws IOException {
        Path folder = workDir.resolve(
                scenario.file().getFileName().toString().replace(".scenario", "") + "-" + safety.word());
        RevisionHeader header =
                RevisionHeader.of("a1b2c3d4e5f6", List.of(), scenario.title(), LocalDateTime.of(2026, 1, 1, 0, 0));
        Files.createDirectories(folder);
        Files.writeString(
                folder.resolve(MigrationWriter.className(header) + ".java"),
                MigrationWriter.write("scenario", header, plan, safety).toString(),
                StandardCharsets.UTF_8);
        return SourceMigrations.load(folder, null);
    }

    /** A connection whose unqualified names resolve to the scenario's default schema, as the CLI's do. */
    private static Connection connect(TestDatabase db, String defaultSchema) throws SQLException {
        Connection c = db.connect();
        if (!defaultSchema.equals("public")) {
            try (var st = c.createStatement()) {
                st.execute("SET search_path TO \"" + defaultSchema + "\", public");
            }
        }
        return c;
    }

    private static Schema read(TestDatabase db, Autogenerate autogenerate) throws SQLException {
        try (Connection c = db.connect()) {
            return autogenerate.readDatabase(c);
        }
    }

    private static void load(TestDatabase db, String sql, Path origin) throws Exception {
        if (!sql.isBlank()) Psql.load(db, sql, origin);
    }

    /**
     * A parsed scenario file: a title line ({@code # 3.1 ...}), then sections headed {@code --- name}.
     * Lines starting with {@code #} outside SQL sections are comments.
     */
    record Scenario(Path file, String title, Map<String, String> sections) {
        /** What a scenario test does with one scenario. */
        interface Run {
            void run(Scenario scenario) throws Exception;
        }

        /** One dynamic test per {@code .scenario} file under {@code folder} whose name contains {@code only}, sorted. */
        static Stream<DynamicTest> tests(Path folder, String only, Run run) throws IOException {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(p -> p.toString().endsWith(".scenario")
                                && p.getFileName().toString().contains(only))
                        .sorted()
                        .toList();
            }
            assertTrue(!files.isEmpty(), "no scenarios under " + folder);
            return files.stream().map(file -> {
                Scenario scenario = parse(file);
                return DynamicTest.dynamicTest(scenario.title(), file.toUri(), () -> run.run(scenario));
            });
        }

        static Scenario parse(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (lines.isEmpty() || !lines.get(0).startsWith("# "))
                throw new IllegalStateException(file + ": first line must be '# <title>'");
            Map<String, String> sections = new LinkedHashMap<>();
            String current = null;
            StringBuilder text = new StringBuilder();
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith("--- ")) {
                    if (current != null) sections.put(current, text.toString());
                    current = line.substring(4).strip();
                    text.setLength(0);
                } else if (current != null) {
                    text.append(line).append('\n');
                }
            }
            if (current != null) sections.put(current, text.toString());
            if (!sections.containsKey("db") || !sections.containsKey("expect"))
                throw new IllegalStateException(file + ": needs --- db and --- expect");
            if (sections.containsKey("model") == sections.containsKey("entities")) {
                throw new IllegalStateException(file + ": needs exactly one of --- model and --- entities");
            }
            return new Scenario(file, lines.get(0).substring(2).strip(), sections);
        }

        boolean has(String section) {
            return sections.containsKey(section);
        }

        String section(String name) {
            return sections.getOrDefault(name, "");
        }

        List<String> expected() {
            return section("expect")
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }

        /** A {@code key: value} line of the {@code --- options} section. */
        String option(String key, String fallback) {
            for (String line : section("options").lines().toList()) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals(key))
                    return line.substring(colon + 1).strip();
            }
            return fallback;
        }

        List<String> list(String key) {
            String value = option(key, "");
            return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
        }

        VersionTable versionTable() {
            return new VersionTable(option("version-table", "retort_version"));
        }

        /** The schemas option; public when there is none. */
        List<String> schemas() {
            List<String> schemas = list("schemas");
            return schemas.isEmpty() ? List.of("public") : schemas;
        }

        /** The first of the schemas. */
        String defaultSchema() {
            return schemas().get(0);
        }

        /** The pipeline over the schemas and the table filter, with the hooks, Retort's own tables left out. */
        Autogenerate autogenerate() {
            VersionTable versions = versionTable();
            return Autogenerate.configure()
                    .schemas(schemas())
                    .tables(filter())
                    .hooks(hooks())
                    .leaveOut(Set.of(
                            QualifiedName.of(versions.name()), QualifiedName.of(new HistoryTable(versions).name())))
                    .load();
        }

        /** The {@code compare-hooks} option: comparison hooks by class name, from the test class path. */
        List<ColumnComparison> hooks() {
            List<ColumnComparison> hooks = new ArrayList<>();
            for (String name : list("compare-hooks")) {
                try {
                    hooks.add((ColumnComparison)
                            Class.forName(name).getDeclaredConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(file + ": compare-hooks: " + e, e);
                }
            }
            return hooks;
        }

        TableFilter filter() {
            return new TableFilter(list("include-tables"), list("exclude-tables"));
        }
    }
}
