package dev.retort.bench;

import dev.retort.bench.ProcessTimer.Run;
import dev.retort.bench.ProcessTimer.Sample;
import dev.retort.bench.Report.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.ToolProvider;

/**
 * The figures at N tables: {@code pg_dump -s} (the reference), introspection alone, {@code check},
 * {@code revision --autogenerate} and {@code diff}, each run checked for exactly the known differences.
 */
final class TableBench {
    private static final String NO_CHANGES = "No new upgrade operations detected.";

    private final Bench.Setup setup;

    TableBench(Bench.Setup setup) {
        this.setup = setup;
    }

    /**
     * Runs the figures at {@code n} tables into the report, and Alembic's where it is installed, adds
     * the schema's description and what Alembic found to the notes, and returns the {@code pg_dump -s}
     * reference.
     */
    Sample run(int n, Report report, List<String> notes) throws Exception {
        Path dir = Bench.emptyDirectory(setup.work().resolve("n" + n));
        Model base = Model.generate(n);
        Differences differences = Differences.apply(base);
        Path databaseSql = Files.writeString(
                dir.resolve("database.sql"), SqlWriter.write(differences.database()), StandardCharsets.UTF_8);
        Path entitiesSql = Files.writeString(
                dir.resolve("entities.sql"), SqlWriter.write(differences.entities()), StandardCharsets.UTF_8);
        Bench.progress(
                "N=%d: %d tables, %d columns, %d indexes, %d foreign keys; writing and compiling the entities",
                n, base.tables().size(), base.columnCount(), base.indexCount(), base.foreignKeyCount());
        Path classes = compile(
                setup.jar(),
                EntityWriter.write(differences.entities(), dir.resolve("entities")),
                dir.resolve("classes"));

        String database = setup.prefix() + "_n" + n;
        String twin = database + "_entities";
        Bench.progress("N=%d: loading %s (the database) and %s (the entities' own schema)", n, database, twin);
        for (String name : List.of(database, twin)) setup.postgres().recreate(name);
        setup.postgres().load(database, databaseSql);
        setup.postgres().load(twin, entitiesSql);

        Path project = Files.createDirectories(dir.resolve("project"));
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(
                project.resolve("retort.properties"),
                "url = " + setup.postgres().url(database) + "\n" + "entities.packages = " + EntityWriter.PACKAGE
                        + "\nentities.classpath = " + classes + "\n",
                StandardCharsets.UTF_8);
        Map<String, String> environment =
                Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        ProcessTimer timer = setup.timer();

        Bench.progress("N=%d: no false positives: check against the schema made from the entities' own model", n);
        Run exact = timer.run(
                project, environment, setup.retort("--url", setup.postgres().url(twin), "check"));
        if (exact.exit() != 0 || !exact.out().contains(NO_CHANGES))
            throw exact.failure("the entities and their own schema differ");

        // in turn, so that each figure and the reference see the machine as it is at the time
        Bench.progress(
                "N=%d: pg_dump -s, introspection alone, retort check, revision --autogenerate and diff, in turn", n);
        String tables = (differences.database().tables().size()) + " tables";
        List<Sample> samples = timer.interleave(
                setup.runs(),
                List.of(
                        new ProcessTimer.Job(
                                dir,
                                environment,
                                setup.postgres().schemaDump(database, dir.resolve("dump.sql")),
                                () -> {},
                                run -> run.expectExit(0)),
                        new ProcessTimer.Job(
                                dir,
                                environment,
                                setup.introspect(setup.postgres().url(database)),
                                () -> {},
                                run -> {
                                    if (!run.expectExit(0).out().strip().equals(tables))
                                        throw run.failure("expected " + tables);
                                }),
                        // revision --autogenerate writes a migration; check and the next revision start without it
                        new ProcessTimer.Job(
                                project,
                                environment,
                                setup.retort("check"),
                                () -> Bench.emptyDirectory(migrations),
                                run -> expectLines(run.expectExit(1), checkLines(run.out()), differences.expected())),
                        new ProcessTimer.Job(
                                project,
                                environment,
                                setup.retort("revision", "--autogenerate", "-m", "bench"),
                                () -> Bench.emptyDirectory(migrations),
                                run -> expectLines(
                                        run.expectExit(0), detectedLines(run.out()), differences.expected())),
                        new ProcessTimer.Job(
                                dir,
                                environment,
                                setup.retort(
                                        "diff",
                                        "--from",
                                        setup.postgres().url(database),
                                        "--to",
                                        setup.postgres().url(twin)),
                                () -> {},
                                run -> expectLines(
                                        run.expectExit(1),
                                        diffLines(run.out()),
                                        differences.expectedBetweenDatabases()))));
        Bench.emptyDirectory(migrations);
        DevSamples dev = dev(n, dir, databaseSql, differences, environment);
        Sample dump = samples.get(0);
        Sample introspection = samples.get(1);
        Sample check = samples.get(2);
        Sample revision = samples.get(3);
        Sample diff = samples.get(4);

        String reference = "pg_dump -s";
        boolean large = n >= 1000;
        boolean small = n <= 100;
        Target checkTarget = large ? Target.ratio(3).rss(300) : small ? Target.seconds(0.8) : Target.NONE;
        report.add(new Report.Row("N=" + n + ": pg_dump -s (reference)", dump, reference, dump, Target.NONE));
        report.add(new Report.Row(
                "N=" + n + ": introspection alone",
                introspection,
                reference,
                dump,
                large ? Target.ratio(1.2) : Target.NONE));
        report.add(new Report.Row("N=" + n + ": retort check", check, reference, dump, checkTarget));
        report.add(
                new Report.Row("N=" + n + ": retort revision --autogenerate", revision, reference, dump, checkTarget));
        report.add(new Report.Row(
                "N=" + n + ": psql -f of the schema's SQL (reference for check --dev)",
                dev.psql(),
                "check",
                check,
                Target.NONE));
        double allowance = dev.psql().medianSeconds() + 1;
        report.add(new Report.Row(
                "N=" + n + ": retort check --dev (" + dev.migrations()
                        + " migrations on a scratch database; target: check + psql -f + 1 s)",
                dev.check(),
                "check",
                check,
                Target.plus(allowance)));
        report.add(new Report.Row(
                "N=" + n + ": retort check --dev on the embedded server (dev.url = embedded: its start and stop"
                        + " included; RSS of Retort's JVM only)",
                dev.embedded(),
                "check --dev",
                dev.check(),
                Target.NONE));
        report.add(new Report.Row(
                "N=" + n + ": retort diff (two databases)",
                diff,
                reference,
                dump,
                large ? Target.ratio(2) : Target.NONE));
        notes.add(String.format(
                Locale.ROOT,
                "N=%d: %d tables, %d columns, %d indexes (primary keys and unique constraints included), "
                        + "%d foreign keys, plus the known differences, which check, revision --autogenerate and diff each found exactly "
                        + "(%d operations)",
                n,
                base.tables().size(),
                base.columnCount(),
                base.indexCount(),
                base.foreignKeyCount(),
                differences.expected().size()));
        if (setup.alembic() != null) {
            AlembicBench.Found found =
                    new AlembicBench(setup).run(n, differences.entities(), database, twin, dump, report);
            notes.add(String.format(
                    Locale.ROOT,
                    "N=%d: Alembic detected %d operations against the database (%s) and %d against the "
                            + "entities' own schema%s",
                    n,
                    found.operations().size(),
                    String.join("; ", found.operations()),
                    found.falsePositives().size(),
                    found.falsePositives().isEmpty() ? "" : " (" + String.join("; ", found.falsePositives()) + ")"));
        }
        return dump;
    }

