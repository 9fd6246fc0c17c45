package dev.retort.cli.startup;

import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.OpText;
import dev.retort.cli.EntityRead;
import dev.retort.cli.Main;
import dev.retort.codegen.MigrationWriter;
import dev.retort.codegen.RevisionHeader;
import dev.retort.diff.Plan;
import dev.retort.mariadb.JooqPrewarm;
import dev.retort.op.Op;
import dev.retort.postgres.PostgresSql;
import dev.retort.report.JsonReport;
import dev.retort.revision.Targets;
import dev.retort.runtime.Retort;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The training run of the class-data-sharing archive that {@code ./retort} keeps beside the jar
 * ({@code -XX:ArchiveClassesAtExit}): it loads the classes the commands load, parsing, mapping the
 * warm-up entities with Hibernate, diffing, writing, compiling and rendering a migration, and
 * running the JDBC driver against an in-memory server, and jOOQ-meta's MariaDB catalog read against jOOQ's
 * mock connection ({@code JooqPrewarm}), without touching a database. Later runs map those classes instead
 * of loading them.
 *
 * <p>Measured gain: with the launcher's client compiler, collector and no perf-data file,
 * {@code current} ~0.70 to ~0.33 s on the benchmark machine; picocli compiled for Java 17 so that
 * the archive can hold it, {@code heads} ~0.52 to ~0.42 s and {@code current} ~0.61 to ~0.51 s; with a report written in the run (Jackson's
 * generator), {@code heads --format json} ~146 to ~129 ms, where {@code heads} takes ~125 ms; with
 * jOOQ-meta's read and the MariaDB driver's classes, MariaDB introspection alone of 100 tables ~0.71 to
 * ~0.31 s and {@code check} ~1.18 to ~0.86 s.
 * Switch: {@code RETORT_STARTUP_CDS=off} ({@link StartupSwitch#ARCHIVE}), read by the launcher,
 * which then neither trains nor uses the archive.
 */
public final class Warmup {
    private Warmup() {}

    /**
     * Loads, without initialising, the classes of the jar under the given prefixes: the training run
     * reaches no database, so the driver's connection and result classes, and Retort's catalog
     * reading, would otherwise be loaded from the jar on every run. Classes that need an absent
     * optional library are skipped.
     */
    private static void loadClasses(String... prefixes) throws IOException {
        Path jar;
        try {
            jar = Path.of(Warmup.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return;
        }
        if (!Files.isRegularFile(jar)) return;
        ClassLoader loader = Warmup.class.getClassLoader();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class")
                        || name.contains("-")
                        || Stream.of(prefixes).noneMatch(name::startsWith)) continue;
                try {
                    Class.forName(
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader);
                } catch (ClassNotFoundException | LinkageError absentDependency) {
                    // left out of the archive
                }
            }
        }
    }

    /**
     * The model with every table changed: its last column outside the primary key dropped, the others' types, nullability
     * and defaults changed, its keys, indexes and checks gone, a check and a column added.
     */
    private static Schema changed(Schema model) {
        List<Table> tables = new ArrayList<>();
        for (Table table : model.tables()) {
            List<Column> columns = new ArrayList<>();
            List<String> keyColumns =
                    table.primaryKey() == null ? List.of() : table.primaryKey().columns();
            Column dropped = table.columns().stream()
                    .filter(c -> !keyColumns.contains(c.name()))
                    .reduce((first, second) -> second)
                    .orElse(null);
            for (Column column : table.columns()) {
                if (column == dropped) continue;
                boolean key = keyColumns.contains(column.name());
                columns.add(
                        key
                                ? column
                                : column.withType("text")
                                        .withNullable(!column.nullable())
                                        .withDefault(ColumnDefault.of("'x'")));
            }
            columns.add(Column.of("warmup_added", "varchar(20)"));
            tables.add(Table.of(table.name(), columns)
                    .withPrimaryKey(table.primaryKey())
                    .withChecks(
                            List.of(CheckConstraint.of("(warmup_added <> '')").named("warmup_check")))
                    .withComment("changed"));
        }
        return model.with(tables, model.sequences(), model.enums());
    }

    private static Retort offline(Path migrations, Path cache) {
        return Retort.configure()
                .offline()
                .migrationsDirectory(migrations)
                .compileCache(cache)
                .load();
    }

    public static void main(String[] args) throws IOException, SQLException {
        Path directory = Files.createTempDirectory("retort-warmup");
        try {
            PrintWriter sink = new PrintWriter(new StringWriter());
            Main.run(directory, Map.of(), sink, sink, "--help");
            Main.run(directory, Map.of(), sink, sink, "init");
            Main.run(directory, Map.of(), sink, sink, "heads");
            Main.run(directory, Map.of(), sink, sink, "heads", "--format", "json");
            Autogenerate autogenerate = Autogenerate.configure().load();
            Schema model = EntityRead.read(HibernatePrewarm.WARMUP, "public");
            Plan plan = autogenerate.diff(Schema.EMPTY, model);
            JsonReport.check(new StringWriter(), plan, "public");
            // changed tables, both ways: the differ's comparisons of columns, keys and indexes, not only its creations
            Schema changed = changed(model);
            for (Plan each : List.of(plan, autogenerate.diff(model, changed), autogenerate.diff(changed, model))) {
                for (List<Op> ops : List.of(each.upgrade(), each.downgrade())) {
                    for (Op op : ops) {
                        PostgresSql.statements(op);
                        OpText.describe(op);
                    }
                }
            }
            RevisionHeader header =
                    RevisionHeader.of("0a0a0a0a0a0a", List.of(), "warm up", LocalDateTime.of(2026, 1, 1, 0, 0));
            Path migrations = Files.createDirectories(directory.resolve("warmup-migrations"));
            Files.writeString(
                    migrations.resolve(MigrationWriter.className(header) + ".java"),
                    MigrationWriter.write("warmup", header, plan).toString(),
                    StandardCharsets.UTF_8);
            offline(migrations, directory.resolve("cache")).revisions().heads();
            // the runner's path through the runtime facade, as an offline script (the migrations read from the cache):
            // migrations run, SQL rendered, checksums and bookkeeping written
            Retort runner = offline(migrations, directory.resolve("cache"));
            runner.upgradeScript(Set.of(), "heads");
            runner.downgradeScript(Set.of(header.id()), Targets.BASE);
            DriverPrewarm.run();
            JooqPrewarm.run();
            loadClasses("org/postgresql/", "org/mariadb/", "dev/retort/");
        } finally {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
            }
        }
    }
}
