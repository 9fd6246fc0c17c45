package dev.retort.bench;

import dev.retort.bench.ProcessTimer.Run;
import dev.retort.bench.ProcessTimer.Sample;
import dev.retort.bench.Report.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The figures at N tables on MariaDB ({@code bench/run --dialect mariadb}; on MySQL with {@code --dialect mysql}, against
 * its own {@code mysqldump}): {@code mariadb-dump --no-data} (the
 * reference), introspection alone and {@code retort check}, in turn, each check run checked for exactly the known
 * differences. The model and its entities are the PostgreSQL benchmark's, in MariaDB's types and defaults.
 */
final class MariaDbTableBench {
    private static final String NO_CHANGES = "No new upgrade operations detected.";

    private final Bench.Setup setup;
    private final MariaDb server;

    MariaDbTableBench(Bench.Setup setup, MariaDb server) {
        this.setup = setup;
        this.server = server;
    }

    static String database(String prefix, int n) {
        return database(prefix, n, false);
    }

    /** The database of N tables, MySQL's with {@code mySql}. */
    static String database(String prefix, int n, boolean mySql) {
        return prefix + (mySql ? "_mysql_n" : "_mariadb_n") + n;
    }

    void run(int n, Report report, List<String> notes) throws Exception {
        boolean mySql = server.mySql();
        String shown = server.name();
        Path dir = Bench.emptyDirectory(setup.work().resolve((mySql ? "mysql-n" : "mariadb-n") + n));
        Model base = Model.generate(n).forMariaDb();
        Differences differences = Differences.apply(base, true);
        Path databaseSql = Files.writeString(
                dir.resolve("database.sql"),
                SqlWriter.write(differences.database(), true, mySql),
                StandardCharsets.UTF_8);
        Path entitiesSql = Files.writeString(
                dir.resolve("entities.sql"),
                SqlWriter.write(differences.entities(), true, mySql),
                StandardCharsets.UTF_8);
        Bench.progress(
                "N=%d (%s): %d tables, %d columns, %d indexes, %d foreign keys; writing and compiling the entities",
                n, shown, base.tables().size(), base.columnCount(), base.indexCount(), base.foreignKeyCount());
        Path classes = TableBench.compile(
                setup.jar(),
                EntityWriter.write(differences.entities(), dir.resolve("entities")),
                dir.resolve("classes"));

        String database = database(setup.prefix(), n, mySql);
        String twin = database + "_entities";
        Bench.progress(
                "N=%d (%s): loading %s (the database) and %s (the entities' own schema)", n, shown, database, twin);
        for (String name : List.of(database, twin)) server.recreate(name);
        server.load(database, databaseSql);
        server.load(twin, entitiesSql);

        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(
                project.resolve("retort.properties"),
                "url = " + server.url(database) + "\nentities.packages = " + EntityWriter.PACKAGE
                        + "\nentities.classpath = " + classes + "\n",
                StandardCharsets.UTF_8);
        Map<String, String> environment =
                Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        ProcessTimer timer = setup.timer();

        Bench.progress("N=%d (%s): no false positives: check against the entities' own schema", n, shown);
        Run exact = timer.run(project, environment, setup.retort("--url", server.url(twin), "check"));
        if (exact.exit() != 0 || !exact.out().contains(NO_CHANGES))
            throw exact.failure("the entities and their own schema differ");

        Bench.progress("N=%d (%s): %s, introspection alone and retort check, in turn", n, shown, server.dumpName());
        String tables = differences.database().tables().size() + " tables";
        List<ProcessTimer.Job> jobs = new ArrayList<>(List.of(
                new ProcessTimer.Job(dir, environment, server.schemaDump(database), () -> {}, run -> run.expectExit(0)),
                new ProcessTimer.Job(
                        dir,
                        environment,
                        setup.introspect(MariaDbIntrospect.class, server.url(database)),
                        () -> {},
                        run -> {
                            if (!run.expectExit(0).out().strip().equals(tables))
                                throw run.failure("expected " + tables);
                        }),
                new ProcessTimer.Job(
                        project,
                        environment,
                        setup.retort("check"),
                        () -> {},
                        run -> TableBench.expectLines(
                                run.expectExit(1), TableBench.checkLines(run.out()), differences.expected()))));
        List<Floor> floors = setup.floor() ? floors(dir, server.url(database), classes, n) : List.of();
        for (Floor floor : floors) jobs.add(floor.job(dir, environment));
        List<Sample> samples = timer.interleave(setup.runs(), jobs);
        Sample dump = samples.get(0);
        String reference = server.dumpName();
        report.add(new Report.Row("N=" + n + ": " + reference + " (reference)", dump, reference, dump, Target.NONE));
        report.add(
                new Report.Row("N=" + n + ": introspection alone", samples.get(1), reference, dump, Target.ratio(2)));
        report.add(new Report.Row("N=" + n + ": retort check", samples.get(2), reference, dump, Target.ratio(4)));
        for (int i = 0; i < floors.size(); i++)
            report.add(new Report.Row(
                    "N=" + n + ": floor: " + floors.get(i).figure(), samples.get(3 + i), reference, dump, Target.NONE));
        warm(n, shown, project, environment, server.url(database), report, reference, dump, notes);
        notes.add(String.format(
                Locale.ROOT,
                "N=%d (%s): %d tables, %d columns, %d indexes (primary keys and unique keys included), "
                        + "%d foreign keys, plus the known differences, which check found exactly in every run "
                        + "(%d operations)",
                n,
                shown,
                base.tables().size(),
                base.columnCount(),
                base.indexCount(),
                base.foreignKeyCount(),
                differences.expected().size()));
        if (!floors.isEmpty())
            notes.add("floors (--floor): the bench's own mains (Floor*), each with the launcher's JVM options and a"
                    + " class-data archive of its own, trained by one run of the same command before the timing");
    }