    /** Compiles the generated entities against Retort's jar (for Hibernate's and JPA's annotations). */
    static Path compile(Path jar, List<Path> sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(
                List.of("-proc:none", "-nowarn", "--release", "17", "-d", classes.toString(), "-cp", jar.toString()));
        sources.forEach(source -> arguments.add(source.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, arguments.toArray(String[]::new));
        if (exit != 0)
            throw new BenchException("compiling the entities failed:\n" + errors.toString(StandardCharsets.UTF_8));
        return classes;
    }

    /** {@code check} prints each operation indented by two spaces, its hazards by four. */
    /** {@code check --dev} and the {@code psql -f} of the same schema's SQL it is measured against. */
    record DevSamples(int migrations, Sample psql, Sample check, Sample embedded) {}

    /**
     * {@code check --dev} on a project whose migrations build the database's schema (its SQL cut into 50
     * migrations up to 100 tables, 200 above), a scratch database on the same server, beside {@code psql -f}
     * of that SQL into a new database.
     */
    private DevSamples dev(int n, Path dir, Path databaseSql, Differences differences, Map<String, String> environment)
            throws Exception {
        int count = n <= 100 ? 50 : 200;
        Path project = Files.createDirectories(dir.resolve("project-dev"));
        ScriptMigrationWriter.write(
                Files.readString(databaseSql, StandardCharsets.UTF_8), count, project.resolve("migrations"));
        Files.writeString(
                project.resolve("retort.properties"),
                "dev.url = " + setup.postgres().url("postgres") + "\nentities.packages = " + EntityWriter.PACKAGE
                        + "\nentities.classpath = " + dir.resolve("classes") + "\n",
                StandardCharsets.UTF_8);
        Path embedded = Files.createDirectories(dir.resolve("project-embedded"));
        ScriptMigrationWriter.write(
                Files.readString(databaseSql, StandardCharsets.UTF_8), count, embedded.resolve("migrations"));
        Files.writeString(
                embedded.resolve("retort.properties"),
                "dev.url = embedded\nentities.packages = " + EntityWriter.PACKAGE + "\nentities.classpath = "
                        + dir.resolve("classes") + "\n",
                StandardCharsets.UTF_8);
        String loaded = setup.prefix() + "_n" + n + "_psql";
        Bench.progress("N=%d: check --dev (%d migrations) and psql -f of the same SQL, in turn", n, count);
        List<Sample> samples = setup.timer()
                .interleave(
                        setup.runs(),
                        List.of(
                                new ProcessTimer.Job(
                                        dir,
                                        environment,
                                        setup.postgres().psql(loaded, "-f", databaseSql.toString()),
                                        () -> setup.postgres().recreate(loaded),
                                        run -> run.expectExit(0)),
                                new ProcessTimer.Job(
                                        project,
                                        environment,
                                        setup.retort("check", "--dev"),
                                        () -> {},
                                        run -> expectLines(
                                                run.expectExit(1), checkLines(run.out()), differences.expected())),
                                new ProcessTimer.Job(
                                        embedded,
                                        environment,
                                        setup.retort("check", "--dev"),
                                        () -> {},
                                        run -> expectLines(
                                                run.expectExit(1), checkLines(run.out()), differences.expected()))));
        setup.postgres().drop(loaded);
        return new DevSamples(count, samples.get(0), samples.get(1), samples.get(2));
    }

    static List<String> checkLines(String out) {
        return out.lines()
                .filter(l -> l.startsWith("  ") && !l.startsWith("    "))
                .map(String::strip)
                .toList();
    }

    static List<String> detectedLines(String out) {
        return out.lines()
                .filter(l -> l.startsWith("Detected "))
                .map(l -> l.substring("Detected ".length()))
                .toList();
    }

    /** {@code diff} prints each operation unindented, its hazards indented. */
    static List<String> diffLines(String out) {
        return out.lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).toList();
    }

    static void expectLines(Run run, List<String> found, List<String> expected) {
        List<String> missing = new ArrayList<>(expected);
        found.forEach(missing::remove);
        List<String> unexpected = new ArrayList<>(found);
        expected.forEach(unexpected::remove);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw run.failure("not exactly the known differences; missing " + missing + ", unexpected " + unexpected);
        }
    }
}