    /**
     * The same introspection and {@code check} in one JVM already running ({@link MariaDbWarm}), after the rounds in
     * turn; the RSS shown is that JVM's peak, all rounds together.
     */
    private void warm(
            int n,
            String shown,
            Path project,
            Map<String, String> environment,
            String url,
            Report report,
            String reference,
            Sample dump,
            List<String> notes)
            throws Exception {
        Bench.progress("N=%d (%s): introspection and check in a JVM already running", n, shown);
        Run run = setup.timer()
                .run(
                        project,
                        environment,
                        setup.launched(
                                MariaDbWarm.class,
                                null,
                                setup.benchClasses(),
                                url,
                                project.toString(),
                                Integer.toString(setup.runs())))
                .expectExit(0);
        for (String line : run.out().strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            List<Double> seconds = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                seconds.add(Double.parseDouble(parts[i]));
                rss.add(run.peakRssKb());
            }
            String figure = parts[0].endsWith("check") ? "retort check" : "introspection alone";
            String when = parts[0].startsWith("first-")
                    ? ", in a JVM already running, its first time (one run)"
                    : ", in a JVM that ran it before";
            report.add(new Report.Row(
                    "N=" + n + ": " + figure + when, new Sample(seconds, rss), reference, dump, Target.NONE));
        }
        notes.add("in a JVM already running (MariaDbWarm): the same introspection and check (Main.run) in one JVM,"
                + " as the Maven plugin, a JUnit suite or a Spring application run them: the first round alone (Retort's"
                + " classes loaded by it), then, after one more, " + setup.runs() + " timed; its RSS is that JVM's peak"
                + " over all of them");
    }

    /** A floor's main class, what it is given and what it must print. */
    private record Floor(String figure, List<String> command, String expected) {
        ProcessTimer.Job job(Path directory, Map<String, String> environment) {
            return new ProcessTimer.Job(directory, environment, command, () -> {}, run -> {
                if (!run.expectExit(0).out().strip().equals(expected)) throw run.failure("expected " + expected);
            });
        }
    }

    /**
     * The floors, each with its class-data archive trained by one run of its own; their classes in a jar of their own,
     * as an archive takes no class from a directory.
     */
    private List<Floor> floors(Path dir, String url, Path classes, int n) throws Exception {
        Path jar = dir.resolve("floors.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> main : List.of(FloorConnect.class, FloorJooq.class, FloorHibernate.class)) {
                String entry = main.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(setup.benchClasses().resolve(entry)));
                out.closeEntry();
            }
        }
        List<Floor> floors = new ArrayList<>();
        floors.add(floor(dir, jar, "(a) connect and select 1", FloorConnect.class, "1", url));
        floors.add(floor(dir, jar, "(b) (a) and jOOQ's DSL.using, one query", FloorJooq.class, "1", url));
        floors.add(floor(
                dir,
                jar,
                "(c) Hibernate's metadata of the entities, MariaDB dialect, no database",
                FloorHibernate.class,
                (n + 1) + " entities, MariaDBDialect",
                classes.toString()));
        return floors;
    }

    private Floor floor(Path dir, Path jar, String figure, Class<?> main, String expected, String argument)
            throws Exception {
        Path archive = dir.resolve(main.getSimpleName() + ".jsa");
        Files.deleteIfExists(archive);
        Bench.progress("floor %s: training its class-data archive", main.getSimpleName());
        setup.timer()
                .run(dir, Map.of(), setup.launched(main, "-XX:ArchiveClassesAtExit=" + archive, jar, argument))
                .expectExit(0);
        if (!Files.isRegularFile(archive)) throw new BenchException("no class-data archive from " + main.getName());
        return new Floor(figure, setup.launched(main, "-XX:SharedArchiveFile=" + archive, jar, argument), expected);
    }
}
